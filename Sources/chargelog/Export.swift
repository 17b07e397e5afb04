import ArgumentParser
import ChargeLogCore

/// `chargelog export`: OCPP messages as a ChargePilot CSV, or records as NDJSON for a search cluster.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export what the filters select: OCPP messages as a ChargePilot OCPP-log CSV or an Open OCPP Trace, or records as NDJSON.",
        discussion: """
        chargepilot-csv: the ChargePilot OCPP-log download's columns (\(ChargePilotCSV.headers.count), same names \
        and order), one row per OCPP message with its answer's idTagInfo status; a message the Sungrow proxy \
        logged twice (pipe and websocket) is one row; a CALLERROR answer is noted in Request Info. \
        Datetime is the log time in UTC, whole seconds.

        ndjson: one JSON object per record (per OCPP frame when a record holds several): time, stream, file, \
        line, text, and for OCPP messages messageType, action, uniqueId, direction, connection, primary \
        (false for the proxy's second copy), payload (object), errorCode, errorDescription, transactionId, \
        connector, idTag, status, issues.

        Loading into Elasticsearch / OpenSearch: --bulk-index NAME writes the `_bulk` action line \
        {"index":{"_index":"NAME"}} before each document, so the output is a bulk body:
          chargelog export BUNDLE --format ndjson --bulk-index chargers > bulk.ndjson
          curl -s -H 'Content-Type: application/x-ndjson' -XPOST "$ES/_bulk" --data-binary @bulk.ndjson
        (split large outputs, e.g. `split -l 20000`, keeping the line pairs together: an even line count). \
        Without it, jq makes the same body: jq -c '{"index":{"_index":"chargers"}}, .' export.ndjson. \
        Map `time` as the index's date field; payload shapes differ between actions, so map `payload` as \
        `flattened` (Elasticsearch) or `flat_object` (OpenSearch) if dynamic mapping rejects documents.

        ocpp-trace: Open OCPP Trace v1.1 JSONL (open-ocpp-trace/specification), one record per OCPP message \
        (a proxied message once): schemaVersion, timestamp (log time, UTC), ocppVersion (from the WebSocket subprotocol the log names, else the \
        messages' shape; --ocpp-version overrides), transport, chargePointId (--charge-point-id, else the BootNotification serial, else \
        the file-name serial or file name), connectorId, direction, messageType, messageId, action, payload, \
        error, raw (the frame exactly as logged; rebuilt and said so in meta.rawRebuilt where the log holds no \
        OCPP-J array or a secret was masked) and meta (log, channel, file, line). OCPP 2.1 SEND and broken \
        frames have no v1.1 record and are counted on stderr.

        Secrets (Authorization headers, user:password in URLs, values of keys naming a password or key) \
        are masked in text and payload values unless --no-mask is given.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case chargepilotCSV = "chargepilot-csv"
        case ndjson
        case ocppTrace = "ocpp-trace"
    }

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var filter: TimelineFilterOptions
    @Option(help: "Output format: chargepilot-csv, ndjson or ocpp-trace.") var format: Format
    @Option(name: .customLong("bulk-index"), help: "With ndjson: precede each document with a _bulk action line for this index.")
    var bulkIndex: String?
    @Flag(name: .customLong("no-mask"), help: "Do not mask secrets.") var noMask = false
    @OptionGroup var schemas: SchemaOption
    @Option(name: .customLong("charge-point-id"), help: "With ocpp-trace: the chargePointId of every record.")
    var chargePointId: String?

    func validate() throws {
        if bulkIndex != nil && format != .ndjson { throw ValidationError("--bulk-index goes with --format ndjson") }
        if chargePointId != nil && format != .ocppTrace { throw ValidationError("--charge-point-id goes with --format ocpp-trace") }
    }

    func run() throws {
        let f = try filter.make(zone: try bundle.displayZone())
        let (loaded, index) = try bundle.open()
        defer { loaded.cleanUp() }
        let analysis = OCPPAnalysis.build(index, schemas: try schemas.load(), versions: try schemas.versions())
        let out = FileOutputStream.stdout
        switch format {
        case .chargepilotCSV: ChargePilotCSV.write(analysis, filter: f, mask: !noMask) { out.line($0) }
        case .ndjson: RecordNDJSON.write(analysis, filter: f, mask: !noMask, bulkIndex: bulkIndex) { out.line($0) }
        case .ocppTrace:
            let r = OCPPTraceWriter.write(analysis, filter: f, mask: !noMask, chargePointId: chargePointId,
                                             versions: try schemas.versions()) { out.line($0) }
            if r.skipped > 0 {
                stderr("ocpp-trace: \(r.written) records; \(r.skipped) message(s) without a v1.1 record shape (OCPP 2.1 SEND / CALLRESULTERROR, broken frames) left out")
            }
        }
        out.flush()
    }
}
