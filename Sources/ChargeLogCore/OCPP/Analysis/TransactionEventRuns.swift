/// A 2.0.1 transaction's event sequence told briefly: consecutive events of the same type and trigger
/// folded into one run (`Updated MeterValuePeriodic ×735, seqNo 2–736`).
public struct TransactionEventRun: Sendable, Equatable {
    public var eventType: String
    public var triggerReason: String?
    public var count: Int
    public var firstSeqNo: Int?
    public var lastSeqNo: Int?
    /// Events of the run sent with `offline: true`.
    public var offline: Int
    public var firstTime: Int64
    public var lastTime: Int64

    /// `Started CablePluggedIn (seqNo 0)`, `Updated MeterValuePeriodic ×735 (seqNo 2–736, 3 offline)`.
    public var text: String {
        var s = eventType + (triggerReason.map { " " + $0 } ?? "")
        if count > 1 { s += " ×\(count)" }
        var notes: [String] = []
        if let a = firstSeqNo, let b = lastSeqNo { notes.append(a == b ? "seqNo \(a)" : "seqNo \(a)–\(b)") }
        if offline > 0 { notes.append("\(offline) offline") }
        return notes.isEmpty ? s : s + " (" + notes.joined(separator: ", ") + ")"
    }

    public static func runs(_ events: [TransactionEventStep]) -> [TransactionEventRun] {
        var out: [TransactionEventRun] = []
        for e in events {
            if var last = out.last, last.eventType == e.eventType, last.triggerReason == e.triggerReason {
                last.count += 1
                last.lastSeqNo = e.seqNo ?? last.lastSeqNo
                if last.firstSeqNo == nil { last.firstSeqNo = e.seqNo }
                last.offline += e.offline ? 1 : 0
                last.lastTime = e.time
                out[out.count - 1] = last
            } else {
                out.append(TransactionEventRun(eventType: e.eventType, triggerReason: e.triggerReason, count: 1,
                                               firstSeqNo: e.seqNo, lastSeqNo: e.seqNo, offline: e.offline ? 1 : 0,
                                               firstTime: e.time, lastTime: e.time))
            }
        }
        return out
    }
}

extension OCPPTransaction {
    /// The event sequence in runs (2.0.1; empty for 1.6).
    public var eventRuns: [TransactionEventRun] { TransactionEventRun.runs(events) }
}
