/// A card authorised at the charger: MainProcess `Front connector choose authorize: "Rfid_Authorize"`
/// followed by the acceptance (`Authorize request accepted!!`, or an OCPP Authorize answered
/// `Accepted`). Chargers without a MainProcess log: an Authorize answered `Accepted` that no remote
/// start of the same idTag preceded (a remote start's Authorize belongs to the QR / app flow).
struct RFIDAuthorizationRule: ScenarioRule {
    var kind: FindingKind { .rfidAuthorization }
    /// How long after the card choice the acceptance may come.
    static let acceptWindow: Int64 = 60_000
    /// A remote start this long before an Authorize makes it part of a remote start.
    static let remoteWindow: Int64 = 10 * 60_000

    func findings(in c: DiagnosticContext) -> [Finding] {
        var out: [Finding] = []
        let authorizes = c.calls("Authorize")
        var used = Set<Int>()
        for e in c.analysis.mainEvents {
            guard case .authorizeMethod(let method) = e.kind, method.lowercased().contains("rfid") else { continue }
            let hi = e.time + Self.acceptWindow
            let accepted = c.lines(.authorizeAccepted, from: e.time, to: hi).first
            let ocpp = authorizes.first { $0.time >= e.time - 5_000 && $0.time <= hi && !used.contains($0.number) }
            if let a = ocpp { used.insert(a.number) }
            let answer = ocpp.flatMap(c.answer)
            let status = answer.flatMap { DiagnosticContext.idTagStatus($0.payload) }
            guard status == "Accepted" || (status == nil && accepted != nil) else { continue }
            let idTag = ocpp?.payload["idTag"]?.stringValue
            var records: [RecordRef] = [e.ref]
            records.add(accepted?.ref, ocpp?.ref, answer?.ref)
            let tx = c.transaction(linkedTo: e.ref) ?? ocpp.flatMap { c.transaction(linkedTo: $0.ref) }
                ?? c.transaction(startingFrom: e.time, to: e.time + Self.remoteWindow, idTag: idTag)
            out.append(finding(time: e.time, idTag: idTag ?? tx?.idTag, how: "card chosen at the charger (\(method))",
                               tx: tx, records: records, c))
        }
        for a in authorizes where !used.contains(a.number) {
            guard let answer = c.answer(to: a), DiagnosticContext.idTagStatus(answer.payload) == "Accepted" else { continue }
            let idTag = a.payload["idTag"]?.stringValue ?? a.payload["idToken"]?["idToken"]?.stringValue
            let remote = (c.calls("RemoteStartTransaction", from: a.time - Self.remoteWindow, to: a.time)
                + c.calls("RequestStartTransaction", from: a.time - Self.remoteWindow, to: a.time)).contains { r in
                let tag = r.payload["idTag"]?.stringValue ?? r.payload["idToken"]?["idToken"]?.stringValue
                return tag == idTag
            }
            guard !remote else { continue }
            let tx = c.transaction(linkedTo: a.ref)
                ?? c.transaction(startingFrom: a.time, to: a.time + Self.remoteWindow, idTag: idTag)
            out.append(finding(time: a.time, idTag: idTag, how: "Authorize", tx: tx, records: [a.ref, answer.ref], c))
        }
        return out
    }

    func finding(time: Int64, idTag: String?, how: String, tx: OCPPTransaction?, records: [RecordRef],
                 _ c: DiagnosticContext) -> Finding {
        var records = records
        var text = "Card \(idTag ?? "(idTag not logged)") authorised by the CPO: \(how), accepted"
        if let t = tx {
            records.add(t.startRef)
            text += "; transaction \(t.transactionId) started\(FindingText.connector(of: t))"
            if let s = t.start { text += " at \(FindingText.clock(s))" }
        }
        return Finding(kind, time: time, connector: tx?.connector, transactionId: tx?.transactionId,
                       explanation: text, records: records)
    }
}
