/// What a bundle says at a glance: the charger, the time span, sessions and energy per connector,
/// availability, and the scenarios and problems found with their key records. The viewer lists
/// `findings` as its "Problems" list and `label(at:)` on timeline rows; `summary` prints it.
public struct BundleSummary: Sendable {
    public let charger: ChargerIdentity
    /// First and last record time.
    public let timeSpan: ClosedRange<Int64>?
    public let fileCount: Int
    public let recordCount: Int
    public let connectors: [ConnectorSessions]
    public let availability: Availability
    /// Per connector availability, session success, plug-in to energy (README: Charger KPIs).
    public let kpis: ChargerKPIs
    /// Scenarios and problems in time order.
    public let findings: [Finding]
    /// Each connection's OCPP version and what it was inferred from (`OCPPVersionInference`).
    public var ocppVersions: [(connection: OCPPConnection, inference: OCPPVersionInference)] = []
    let index: LogIndex
    /// First key record of each scenario → its label.
    let labels: [RecordRef: String]
    /// Wall time of each step of `build(_:)` after the analysis (context, findings, summary), for `--timing`.
    public private(set) var steps = AnalysisPhases()

    public static func build(_ analysis: OCPPAnalysis) -> BundleSummary {
        var steps = AnalysisPhases()
        let context = DiagnosticContext(analysis)
        steps.mark("context")
        let findings = FindingRules.findings(in: context)
        steps.mark("findings")
        var summary = build(context, findings: findings)
        steps.mark("summary")
        summary.steps = steps
        return summary
    }

    public static func build(_ c: DiagnosticContext, findings: [Finding]) -> BundleSummary {
        var labels: [RecordRef: String] = [:]
        for f in findings where f.category == .scenario {
            if let r = f.records.first { labels[r] = labels[r].map { "\($0), \(f.kind.label)" } ?? f.kind.label }
        }
        return BundleSummary(charger: ChargerIdentity.of(c), timeSpan: c.logStart.flatMap { lo in c.logEnd.map { lo ... $0 } }, fileCount: c.index.files.count,
                             recordCount: c.index.count, connectors: ConnectorSessions.of(c.analysis.transactions),
                             availability: Availability.of(c.analysis.connectivity, logStart: c.logStart, logEnd: c.logEnd),
                             kpis: ChargerKPIs.of(c, findings: findings), findings: findings,
                             ocppVersions: OCPPVersionInference.sorted(OCPPVersionInference.infer(c.analysis)),
                             index: c.index, labels: labels)
    }

    public var scenarios: [Finding] { findings.filter { $0.category == .scenario } }
    public var problems: [Finding] { findings.filter { $0.category == .problem } }
    /// The findings with repeats of one kind and cause folded into one (`FindingGroups`).
    public var grouped: [Finding] { FindingGroups.fold(findings) }

    /// The scenario label(s) of the timeline row a scenario starts at (`remote start`), for the viewer.
    public func label(at ref: RecordRef) -> String? { labels[ref] }

    /// `2168Vocpp.zip/A23C2706768Vocpp.log` and the 1-based line of a record.
    public func location(_ ref: RecordRef) -> (file: String, line: Int) {
        let f = index.files[ref.file]
        return (f.displayPath, f.index.lineNumber(ref.record))
    }
}
