import ChargeLogCore
import Foundation

/// The viewer's insights from the OCPP engine: decoded messages with their answers and hop copies,
/// transactions, meter series, connector and charger states, online/offline periods.
public final class OCPPInsights: InsightSource, @unchecked Sendable {
    public let analysis: OCPPAnalysis
    private let lock = NSLock()
    private var knownFindings: [Finding]?
    private var findingsByFirstRecord: [RecordRef: [Finding]]?
    private var knownKPIs: ChargerKPIs?
    private let versionOverrides: [OCPPVersionOverride]
    private var knownVersions: [(connection: OCPPConnection, inference: OCPPVersionInference)]?

    /// `findings` and `kpis` may be computed by the caller (on the background thread that built the
    /// analysis); otherwise they are computed the first time they are asked for.
    public init(analysis: OCPPAnalysis, findings: [Finding]? = nil, kpis: ChargerKPIs? = nil,
                versionOverrides: [OCPPVersionOverride] = []) {
        self.analysis = analysis
        knownFindings = findings
        knownKPIs = kpis
        self.versionOverrides = versionOverrides
    }

    /// The analysis with its findings and KPIs, all from one `DiagnosticContext` (for the background thread).
    public static func diagnosed(_ analysis: OCPPAnalysis, versionOverrides: [OCPPVersionOverride] = []) -> OCPPInsights {
        let context = DiagnosticContext(analysis)
        let findings = FindingRules.findings(in: context)
        let insights = OCPPInsights(analysis: analysis, findings: findings, kpis: BundleSummary.build(context, findings: findings).kpis,
                                    versionOverrides: versionOverrides)
        _ = insights.ocppVersions
        return insights
    }

    public var ocppVersions: [(connection: OCPPConnection, inference: OCPPVersionInference)] {
        lock.lock()
        defer { lock.unlock() }
        if let v = knownVersions { return v }
        let v = OCPPVersionInference.sorted(OCPPVersionInference.infer(analysis, overrides: versionOverrides))
        knownVersions = v
        return v
    }

    public var hasAnalysis: Bool { true }

    // MARK: messages

    public func summary(of ref: RecordRef, text: String) -> RowSummary? {
        guard let m = analysis.message(at: ref) else { return nil }
        return Self.rowSummary(m, action: m.action ?? exchangeAction(ref))
    }

    func exchangeAction(_ ref: RecordRef) -> String? { analysis.exchange(containing: ref)?.action }

    /// The row as the first screen words it (`OCPPSummaryText`, from the same decoded frame), with
    /// what the engine settled: the direction, the action of a bare answer, the issues' severity.
    static func rowSummary(_ m: OCPPMessage, action: String?) -> RowSummary {
        let direction = OCPPMessageText.direction(m.direction)
        let isError = m.isBroken || m.issues.contains { $0.severity >= .error }
        guard let f = m.frame, let shown = OCPPMessageText(frame: f) else {
            // A frame the first screen cannot read as a message (no type or id) shows what broke it.
            let text = "BROKEN " + (m.frame?.broken ?? "frame")
            return RowSummary(direction: direction, kind: .call, action: action, text: text, connector: nil, isError: true)
        }
        var row = OCPPSummaryText.summary(shown, resolvedAction: action)
        if direction != .unknown { row.direction = direction }
        row.isError = row.isError || isError
        return row
    }

    public func detail(of ref: RecordRef, text: String) -> [DetailSection] {
        var sections: [DetailSection] = []
        if let m = analysis.message(at: ref) {
            sections += OCPPDetail.sections(for: m, analysis: analysis)
        } else {
            sections += OCPPDetail.lineFacts(text)
        }
        if let tx = transactionId(of: ref), let t = analysis.transaction(id: tx) {
            sections.append(OCPPDetail.transactionSection(t))
        }
        return sections
    }

    public func counterpart(of ref: RecordRef) -> RecordRef? { analysis.counterpart(of: ref) }
    public func hopCopy(of ref: RecordRef) -> RecordRef? { analysis.hopCopy(of: ref) }

