/// The heartbeat interval in force over time: the BootNotification answer's `interval`, a
/// ChangeConfiguration of `HeartbeatInterval` the charger accepted, a GetConfiguration answer listing
/// it; without any, the median gap between heartbeats.
struct HeartbeatInterval {
    struct Setting {
        var time: Int64
        var ms: Int64
        var source: String
    }

    var settings: [Setting]
    var fallback: Setting?

    init(_ c: DiagnosticContext, heartbeats: [Int64]) {
        var s: [Setting] = []
        for m in c.calls("BootNotification") {
            if let a = c.answer(to: m), let v = a.payload["interval"]?.doubleValue ?? a.payload["heartbeatInterval"]?.doubleValue, v > 0 {
                s.append(Setting(time: a.time, ms: Int64(v * 1000), source: "the BootNotification answer"))
            }
        }
        for m in c.calls("ChangeConfiguration") where m.payload["key"]?.stringValue == "HeartbeatInterval" {
            if let a = c.answer(to: m), a.payload["status"]?.stringValue == "Accepted",
               let v = m.payload["value"]?.doubleValue, v > 0 {
                s.append(Setting(time: a.time, ms: Int64(v * 1000), source: "ChangeConfiguration"))
            }
        }
        for m in c.calls("GetConfiguration") {
            guard let a = c.answer(to: m) else { continue }
            for item in a.payload["configurationKey"]?.arrayValue ?? [] where item["key"]?.stringValue == "HeartbeatInterval" {
                if let v = item["value"]?.doubleValue, v > 0 {
                    s.append(Setting(time: a.time, ms: Int64(v * 1000), source: "the GetConfiguration answer"))
                }
            }
        }
        settings = s.sorted { $0.time < $1.time }
        let gaps = zip(heartbeats.dropFirst(), heartbeats).map { $0 - $1 }.filter { $0 > 0 }.sorted()
        fallback = gaps.count >= 2 ? Setting(time: 0, ms: gaps[gaps.count / 2], source: "the median gap between heartbeats") : nil
    }

    /// The setting in force at `time` (the first one when none precedes it).
    func at(_ time: Int64) -> Setting? {
        settings.last { $0.time <= time } ?? settings.first ?? fallback
    }
}
