import ArgumentParser
import ChargeLogCore
import Foundation

/// Options of the OCPP subcommands.
struct OCPPOptions: ParsableArguments {
    @OptionGroup var keys: OCMFKeyOptions

    @Flag(help: "Print indexing and OCPP analysis times and sizes to stderr.") var timing = false
    @OptionGroup var schemas: SchemaOption

    /// Opens the bundle and analyses it.
    func analyse(_ bundle: BundleOptions) throws -> (LoadedBundle, OCPPAnalysis) {
        let keyring = try keys.keyring()
        let extra = try schemas.load()
        let (loaded, index) = try bundle.open()
        let analysis = OCPPAnalysis.build(index, ocmfKeys: keyring, schemas: extra, versions: try schemas.versions())
        if timing {
            let mb = Double(index.files.reduce(UInt64(0)) { $0 + $1.source.size }) / 1_048_576
            stderr(String(format: "indexed %.1f MB in %.2f s; OCPP analysis %.2f s: %d messages, %d exchanges, %d transactions, ~%.1f MB held",
                          mb, index.indexingSeconds, analysis.buildSeconds, analysis.messages.count, analysis.exchanges.count,
                          analysis.transactions.count, Double(analysis.memoryBytes) / 1_048_576))
            stderr("analysis steps: \(analysis.phases.description)")
        }
        return (loaded, analysis)
    }
}

/// `2024-05-01T14:42:14.000Z` or JSON null.
func isoOrNull(_ ms: Int64?) -> String { ms.map { JSONText.quote(CivilTime.iso8601($0)) } ?? "null" }
