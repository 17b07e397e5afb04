/// Charging started: a transaction start the CPO accepted (or, unanswered, followed by the connector
/// going to `Charging`), with the connector's `Charging` status and the MainProcess
/// `InterLayer_Start_Charging index: N` line; or, when no start is in the log, a connector going to
/// `Charging` from a non-charging state.
struct ChargingStartedRule: ScenarioRule {
    var kind: FindingKind { .chargingStarted }
    /// How long after a start the connector's Charging status is looked for.
    static let statusWindow: Int64 = 5 * 60_000
    static let charging: Set<String> = ["Charging", "SuspendedEV", "SuspendedEVSE", "Occupied"]

    func findings(in c: DiagnosticContext) -> [Finding] {
        var out: [Finding] = []
        var startTimes: [Int: [Int64]] = [:]
        for t in c.analysis.transactions {
            guard let ref = t.startRef, let m = c.analysis.message(at: ref) else { continue }
            let answer = c.answer(to: m)
            let status = answer.flatMap { DiagnosticContext.idTagStatus($0.payload) }
            let chargingStatus = firstCharging(c, connector: t.connector, from: m.time - 60_000, to: m.time + Self.statusWindow)
            if answer?.type == .callError || (status != nil && status != "Accepted") { continue }
            if answer == nil && chargingStatus == nil { continue }
            var records: [RecordRef] = [m.ref]
            records.add(answer?.ref, chargingStatus?.ref)
            if let conn = t.connector {
                for l in c.lines(.startCharging, from: m.time - 120_000, to: m.time + 120_000)
                where c.text(l.ref).hasSuffix("index: \(conn)") { records.add(l.ref) }
            }
            var text = "Charging started\(FindingText.connector(of: t)): transaction \(t.transactionId)"
            if let tag = t.idTag { text += ", idTag \(tag)" }
            text += " (\(t.auth))"
            if let ms = t.meterStart { text += ", meterStart \(FindingText.energy(ms))" }
            if answer == nil { text += "; the StartTransaction got no answer, but the connector went to Charging" }
            if let conn = t.connector { startTimes[conn, default: []].append(m.time) }
            out.append(Finding(kind, time: m.time, connector: t.connector, transactionId: t.transactionId,
                               explanation: text, records: records))
        }
        // Connectors that went to Charging with no start in the log.
        for h in c.analysis.connectorStates where h.connector > 0 {
            var previous: String? = nil
            for s in h.entries {
                defer { previous = s.status }
                guard s.status == "Charging", !Self.charging.contains(previous ?? "") else { continue }
                let covered = (startTimes[h.connector] ?? []).contains { s.time - $0 <= Self.statusWindow && $0 - s.time <= 120_000 }
                guard !covered else { continue }
                let from = previous.map { "from \($0) " } ?? ""
                out.append(Finding(kind, time: s.time, connector: h.connector,
                                   explanation: "Connector \(h.connector) went \(from)to Charging (no StartTransaction for it in the log)",
                                   records: [s.ref]))
            }
        }
        return out
    }

    func firstCharging(_ c: DiagnosticContext, connector: Int?, from lo: Int64, to hi: Int64) -> ConnectorStatusEntry? {
        guard let conn = connector, let h = c.analysis.connectorStates.first(where: { $0.connector == conn }) else { return nil }
        return h.entries[SortedByTime.range(h.entries, from: lo, to: hi) { $0.time }].first { $0.status == "Charging" }
    }
}
