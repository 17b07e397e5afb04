/// A transaction started without an authorisation in the log. OCPP 1.6: a StartTransaction whose
/// idTag was not authorised before it — no accepted Authorize of the tag (at any earlier time: the
/// charger may answer from its cache), no remote start, not in a SendLocalList, no MainProcess RFID
/// authorisation. OCPP 2.0.1 starts a transaction at plug-in and authorises later, so there: a
/// transaction that delivered energy or reached `Charging` with no idToken and no
/// RequestStartTransaction at all.
struct StartWithoutAuthorizationCheck: ProblemCheck {
    var kind: FindingKind { .startWithoutAuthorization }

    func findings(in c: DiagnosticContext) -> [Finding] {
        var listed = Set<String>()
        for m in c.calls("SendLocalList") {
            for e in m.payload["localAuthorizationList"]?.arrayValue ?? [] {
                if let tag = (e["idTag"] ?? e["idToken"]?["idToken"])?.stringValue { listed.insert(tag) }
            }
        }
        var authorised: [String: Int64] = [:]
        for m in c.calls("Authorize") {
            guard let tag = (m.payload["idTag"] ?? m.payload["idToken"]?["idToken"])?.stringValue,
                  let a = c.answer(to: m), DiagnosticContext.idTagStatus(a.payload) == "Accepted" else { continue }
            authorised[tag] = min(authorised[tag] ?? Int64.max, m.time)
        }
        var out: [Finding] = []
        for t in c.analysis.transactions {
            guard let ref = t.startRef, !t.startedBeforeLog, t.remoteStartRef == nil, t.authorizeRef == nil else { continue }
            let at = c.time(ref)
            let name = FindingText.place(t)
            if t.evse != nil {
                guard t.idTag == nil else { continue }
                let charged = (t.energyWh ?? 0) > 0 || t.events.contains { $0.chargingState == "Charging" }
                guard charged else { continue }
                let what = (t.energyWh ?? 0) > 0 ? "delivered \(FindingText.energy(t.energyWh!))" : "reached Charging"
                out.append(Finding(kind, time: at, connector: t.connector, transactionId: t.transactionId,
                                   explanation: "Transaction \(t.transactionId) on \(name) \(what) with no idToken and no RequestStartTransaction in the log",
                                   records: [ref]))
                continue
            }
            guard let tag = t.idTag, t.auth == "Local" else { continue }
            if listed.contains(tag) { continue }
            if let first = authorised[tag], first <= at { continue }
            out.append(Finding(kind, time: at, connector: t.connector, transactionId: t.transactionId,
                               explanation: "StartTransaction of \(t.transactionId) on \(name) for idTag \(tag) with no accepted Authorize, remote start or local list entry for it before",
                               records: [ref]))
        }
        return out
    }
}
