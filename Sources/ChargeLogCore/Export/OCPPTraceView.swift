/// The consumer view of an Open OCPP Trace (the specification's `conformance/README.md`): every record's
/// effective action and the CALL it correlates with, the unanswered calls and the orphan responses.
///
/// Correlation rule: a CALLRESULT or CALLERROR correlates with the most recent preceding CALL that has
/// the same `messageId`, the opposite `direction` and is not yet correlated with an earlier response.
/// A response with no such CALL is an orphan; a CALL no response correlated with is unanswered. A
/// response's effective action is its CALL's; an orphan has one only when its record carries it.
public struct OCPPTraceView: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var index: Int
        public var messageType: String
        public var messageId: String?
        public var action: String?
        public var correlatesWith: Int?
    }

    public var schemaVersion: String?
    public var records: [Entry]
    public var unansweredCalls: [Int]
    public var orphanResponses: [Int]

    public var calls: Int { records.filter { $0.messageType == "CALL" }.count }
    public var callResults: Int { records.filter { $0.messageType == "CALLRESULT" }.count }
    public var callErrors: Int { records.filter { $0.messageType == "CALLERROR" }.count }

    public static func derive(_ trace: [OCPPTraceRecord]) -> OCPPTraceView {
        var entries: [Entry] = []
        var answered = Set<Int>()
        var orphans: [Int] = []
        // Not yet correlated CALLs by direction and id; the specification's rule takes the latest
        // (`ExchangePairing.Order.latestFirst`), and bounds nothing.
        var open = ExchangePairing<String, String, Int>(order: .latestFirst, capacity: .max)
        for (k, r) in trace.enumerated() {
            var e = Entry(index: k, messageType: r.messageType, messageId: r.messageId, action: r.action, correlatesWith: nil)
            if r.messageType == "CALL", let id = r.messageId {
                open.open(k, id: id, on: r.direction)
            } else if r.messageType == "CALLRESULT" || r.messageType == "CALLERROR" {
                let other = r.direction == "cp-to-csms" ? "csms-to-cp" : r.direction == "csms-to-cp" ? "cp-to-csms" : nil
                if let other, let id = r.messageId, let c = open.answer(id: id, on: other).call {
                    answered.insert(c)
                    e.correlatesWith = c
                    e.action = trace[c].action
                } else {
                    orphans.append(k)
                }
            }
            entries.append(e)
        }
        let unanswered = trace.indices.filter { trace[$0].messageType == "CALL" && !answered.contains($0) }
        return OCPPTraceView(schemaVersion: trace.first?.schemaVersion, records: entries,
                             unansweredCalls: unanswered, orphanResponses: orphans)
    }

    /// The view as the fixtures' `expected.json` writes it.
    public func json() -> String {
        let list = records.map { e in
            var f: [(String, String)] = [("index", String(e.index)), ("messageType", JSONText.quote(e.messageType))]
            if let id = e.messageId { f.append(("messageId", JSONText.quote(id))) }
            if let a = e.action { f.append(("action", JSONText.quote(a))) }
            if let c = e.correlatesWith { f.append(("correlatesWith", String(c))) }
            return JSONText.object(f)
        }
        return JSONText.object([
            ("schemaVersion", JSONText.value(schemaVersion)),
            ("counts", JSONText.object([("records", String(records.count)), ("calls", String(calls)),
                                        ("callResults", String(callResults)), ("callErrors", String(callErrors))])),
            ("records", "[" + list.joined(separator: ",") + "]"),
            ("unansweredCalls", "[" + unansweredCalls.map(String.init).joined(separator: ",") + "]"),
            ("orphanResponses", "[" + orphanResponses.map(String.init).joined(separator: ",") + "]"),
        ])
    }
}
