import ArgumentParser
import ChargeLogCore

/// `chargelog exchanges`: one row per OCPP exchange.
struct Exchanges: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List OCPP exchanges: each request with its answer, latency and result.",
        discussion: """
        NDJSON fields: uniqueId, action, direction (cp->cs or cs->cp: who sent the request), requestTime, \
        responseTime (ISO-8601 UTC ms or null), latencyMs, result (CALLRESULT, CALLERROR or none), errorCode, \
        connection (pipe, websocket, frames or client).
        A Sungrow proxy log holds every exchange twice: once on the pipe to the charger and once on the \
        websocket to the CPO, with different unique ids. Both are listed, as separate rows told apart by \
        `connection`; --connection websocket keeps what the CPO saw. An answer without a call is a row with \
        requestTime null.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case ndjson, text }

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var schemas: SchemaOption
    @Option(help: "Output format: ndjson or text.") var format: Format = .ndjson
    @Option(help: "Only this connection kind: pipe, websocket, frames or client.") var connection: String?

    func run() throws {
        var only: OCPPChannel? = nil
        if let c = connection {
            guard let ch = OCPPChannel.allCases.first(where: { $0.label == c.lowercased() }) else {
                throw CLIError(ChargeLogError.invalidArgument(name: "--connection", value: c,
                    expected: OCPPChannel.allCases.map(\.label).joined(separator: ", ")).message)
            }
            only = ch
        }
        let (loaded, index) = try bundle.open()
        defer { loaded.cleanUp() }
        let analysis = OCPPAnalysis.build(index, schemas: try schemas.load(), versions: try schemas.versions())
        let out = FileOutputStream.stdout
        // One line buffer for all (a bundle has hundreds of thousands of exchanges).
        var line = JSONBytes()
        for x in analysis.exchanges {
            if let only, x.connection.channel != only { continue }
            switch format {
            case .ndjson:
                line.clear()
                Self.ndjson(x, into: &line)
                out.line(bytes: line.bytes)
            case .text: out.line(Self.text(x))
            }
        }
        out.flush()
    }

    /// `{"uniqueId":…,"action":…,…}`, written field by field into `line`.
    static func ndjson(_ x: OCPPExchange, into line: inout JSONBytes) {
        line.field("uniqueId", x.uniqueId, first: true)
        line.field("action", x.action)
        line.field("direction", x.direction.label)
        line.field("requestTime", time: x.requestTime)
        line.field("responseTime", time: x.responseTime)
        line.field("latencyMs", x.latencyMs)
        line.field("result", x.result.rawValue)
        line.field("errorCode", x.errorCode)
        line.field("connection", x.connection.channel.label)
        line.close()
    }

    static func text(_ x: OCPPExchange) -> String {
        let t = (x.requestTime ?? x.responseTime).map { CivilTime.display($0) } ?? "?"
        let latency = x.latencyMs.map { "\($0) ms" } ?? "-"
        let result = x.result == .callError ? "CALLERROR \(x.errorCode ?? "")" : x.result.rawValue
        return "\(t)  \(x.connection.channel.label.padding(toLength: 9, withPad: " ", startingAt: 0)) \(x.direction.label)  \((x.action ?? "?").padding(toLength: 28, withPad: " ", startingAt: 0)) \(result.padding(toLength: 24, withPad: " ", startingAt: 0)) \(latency.padding(toLength: 9, withPad: " ", startingAt: 0)) \(x.uniqueId)"
    }
}
