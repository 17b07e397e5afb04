/// Why a transaction stopped, from the StopTransaction reason and its context (seed 000 catalogue):
/// - `Remote`, or a RemoteStopTransaction for it → remotely;
/// - `SOCLimitReached`, or `EVDisconnected` / `Local` / `StoppedByEV` with the last SoC ≥ 99 % → full SoC;
/// - `Local` / `DeAuthorized` with a card presented: an Authorize or a MainProcess RFID choice shortly
///   before the stop, the MainProcess's own `Connector N stop reason: Card_Stop`, or an idTag in the stop
///   that differs from the start's, or any idTag in the stop when the charger does not echo the start
///   idTag in every stop (the Sungrow proxy does) → by card;
/// - `Local`, `EVDisconnected`, `StoppedByEV` otherwise → by the vehicle;
/// - any other reason (PowerLoss, EmergencyStop, Reboot, ...) → other.
struct StopCause {
    var kind: FindingKind
    var because: String
    var evidence: [RecordRef]

    /// How long before the stop a card presentation counts.
    static let cardWindow: Int64 = 2 * 60_000
    static let fullSoC = 99.0

    static func of(_ t: OCPPTransaction, _ c: DiagnosticContext) -> StopCause? {
        guard let stopRef = t.stopRef else { return nil }
        let reason = t.reason ?? "Local"
        let stopTime = c.time(stopRef)
        let soc = t.samples.last { $0.measurand == .soc }?.value
        let socText = soc.map { "SoC \(JSONText.value($0)) %" }

        if reason == "Remote" || t.remoteStopRef != nil {
            var because = "reason \(reason)"
            if let r = t.remoteStopRef { because += ", RemoteStopTransaction at \(FindingText.clock(c.time(r)))" }
            else { because += ", no RemoteStopTransaction in the log" }
            return StopCause(kind: .stopRemote, because: because, evidence: [t.remoteStopRef].compactMap { $0 })
        }
        let vehicleReasons: Set<String> = ["Local", "EVDisconnected", "StoppedByEV"]
        if reason == "SOCLimitReached" || (vehicleReasons.contains(reason) && (soc ?? 0) >= fullSoC) {
            return StopCause(kind: .stopAtFullSoC, because: ["reason \(reason)", socText].compactMap { $0 }.joined(separator: ", "),
                             evidence: [])
        }
        if reason == "Local" || reason == "DeAuthorized" {
            if let card = card(t, stopTime: stopTime, c) {
                return StopCause(kind: .stopByCard, because: "reason \(reason), \(card.because)", evidence: card.refs)
            }
        }
        if vehicleReasons.contains(reason) {
            let parts = ["reason \(reason)", socText, reason == "Local" ? "no card presented" : nil]
            return StopCause(kind: .stopByVehicle, because: parts.compactMap { $0 }.joined(separator: ", "), evidence: [])
        }
        return StopCause(kind: .stopOther, because: "reason \(reason)", evidence: [])
    }

    static func card(_ t: OCPPTransaction, stopTime: Int64, _ c: DiagnosticContext) -> (because: String, refs: [RecordRef])? {
        let lo = stopTime - cardWindow
        if let e = c.mainEvents(from: lo, to: stopTime + cardWindow).last(where: { e in
            if case .stopReason(let n, let r) = e.kind { return r == "Card_Stop" && (t.connector == nil || n == t.connector) }
            return false
        }) {
            return ("the charger logged Card_Stop for connector \(e.connector.map(String.init) ?? "?") (MainProcess \(FindingText.clock(e.time)))", [e.ref])
        }
        if let a = c.calls("Authorize", from: lo, to: stopTime).last {
            let tag = a.payload["idTag"]?.stringValue ?? a.payload["idToken"]?["idToken"]?.stringValue ?? "?"
            return ("card \(tag) presented (Authorize at \(FindingText.clock(a.time)))", [a.ref])
        }
        if let e = c.mainEvents(from: lo, to: stopTime).last(where: { e in
            if case .authorizeMethod(let m) = e.kind { return m.lowercased().contains("rfid") }
            return false
        }) {
            return ("card presented at the charger (\(FindingText.clock(e.time)))", [e.ref])
        }
        guard let stopTag = DiagnosticContext.stopIdTag(c.analysis, t) else { return nil }
        if let startTag = t.idTag, startTag != stopTag { return ("card \(stopTag) presented (the start used \(startTag))", []) }
        if !c.echoesIdTagOnStop { return ("idTag \(stopTag) presented in the StopTransaction", []) }
        return nil
    }
}
