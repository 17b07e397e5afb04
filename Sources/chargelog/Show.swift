import ArgumentParser
import ChargeLogCore
import ChargeLogText

/// `chargelog show --tx ID`: every record correlated with a transaction.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show every record of all streams correlated with a transaction, in time order.",
        discussion: """
        NDJSON fields: time, stream, file, line, text (as in `timeline`) plus role: the OCPP action \
        (`StartTransaction`, `StartTransaction answer`, `StopTransaction error`; proxy pipe and websocket \
        copies both listed), `StatusNotification`, MainProcess roles (`state switch`, `internal transaction id`, \
        `start meter`, `id tag`, `remote start accepted`, `connector`), `ccu`, `fault`, `vendor code`.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case ndjson, text }

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var ocpp: OCPPOptions
    @Option(help: "The OCPP transaction id.") var tx: String
    @Option(help: "Output format: ndjson or text.") var format: Format = .text
    @Flag(name: .customLong("no-mask"), help: "Do not mask secrets.") var noMask = false

    func run() throws {
        let (loaded, analysis) = try ocpp.analyse(bundle)
        defer { loaded.cleanUp() }
        guard let t = analysis.transaction(id: tx) else {
            throw CLIError(ChargeLogError.transactionNotFound(tx).message)
        }
        let out = FileOutputStream.stdout
        if format == .text {
            Transactions.text(t, into: out)
        }
        let index = analysis.index
        for (ref, role) in analysis.correlatedRecords(transactionId: tx) {
            let info = index.info(at: index.position(of: ref))
            var text = index.text(of: ref)
            if !noMask { text = SecretMasker.mask(text) }
            switch format {
            case .ndjson:
                out.line(String(TimelineRow.ndjson(info, text: text).dropLast()) + ",\"role\":" + JSONText.quote(role) + "}")
            case .text:
                out.line("\(role.padding(toLength: 26, withPad: " ", startingAt: 0)) \(TimelineLine.text(info, text: text))")
            }
        }
        out.flush()
    }
}
