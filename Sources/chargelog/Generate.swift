import ArgumentParser
import ChargeLogCore
import ChargeLogGenerator
import Foundation

/// `chargelog generate`: a synthetic Sungrow bundle with known content, for tests and benchmarks.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a realistic Sungrow IDC180E bundle with known content (tests, benchmarks).",
        discussion: """
        Writes OUT_DIR/A23C2706768/ (the unzipped portal folders 2168Vqt, 2168Vocpp, 2168Vccu, 2168Vfault, \
        2168Vupdate, or their zips) and OUT_DIR/manifest.json, which lists every planted transaction, \
        OCPP exchange, scenario and problem. \
        The first day plants every situation of the seed catalogue; routine days fill up to --size. \
        The same options always give the same bytes.
        """,
        shouldDisplay: false)

    @Argument(help: "Folder to write the bundle into (created if needed).") var outDir: String
    @Option(help: "Approximate size of the log files, e.g. 2MB, 500MB, 1.5GB.") var size: String = "2MB"
    @Option(help: "Seed of the deterministic random generator.") var seed: UInt64 = 1
    @Option(help: "First day, YYYY-MM-DD (UTC).") var start: String = "2024-04-20"
    @Option(help: "Number of connectors (1 to 4).") var connectors: Int = 2
    @Flag(name: .customLong("new-year"), help: "Start on Dec 31 and cross into the next year; file times in a later year.")
    var newYear = false
    @Flag(help: "Pack each stream folder into <folder>.zip as the portal downloads them.") var zip = false

    func run() throws {
        guard let bytes = GeneratorOptions.parseSize(size), bytes > 0 else {
            throw CLIError(ChargeLogError.invalidArgument(name: "--size", value: size, expected: "a size like 500MB").message)
        }
        guard let day = CivilTime.parseUserTime(start) else {
            throw CLIError(ChargeLogError.invalidArgument(name: "--start", value: start, expected: "a date like 2024-04-20").message)
        }
        let options = GeneratorOptions(targetBytes: bytes, seed: seed, startDay: day - day % CivilTime.msPerDay,
                                       crossNewYear: newYear, connectors: connectors, zip: zip)
        let began = Date()
        let manifest: GeneratedManifest
        do { manifest = try BundleGenerator.generate(into: outDir, options: options) } catch {
            throw CLIError(error.message)
        }
        let seconds = Date().timeIntervalSince(began)
        let total = manifest.files.reduce(UInt64(0)) { $0 + $1.bytes }
        let out = FileOutputStream.stdout
        out.line("\(BundleGenerator.bundlePath(in: outDir)): \(manifest.files.count) files, \(String(format: "%.1f", Double(total) / 1e6)) MB, "
                 + "\(manifest.start) .. \(manifest.end)")
        out.line("  \(manifest.transactions.count) transactions, \(manifest.exchanges.count) exchanges, "
                 + "\(manifest.scenarios.count) scenarios, \(manifest.problems.count) problems")
        out.line("  generated in \(String(format: "%.2f", seconds)) s (\(String(format: "%.0f", Double(total) / 1e6 / max(seconds, 1e-6))) MB/s)")
        out.flush()
    }
}