    // MARK: transactions

    public var transactions: [TransactionRow] {
        analysis.transactions.map { t in
            TransactionRow(id: t.transactionId, connector: t.connector, idTag: t.idTag, auth: t.auth,
                           start: t.start, stop: t.stop, energyWh: t.energyWh, reason: t.reason,
                           verdict: t.stopStatus ?? (t.isOpen ? "open" : nil),
                           firstRecord: firstRecord(t), connectorLabel: t.evse != nil ? t.connectorLabel : nil,
                           startRecord: t.startRef, stopRecord: t.stopRef, evse: t.evse)
        }
    }

    /// The transaction's first OCPP mention: its Authorize, RemoteStart or StartTransaction, on
    /// whichever proxy hop logged it first.
    func firstRecord(_ t: OCPPTransaction) -> RecordRef? {
        let own = [t.authorizeRef, t.remoteStartRef, t.startRef, t.stopRef].compactMap { $0 }
        let all = own + own.compactMap { analysis.hopCopy(of: $0) }
        return all.min { analysis.index.position(of: $0) < analysis.index.position(of: $1) }
    }

    public func correlated(transactionId: String) -> [RecordRef] {
        let refs = analysis.correlatedRecords(transactionId: transactionId).map(\.0)
        return refs.sorted { analysis.index.position(of: $0) < analysis.index.position(of: $1) }
    }

    public func transactionId(of ref: RecordRef) -> String? { analysis.transactionId(of: ref) }

    public func meterSeries(transactionId: String) -> [MeterSeries] {
        guard let t = analysis.transaction(id: transactionId) else { return [] }
        return MeterSeriesBuilder.series(t.samples)
    }

    // MARK: scenarios and problems

    public var findings: [Finding] {
        lock.lock()
        defer { lock.unlock() }
        return findingsLocked()
    }

    private func findingsLocked() -> [Finding] {
        if let f = knownFindings { return f }
        let f = FindingRules.findings(analysis)
        knownFindings = f
        return f
    }

    public var kpis: ChargerKPIs? {
        lock.lock()
        defer { lock.unlock() }
        if let k = knownKPIs { return k }
        let k = BundleSummary.build(DiagnosticContext(analysis), findings: findingsLocked()).kpis
        knownKPIs = k
        return k
    }

    public func findings(startingAt ref: RecordRef) -> [Finding] {
        lock.lock()
        defer { lock.unlock() }
        if findingsByFirstRecord == nil {
            var map: [RecordRef: [Finding]] = [:]
            for f in findingsLocked() { if let first = f.records.first { map[first, default: []].append(f) } }
            findingsByFirstRecord = map
        }
        return findingsByFirstRecord?[ref] ?? []
    }

    // MARK: states

    public var stateChanges: [StateChange] {
        var out: [StateChange] = []
        for h in analysis.connectorStates {
            for e in h.entries {
                let err = (e.errorCode == nil || e.errorCode == "NoError") ? nil : e.errorCode
                out.append(StateChange(connector: h.connector, time: e.time, state: e.status, errorCode: err, record: e.ref,
                                       label: h.evse != nil ? h.label : nil))
            }
        }
        for s in analysis.chargerStates {
            out.append(StateChange(connector: nil, time: s.time, state: MainProcessStateName.short(s.to), record: s.ref))
        }
        return out.sorted { $0.time < $1.time }
    }

    public var onlinePeriods: [OnlinePeriod] {
        let end = analysis.index.timeRange?.upperBound ?? 0
        return analysis.connectivity.map { OnlinePeriod(start: $0.start, end: $0.end ?? max(end, $0.start), online: $0.online) }
    }
}

/// `State_Energy_Transfer_Preparing_Wait_Stop` → `Energy_Transfer_Preparing_Wait_Stop`.
enum MainProcessStateName {
    static func short(_ s: String) -> String { s.hasPrefix("State_") ? String(s.dropFirst(6)) : s }
}
