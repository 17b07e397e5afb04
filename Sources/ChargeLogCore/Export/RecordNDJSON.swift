/// NDJSON of records for a search cluster (Elasticsearch / OpenSearch): the timeline fields (`time`,
/// `stream`, `file`, `line`, `text`) and, for a record carrying an OCPP message, the decoded message:
/// `messageType`, `action`, `uniqueId`, `direction`, `connection`, `primary` (false for the proxy's
/// second copy), `payload` (an object), `errorCode`, `errorDescription`, `transactionId`,
/// `connector`, `idTag`, `status`, `issues`. A record with several frames gives one line per frame.
/// With a bulk index name, each document is preceded by its `_bulk` action line.
public enum RecordNDJSON {
    public static func write(_ analysis: OCPPAnalysis, filter: RecordFilter = RecordFilter(), mask: Bool = true,
                             bulkIndex: String? = nil, _ emit: (String) -> Void) {
        let index = analysis.index
        let membership = TransactionMembership(analysis)
        let action = bulkIndex.map { JSONText.object([("index", JSONText.object([("_index", JSONText.quote($0))]))]) }
        index.forEach { position, ref in
            let info = index.info(of: ref, position: position)
            guard filter.accepts(info) else { return }
            let raw = index.text(of: ref)
            guard filter.accepts(text: raw) else { return }
            let text = mask ? SecretMasker.mask(raw) : raw
            let base = TimelineRow.fields(info, text: text)
            let numbers = analysis.messageNumbers(at: ref)
            if numbers.isEmpty {
                if let a = action { emit(a) }
                emit(JSONText.object(base))
                return
            }
            for i in numbers {
                if let a = action { emit(a) }
                var fields = base
                fields += ocppFields(analysis.makeMessage(i), analysis: analysis, membership: membership, mask: mask)
                emit(JSONText.object(fields))
            }
        }
    }

    static func ocppFields(_ m: OCPPMessage, analysis: OCPPAnalysis, membership: TransactionMembership,
                           mask: Bool) -> [(String, String)] {
        let frame = m.frame
        let payload = PayloadMasker.clean(frame.map { $0.payload ?? $0.errorDetails ?? .null } ?? .null, mask: mask)
        let tx = membership.transaction(of: m.number).map { analysis.transactions[$0] }
        var answerPayload = JSONValue.null
        if m.type == .call, m.action == "StartTransaction", let a = analysis.counterpart(of: m.ref), let am = analysis.message(at: a) {
            answerPayload = am.payload
        }
        let transactionId = (payload["transactionId"] ?? payload["transactionInfo"]?["transactionId"] ?? answerPayload["transactionId"])?.plainText
            ?? tx?.transactionId
        // 2.0.1: the EVSE (the connector inside it is `payload.connectorId` / `evse.connectorId`).
        let connector = (payload["evseId"] ?? payload["evse"]?["id"] ?? payload["connectorId"])?.intValue ?? tx?.connector
        let idTag = (payload["idTag"] ?? payload["idToken"]?["idToken"])?.stringValue
        let status = (payload["status"] ?? payload["connectorStatus"] ?? payload["idTagInfo"]?["status"]
            ?? payload["idTokenInfo"]?["status"])?.stringValue
        func str(_ s: String?) -> String { s.map { JSONText.quote(mask ? SecretMasker.mask($0) : $0) } ?? "null" }
        return [
            ("messageType", JSONText.quote(m.type?.label ?? "BROKEN")),
            ("action", str(m.action)),
            ("uniqueId", JSONText.quote(m.uniqueId)),
            ("direction", JSONText.quote(m.direction.label)),
            ("connection", JSONText.quote(m.connection.channel.label)),
            ("primary", JSONText.value(m.isCounted)),
            ("payload", JSONPrinter.compact(payload)),
            ("errorCode", str(m.errorCode)),
            ("errorDescription", str(frame?.errorDescription)),
            ("transactionId", str(transactionId)),
            ("connector", JSONText.value(connector)),
            ("idTag", str(idTag)),
            ("status", str(status)),
            ("issues", "[" + m.issues.map { str($0.description) }.joined(separator: ",") + "]"),
        ]
    }
}

/// Which transaction each message belongs to: its requests, their answers and proxy copies.
struct TransactionMembership {
    var of: [Int32: Int] = [:]

    init(_ analysis: OCPPAnalysis) {
        let store = analysis.store
        for (t, list) in analysis.transactionMessages.enumerated() {
            for m in list {
                for x in [m, store.counterpart[Int(m)], store.hop[Int(m)]] where x >= 0 && of[x] == nil {
                    of[x] = t
                    let a = store.counterpart[Int(x)]
                    if a >= 0, of[a] == nil { of[a] = t }
                }
            }
        }
    }

    func transaction(of message: Int) -> Int? { of[Int32(message)] }
}
