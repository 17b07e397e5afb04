/// Answers that took longer than `limit` (both times the records' own; counted once per proxied
/// message: the websocket hop, where the CPO answers).
struct SlowAnswerCheck: ProblemCheck {
    var kind: FindingKind { .slowAnswer }
    static let limit: Int64 = 5_000

    func findings(in c: DiagnosticContext) -> [Finding] {
        var out: [Finding] = []
        let store = c.analysis.store
        for x in c.analysis.exchanges {
            guard let r = x.requestMessage, let latency = x.latencyMs, latency > Self.limit,
                  store.entries[r].flags.contains(.primary), let request = x.request, let time = x.requestTime else { continue }
            var records = [request]
            records.add(x.answer)
            let who = x.direction == .chargerToCentral ? "the CPO" : x.direction == .centralToCharger ? "the charger" : "the other side"
            out.append(Finding(kind, time: time, end: x.responseTime,
                               explanation: "\(x.action ?? "?") (\(x.direction.label)) answered by \(who) after \(FindingText.duration(latency)) (limit \(FindingText.duration(Self.limit)))",
                               records: records))
        }
        return out
    }
}
