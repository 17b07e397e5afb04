/// Silence from the charger longer than twice the heartbeat interval: no Heartbeat and no other call
/// from the charger (a charger may skip heartbeats while it sends other messages) between two of its
/// messages, per log, from its first heartbeat on. A gap during a known connection loss says so.
struct HeartbeatGapCheck: ProblemCheck {
    var kind: FindingKind { .heartbeatGap }
    static let factor: Int64 = 2

    func findings(in c: DiagnosticContext) -> [Finding] {
        let store = c.analysis.store
        var byLog: [String: [Int]] = [:]
        var heartbeats: [String: [Int64]] = [:]
        for i in 0..<store.count {
            let e = store.entries[i]
            guard e.flags.contains(.primary), e.messageType?.isRequest == true, e.direction != .centralToCharger else { continue }
            let log = store.connections[Int(e.connection)].log
            byLog[log, default: []].append(i)
            if store.action(i) == "Heartbeat" { heartbeats[log, default: []].append(e.time) }
        }
        var out: [Finding] = []
        for (log, beats) in heartbeats where beats.count >= 2 {
            let interval = HeartbeatInterval(c, heartbeats: beats)
            let messages = byLog[log]!.filter { store.entries[$0].time >= beats[0] }
            for (a, b) in zip(messages, messages.dropFirst()) {
                let ta = store.entries[a].time, tb = store.entries[b].time
                guard let setting = interval.at(ta),
                      CheckedNumber.saturatingDifference(tb, ta) > CheckedNumber.saturatingProduct(Self.factor, setting.ms) else { continue }
                var text = "No heartbeat or other message from the charger for \(FindingText.duration(tb - ta)) (\(FindingText.clock(ta)) → \(FindingText.clock(tb))), more than twice the heartbeat interval of \(FindingText.duration(setting.ms)) from \(setting.source)"
                if c.analysis.connectivity.contains(where: { !$0.online && $0.start < tb && ($0.end ?? Int64.max) > ta }) {
                    text += "; the OCPP connection was lost meanwhile"
                }
                out.append(Finding(kind, time: ta, end: tb, explanation: text,
                                   records: [store.entries[a].ref, store.entries[b].ref]))
            }
        }
        return out
    }
}
