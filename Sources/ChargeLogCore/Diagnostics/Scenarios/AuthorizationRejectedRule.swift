/// The CPO refused an idTag: an Authorize or StartTransaction answered with an idTagInfo status
/// other than `Accepted` (Blocked, Expired, Invalid, ConcurrentTx; 2.0.1 idTokenInfo likewise).
struct AuthorizationRejectedRule: ScenarioRule {
    var kind: FindingKind { .authorizationRejected }

    func findings(in c: DiagnosticContext) -> [Finding] {
        var out: [Finding] = []
        for m in c.calls("Authorize") + c.calls("StartTransaction") {
            guard let answer = c.answer(to: m), answer.type == .callResult,
                  let status = DiagnosticContext.idTagStatus(answer.payload), status != "Accepted" else { continue }
            let p = m.payload
            let idTag = p["idTag"]?.stringValue ?? p["idToken"]?["idToken"]?.stringValue
            let connector = p["connectorId"]?.intValue
            var records: [RecordRef] = [m.ref, answer.ref]
            for e in c.mainEvents(from: m.time - 60_000, to: m.time) {
                if case .authorizeMethod = e.kind { records.add(e.ref) }
            }
            let tx = m.action == "StartTransaction" ? c.transaction(linkedTo: m.ref) : nil
            let text = "The CPO rejected idTag \(idTag ?? "?")\(FindingText.connector(connector)): \(m.action ?? "Authorize") answered \(status)"
            out.append(Finding(kind, severity: .warning, time: m.time, connector: connector ?? tx?.connector,
                               transactionId: tx?.transactionId, explanation: text, records: records))
        }
        return out
    }
}
