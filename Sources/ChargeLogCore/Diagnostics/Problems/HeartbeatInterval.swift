/// The heartbeat interval in force over time: the BootNotification answer's `interval`, a
/// ChangeConfiguration of `HeartbeatInterval` the charger accepted, a GetConfiguration answer listing
/// it; without any, the median gap between heartbeats. A value outside `seconds` is not used; it is
/// kept in `rejected` (as sent) for `NumberRangeCheck`.
struct HeartbeatInterval {
    struct Setting {
        var time: Int64
        var ms: Int64
        var source: String
    }

    /// A setting whose value was not used: the message, the value as sent, where it came from.
    struct Rejected {
        var ref: RecordRef
        var time: Int64
        var raw: String
        var source: String
    }

    /// Intervals used, in seconds: an OCPP integer (32 bits).
    static let seconds: ClosedRange<Double> = 1...Double(Int32.max)

    var settings: [Setting]
    var fallback: Setting?
    var rejected: [Rejected] = []

    init(_ c: DiagnosticContext, heartbeats: [Int64]) {
        var s: [Setting] = []
        var rejected: [Rejected] = []
        func take(_ v: JSONValue?, time: Int64, ref: RecordRef, source: String) {
            guard let v, let d = Self.number(v), !(d <= 0) else { return }
            if let ms = Self.milliseconds(v) {
                s.append(Setting(time: time, ms: ms, source: source))
            } else {
                rejected.append(Rejected(ref: ref, time: time, raw: v.plainText, source: source))
            }
        }
        for m in c.calls("BootNotification") {
            if let a = c.answer(to: m) {
                take(a.payload["interval"] ?? a.payload["heartbeatInterval"], time: a.time, ref: a.ref,
                     source: "the BootNotification answer")
            }
        }
        for m in c.calls("ChangeConfiguration") where m.payload["key"]?.stringValue == "HeartbeatInterval" {
            if let a = c.answer(to: m), a.payload["status"]?.stringValue == "Accepted" {
                take(m.payload["value"], time: a.time, ref: m.ref, source: "ChangeConfiguration")
            }
        }
        for m in c.calls("GetConfiguration") {
            guard let a = c.answer(to: m) else { continue }
            for item in a.payload["configurationKey"]?.arrayValue ?? [] where item["key"]?.stringValue == "HeartbeatInterval" {
                take(item["value"], time: a.time, ref: a.ref, source: "the GetConfiguration answer")
            }
        }
        settings = s.sorted { $0.time < $1.time }
        self.rejected = rejected
        let gaps = zip(heartbeats.dropFirst(), heartbeats).map { $0 - $1 }.filter { $0 > 0 }.sorted()
        fallback = gaps.count >= 2 ? Setting(time: 0, ms: gaps[gaps.count / 2], source: "the median gap between heartbeats") : nil
    }

    /// The interval in ms when the value (a number or a numeric string, in seconds) lies in `seconds`.
    static func milliseconds(_ v: JSONValue) -> Int64? {
        guard let d = number(v) else { return nil }
        return CheckedNumber.milliseconds(seconds: d, in: seconds)
    }

    /// A JSON number or a number written as a string, infinite ones included (`1e999999`).
    static func number(_ v: JSONValue) -> Double? {
        switch v {
        case .number(let n): Double(n)
        case .string(let s): JSONNumberText.isNumber(s) ? Double(s) : nil
        default: nil
        }
    }

    /// Whether a value sent as the interval is a positive number the program will not use.
    static func isOutOfRange(_ v: JSONValue?) -> Bool {
        guard let v, let d = number(v), !(d <= 0) else { return false }
        return milliseconds(v) == nil
    }

    /// The setting in force at `time` (the first one when none precedes it).
    func at(_ time: Int64) -> Setting? {
        settings.last { $0.time <= time } ?? settings.first ?? fallback
    }
}
