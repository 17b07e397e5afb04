/// Answers that took longer than `limit` (both times the records' own), per hop: on the Sungrow
/// proxy a slow CPO shows on the websocket and again on the pipe, where the charger waited for it.
struct SlowAnswerCheck: ProblemCheck {
    var kind: FindingKind { .slowAnswer }
    static let limit: Int64 = 5_000

    func findings(in c: DiagnosticContext) -> [Finding] {
        var out: [Finding] = []
        let store = c.analysis.store
        // Only exchanges whose answer came more than the limit after the request are read in full.
        for (k, ex) in store.exchanges.enumerated()
        where ex.request >= 0 && ex.answer >= 0 && store.entries[Int(ex.answer)].time - store.entries[Int(ex.request)].time > Self.limit {
            let x = c.analysis.makeExchange(k)
            guard x.requestMessage != nil, let latency = x.latencyMs, latency > Self.limit,
                  let request = x.request, let time = x.requestTime else { continue }
            var records = [request]
            records.add(x.answer)
            let who = x.direction == .chargerToCentral ? "the CPO" : x.direction == .centralToCharger ? "the charger" : "the other side"
            out.append(Finding(kind, time: time, end: x.responseTime,
                               explanation: "\(x.action ?? "?") (\(x.direction.label)\(UnansweredCallCheck.hop(x.connection))) answered by \(who) after \(FindingText.duration(latency)) (limit \(FindingText.duration(Self.limit)))",
                               records: records,
                               cause: "\(x.action ?? "?") (\(x.direction.label)\(UnansweredCallCheck.hop(x.connection))) answered slowly by \(who)"))
        }
        return out
    }
}
