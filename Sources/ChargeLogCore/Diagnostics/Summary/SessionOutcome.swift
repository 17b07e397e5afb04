/// Whether a session succeeded, whether it was the user's first attempt, and how long from plug-in
/// until energy flowed.
/// - success: it delivered more than `minEnergyWh`, was not followed by `Faulted` on its connector
///   (during it or within `faultWindow` after its stop), and stopped normally: `Local`, `Remote`,
///   `EVDisconnected`, or in 2.0.1 also `StoppedByEV`, `SOCLimitReached`, `EnergyLimitReached`,
///   `TimeLimitReached`. Sessions still open, or begun before the log, are not judged.
/// - first attempt: no session of the same idTag (without one: of the same connector) ended within
///   `retryWindow` before its start.
/// - plug-in: the change to `Preparing` / `Occupied` that began the connector's run of in-use statuses
///   the start falls in (2.0.1: a start triggered by `CablePluggedIn` / `EVDetected` is the plug-in); energy flowing: its first
///   `Charging` status or chargingState after that, else the first register reading above the first.
public struct SessionOutcome: Sendable, Equatable {
    public var transactionId: String
    public var connector: String
    /// Nil: not judged (open, or begun before the log).
    public var success: Bool?
    /// Why it failed, when it did.
    public var failure: String?
    public var firstAttempt: Bool
    public var plugInToEnergyMs: Int64?

    public static let minEnergyWh = 100.0
    public static let faultWindow: Int64 = 60_000
    public static let retryWindow: Int64 = 15 * 60_000
    public static let normalStops: Set<String> = ["Local", "Remote", "EVDisconnected", "StoppedByEV", "SOCLimitReached",
                                                  "EnergyLimitReached", "TimeLimitReached"]

    static func of(_ c: DiagnosticContext) -> [SessionOutcome] {
        let txs = c.analysis.transactions
        let logStart = { (t: OCPPTransaction) in t.startRef.map(c.time) }
        let logStop = { (t: OCPPTransaction) in t.stopRef.map(c.time) }
        let ended = EndedSessions(txs, logTime: c.time)
        return txs.map { t in
            let label = (t.evse != nil ? "EVSE " : "") + (t.connectorLabel ?? "?")
            var o = SessionOutcome(transactionId: t.transactionId, connector: label, success: nil, failure: nil,
                                   firstAttempt: true, plugInToEnergyMs: nil)
            guard let s0 = logStart(t) else { return o }
            let history = c.analysis.connectorStates.first { $0.connector == t.connector && (t.evseConnector == nil || $0.evseConnector == t.evseConnector) }
            if let s1 = logStop(t), !t.startedBeforeLog {
                var why: [String] = []
                if (t.energyWh ?? 0) <= Self.minEnergyWh { why.append("\(FindingText.energy(t.energyWh ?? 0)) delivered") }
                if let r = t.reason, !Self.normalStops.contains(r) { why.append("stopped \(r)") }
                if history?.entries.contains(where: { $0.status == "Faulted" && $0.time >= s0 && $0.time <= s1 + Self.faultWindow }) == true {
                    why.append("connector Faulted")
                }
                o.success = why.isEmpty
                o.failure = why.isEmpty ? nil : why.joined(separator: ", ")
            }
            // On the charger's clock (payload timestamps) when both have them: log lines may carry no time.
            let begin = t.start ?? s0
            o.firstAttempt = !ended.any(tag: t.idTag, connector: t.connector, clock: t.start != nil ? .payload : .log,
                                        in: (begin - Self.retryWindow)...begin) { k in
                let p = txs[k]
                return p.transactionId != t.transactionId && !(p.stop == t.stop && p.start == t.start)
            }
            o.plugInToEnergyMs = plugInToEnergy(t, history: history, start: s0, c)
            return o
        }
    }

    /// On the charger's clock: payload timestamps where the messages have them, other records' log
    /// times moved onto it by the start's offset (start log time − start timestamp).
    static func plugInToEnergy(_ t: OCPPTransaction, history: ConnectorStateHistory?, start s0: Int64, _ c: DiagnosticContext) -> Int64? {
        let entries = history?.entries ?? []
        let offset = t.start.map { s0 - $0 } ?? 0
        func clock(_ e: ConnectorStatusEntry) -> Int64 { e.timestamp ?? (e.time - offset) }
        let begin = t.start ?? s0
        var plugIn: Int64? = nil
        if let first = t.events.first, first.eventType == "Started", ["CablePluggedIn", "EVDetected"].contains(first.triggerReason ?? "") {
            plugIn = first.time
        } else if var k = entries.lastIndex(where: { $0.time <= s0 + 5_000 }) {
            // The earliest Preparing / Occupied of the run of in-use statuses the start falls in.
            while k >= 0, [.inUse, .charging].contains(ConnectorAvailability.state(entries[k].status)) {
                if entries[k].status == "Preparing" || entries[k].status == "Occupied" { plugIn = clock(entries[k]) }
                k -= 1
            }
        }
        guard let p = plugIn else { return nil }
        let end = t.stop ?? Int64.max
        var flowing: Int64? = entries.lazy.filter { $0.status == "Charging" && $0.time >= s0 - 5_000 }.map(clock).first { $0 >= p && $0 <= end }
        if let e = t.events.first(where: { $0.chargingState == "Charging" }) { flowing = min(flowing ?? Int64.max, e.time) }
        if flowing == nil {
            let register = TransactionBuilder.registerReadings(t.samples).filter { $0.time >= begin - 5_000 }
            if let base = register.first?.value, let up = register.first(where: { $0.value > base }) { flowing = up.time }
        }
        guard let f = flowing, f >= p else { return nil }
        return f - p
    }
}
