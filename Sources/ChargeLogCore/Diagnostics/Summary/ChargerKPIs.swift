/// The charger's key figures (definitions in README.md, "Charger KPIs"): per connector availability,
/// session success and first-attempt success, time from plug-in to energy flowing.
public struct ChargerKPIs: Sendable, Equatable {
    public var connectors: [ConnectorAvailability]
    public var sessions: [SessionOutcome]

    /// Sessions judged (stopped, begun in the log) and the successful ones.
    public var judged: Int { sessions.filter { $0.success != nil }.count }
    public var successful: Int { sessions.filter { $0.success == true }.count }
    public var successRate: Double? { judged > 0 ? Double(successful) / Double(judged) : nil }
    /// Judged first attempts and the successful ones.
    public var firstAttempts: Int { sessions.filter { $0.firstAttempt && $0.success != nil }.count }
    public var firstAttemptSuccesses: Int { sessions.filter { $0.firstAttempt && $0.success == true }.count }
    public var firstAttemptRate: Double? { firstAttempts > 0 ? Double(firstAttemptSuccesses) / Double(firstAttempts) : nil }
    /// Median time from plug-in to energy flowing over the sessions where both are seen.
    public var medianPlugInToEnergyMs: Int64? {
        let v = sessions.compactMap(\.plugInToEnergyMs).sorted()
        return v.isEmpty ? nil : v[v.count / 2]
    }

    static func of(_ c: DiagnosticContext, findings: [Finding]) -> ChargerKPIs {
        guard let lo = c.logStart, let hi = c.logEnd else { return ChargerKPIs(connectors: [], sessions: SessionOutcome.of(c)) }
        var offline: [(start: Int64, end: Int64)] = c.analysis.connectivity.filter { !$0.online }.map { ($0.start, $0.end ?? hi) }
        for f in findings where f.kind == .heartbeatGap {
            if let e = f.end { offline.append((f.time, e)) }
        }
        let cp = c.analysis.connectorStates.first { $0.connector == 0 && $0.evse == nil }
        let connectors = c.analysis.connectorStates.filter { $0.connector > 0 || $0.evse != nil }.map {
            ConnectorAvailability.of($0, chargePoint: cp, offline: offline, span: lo...hi)
        }
        return ChargerKPIs(connectors: connectors, sessions: SessionOutcome.of(c))
    }
}
