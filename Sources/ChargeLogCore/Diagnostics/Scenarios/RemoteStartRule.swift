/// A start by QR code or app: RemoteStartTransaction (2.0.1 RequestStartTransaction) from the CPO,
/// accepted by the charger; with the MainProcess `Accept remote start transaction: 2 "…"` line and
/// the transaction it started. A rejected remote start is not one.
struct RemoteStartRule: ScenarioRule {
    var kind: FindingKind { .remoteStart }
    static let window: Int64 = 60_000

    func findings(in c: DiagnosticContext) -> [Finding] {
        var out: [Finding] = []
        for m in c.calls("RemoteStartTransaction") + c.calls("RequestStartTransaction") {
            guard let answer = c.answer(to: m), answer.type == .callResult,
                  answer.payload["status"]?.stringValue == "Accepted" else { continue }
            let p = m.payload
            let connector = p["connectorId"]?.intValue ?? p["evseId"]?.intValue
            let idTag = p["idTag"]?.stringValue ?? p["idToken"]?["idToken"]?.stringValue
            var records: [RecordRef] = [m.ref, answer.ref]
            for e in c.mainEvents(from: m.time - 5_000, to: m.time + Self.window) {
                if case .remoteStartAccepted(let n) = e.kind, connector == nil || n == connector { records.add(e.ref) }
            }
            let tx = c.transaction(linkedTo: m.ref)
            let evse = p["connectorId"] == nil ? p["evseId"]?.intValue : nil
            var text = "Remote start (QR code / app) by the CPO" + (evse.map { ", EVSE \($0)" } ?? FindingText.connector(connector))
            if let tag = idTag { text += " for idTag \(tag)" }
            text += ", accepted by the charger"
            if let t = tx {
                records.add(t.startRef)
                text += "; transaction \(t.transactionId) started"
                if let s = t.start { text += " at \(FindingText.clock(s))" }
            } else {
                text += "; no StartTransaction for it in the log"
            }
            out.append(Finding(kind, time: m.time, connector: connector ?? tx?.connector, transactionId: tx?.transactionId,
                               explanation: text, records: records))
        }
        return out
    }
}
