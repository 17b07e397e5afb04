import ArgumentParser
import ChargeLogCore

/// `chargelog stats`: per file its format, records, time range and what was skipped; bundle totals.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Per file: detected format, record count, time range, clock, and what was skipped and why; per OCPP connection its version.",
        discussion: "Exits non-zero only when nothing at all could be read.")

    enum Format: String, ExpressibleByArgument { case text, json }
    @OptionGroup var bundle: BundleOptions
    @OptionGroup var schemas: SchemaOption
    @Option(help: "text or json") var format: Format = .text

    func run() throws {
        try bundle.validatePaths()
        let overrides = try schemas.versions()
        let extra = try schemas.load()
        let loaded: LoadedBundle
        loaded = try bundle.load()
        defer { loaded.cleanUp() }
        let index = Indexer.build(loaded, options: try bundle.indexOptions())
        var report = StatsReport(index: index, loadDiagnostics: loaded.diagnostics)
        // The version of every connection that has OCPP frames, and its evidence (or --ocpp-version);
        // on large OCPP logs only said to be left to `summary` and the viewer, so stats stays an index.
        let ocppBytes = StatsReport.ocppBytes(index)
        if ocppBytes <= StatsReport.versionInferenceLimit {
            let analysis = OCPPAnalysis.build(index, schemas: extra, versions: overrides)
            report.ocppVersions = OCPPVersionInference.sorted(OCPPVersionInference.infer(analysis, overrides: overrides))
        } else {
            report.ocppVersionsSkippedBytes = ocppBytes
        }
        let out = FileOutputStream.stdout
        out.write(format == .json ? report.json() + "\n" : report.text())
        out.flush()
        if index.files.allSatisfy({ $0.recordCount == 0 }) {
            throw CLIError(ChargeLogError.nothingReadable(bundle.paths).message)
        }
    }
}
