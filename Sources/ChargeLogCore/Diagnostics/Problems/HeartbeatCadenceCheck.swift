/// Heartbeats at another cadence than the interval the back end set (the BootNotification answer's
/// `interval`, an accepted ChangeConfiguration HeartbeatInterval, a GetConfiguration answer). Judged
/// on the quiet gaps only — two heartbeats with no other call from the charger between them and no
/// boot — since a charger may skip heartbeats while it sends other messages: reported per log when
/// the median quiet gap is off the interval by more than half (slower) or a third (faster), and by
/// more than `slack`.
struct HeartbeatCadenceCheck: ProblemCheck {
    var kind: FindingKind { .heartbeatCadence }
    static let slack: Int64 = 5_000

    func findings(in c: DiagnosticContext) -> [Finding] {
        let store = c.analysis.store
        var byLog: [String: [Int]] = [:]
        for i in 0..<store.count {
            let e = store.entries[i]
            guard e.flags.contains(.primary), e.messageType?.isRequest == true, e.direction != .centralToCharger else { continue }
            byLog[store.connections[Int(e.connection)].log, default: []].append(i)
        }
        var out: [Finding] = []
        for log in byLog.keys.sorted() {
            let calls = byLog[log]!
            let beats = calls.filter { store.action($0) == "Heartbeat" }.map { store.entries[$0].time }
            let interval = HeartbeatInterval(c, heartbeats: beats)
            guard !interval.settings.isEmpty else { continue }
            var gaps: [(from: Int, to: Int, ms: Int64, setting: HeartbeatInterval.Setting)] = []
            for (a, b) in zip(calls, calls.dropFirst()) where store.action(a) == "Heartbeat" && store.action(b) == "Heartbeat" {
                let ta = store.entries[a].time, tb = store.entries[b].time
                guard let s = interval.at(ta), s.ms > 0, tb > ta else { continue }
                gaps.append((a, b, tb - ta, s))
            }
            guard gaps.count >= 2 else { continue }
            let ratios = gaps.map { Double($0.ms) / Double($0.setting.ms) }.sorted()
            let median = ratios[ratios.count / 2]
            let typical = gaps.map(\.ms).sorted()[gaps.count / 2]
            let setting = gaps[0].setting
            guard median > 1.5 || median < 2.0 / 3.0, abs(typical - setting.ms) > Self.slack else { continue }
            let off = gaps.filter { g in let r = Double(g.ms) / Double(g.setting.ms); return r > 1.5 || r < 2.0 / 3.0 }
            var records: [RecordRef] = []
            records.add(off.first.map { store.entries[$0.to].ref }, off.first.map { store.entries[$0.from].ref }, off.last.map { store.entries[$0.to].ref })
            let first = store.entries[gaps[0].from].time
            out.append(Finding(kind, time: off.first.map { store.entries[$0.from].time } ?? first, end: off.last.map { store.entries[$0.to].time },
                               explanation: "Heartbeats every \(FindingText.duration(typical)) (median of \(gaps.count) quiet gaps, \(off.count) off) while \(setting.source) set \(FindingText.duration(setting.ms))",
                               records: records))
        }
        return out
    }
}
