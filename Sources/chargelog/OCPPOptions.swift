import ArgumentParser
import ChargeLogCore
import Foundation

/// Options of the OCPP subcommands.
struct OCPPOptions: ParsableArguments {
    @Option(name: .customLong("ocmf-key"),
            help: "Meter public key to verify OCMF signatures: PEM, DER hex/base64 or raw point hex, or a file holding one.")
    var ocmfKey: String?

    @Flag(help: "Print indexing and OCPP analysis times and sizes to stderr.") var timing = false
    @OptionGroup var schemas: SchemaOption

    func key() throws -> OCMFPublicKey? {
        guard let k = ocmfKey else { return nil }
        var text = k
        if FileManager.default.fileExists(atPath: k), let s = try? String(contentsOfFile: k, encoding: .utf8) { text = s }
        do { return try OCMFPublicKey(parsing: text) } catch { throw CLIError(error.message) }
    }

    /// Opens the bundle and analyses it.
    func analyse(_ bundle: BundleOptions) throws -> (LoadedBundle, OCPPAnalysis) {
        let key = try key()
        let extra = try schemas.load()
        let (loaded, index) = try bundle.open()
        let analysis = OCPPAnalysis.build(index, ocmfKey: key, schemas: extra)
        if timing {
            let mb = Double(index.files.reduce(UInt64(0)) { $0 + $1.source.size }) / 1_048_576
            stderr(String(format: "indexed %.1f MB in %.2f s; OCPP analysis %.2f s: %d messages, %d exchanges, %d transactions, ~%.1f MB held",
                          mb, index.indexingSeconds, analysis.buildSeconds, analysis.messages.count, analysis.exchanges.count,
                          analysis.transactions.count, Double(analysis.memoryBytes) / 1_048_576))
        }
        return (loaded, analysis)
    }
}

/// `2024-05-01T14:42:14.000Z` or JSON null.
func isoOrNull(_ ms: Int64?) -> String { ms.map { JSONText.quote(CivilTime.iso8601($0)) } ?? "null" }
