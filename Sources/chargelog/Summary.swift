import ArgumentParser
import ChargeLogCore

/// `chargelog summary`: the charger, sessions, availability, and the scenarios and problems found.
struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise a bundle: charger identity, time span, KPIs, sessions and energy per connector, availability, scenarios and problems.",
        discussion: """
        Scenarios (kind): \(FindingKind.allCases.filter { $0.category == .scenario }.map(\.rawValue).joined(separator: ", ")).
        Problems (kind): \(FindingKind.allCases.filter { $0.category == .problem }.map(\.rawValue).joined(separator: ", ")).
        Each finding has a time (ISO-8601 UTC), a one-line explanation and its key records (file:line), \
        the first of which starts it. JSON: charger, timeSpan, files, records, connectors (sessions, \
        energyWh, transactions, each with \
        its ocmf signed readings as in `transactions --format json`), availability (onlineMs, offlineMs, unknownMs, outages), kpis (per connector \
        availability, session and first-attempt success, plug-in to energy; defined in the README), groups \
        (repeats of one kind and cause folded: count, first, last), ocppVersions (per connection: version, \
        source — override, subprotocol, messages or fallback — and evidence), scenarios, problems.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var ocpp: OCPPOptions
    @Option(help: "Output format: text or json.") var format: Format = .text

    func run() throws {
        let (loaded, analysis) = try ocpp.analyse(bundle)
        defer { loaded.cleanUp() }
        var summary = BundleSummary.build(analysis)
        let versions = try ocpp.schemas.versions()
        if !versions.isEmpty { summary.ocppVersions = OCPPVersionInference.sorted(OCPPVersionInference.infer(analysis, overrides: versions)) }
        if ocpp.timing { stderr("summary steps: \(summary.steps.description)") }
        let out = FileOutputStream.stdout
        switch format {
        case .text: out.write(summary.text())
        case .json: out.line(summary.json())
        }
        out.flush()
    }
}
