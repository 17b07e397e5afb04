import ArgumentParser
import ChargeLogCore

/// `chargelog transactions`: the rebuilt transactions.
struct Transactions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the charging transactions rebuilt from the OCPP messages.",
        discussion: """
        JSON: an array of objects with transactionId, connector, idTag, auth (RFID, Remote, Local, Unknown, \
        or a 2.0.1 token type), start, stop (ISO-8601 UTC with ms, from the messages' timestamps; null when \
        not in the log), meterStart, meterStop, energyWh (Wh), reason (the spec default Local when the stop \
        names none), stopStatus (Accepted, CALLERROR:<code>, none when the stop got no answer, null without \
        a stop), meterValues (MeterValues messages, each counted once even when the proxy logged it twice), \
        internalId (the charger's own transaction uuid), ocmf (the signed OCMF values: context, time, \
        encoding, verdict — valid, invalid, not checked, error — with verdictDetail and the key used, \
        algorithm, curve, hash, pagination, meterVendor, meterModel, meterSerial, gatewaySerial, billable and \
        notBillable reasons, and readings with time, type, value, valueText (as the meter wrote it), unit, valueWh, obis, register, importTotal, \
        errorFlags, status, statusText, notBillable), evse and evseConnector (2.0.1: the EVSE and the \
        connector inside it; connector is then the EVSE id), connectorLabel (1, or 2/1 for EVSE 2 connector 1), \
        events (2.0.1: the TransactionEvent sequence in runs of the same eventType and triggerReason, with \
        seqNo range and offline replays), chargingStates (2.0.1 chargingState changes), issues. A start \
        without an id (unanswered or rejected) is listed as ?<connector>@<time>. Transactions whose start \
        precedes the log have start null and auth Unknown. 2.0.1 has no meterStart/meterStop: they are the \
        first and last Energy.Active.Import.Register readings of the transaction's events (Transaction.Begin \
        and Transaction.End when sent), so energyWh is the energy delivered so far for an open transaction.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, text }

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var ocpp: OCPPOptions
    @Option(help: "Output format: json, csv or text.") var format: Format = .json

    static let columns = ["transactionId", "connector", "idTag", "auth", "start", "stop", "meterStart", "meterStop",
                          "energyWh", "reason", "stopStatus", "meterValues", "internalId", "evse", "evseConnector",
                          "events"]

    func run() throws {
        let (loaded, analysis) = try ocpp.analyse(bundle)
        defer { loaded.cleanUp() }
        let out = FileOutputStream.stdout
        let txs = analysis.transactions
        switch format {
        case .json:
            out.line("[")
            for (k, t) in txs.enumerated() {
                out.line("  " + Self.json(t) + (k + 1 < txs.count ? "," : ""))
            }
            out.line("]")
        case .csv:
            out.line(Self.columns.joined(separator: ","))
            for t in txs {
                out.line(CSVText.row([t.transactionId, t.connector.map(String.init) ?? "", t.idTag ?? "", t.auth,
                                      t.start.map(CivilTime.iso8601) ?? "", t.stop.map(CivilTime.iso8601) ?? "",
                                      num(t.meterStart), num(t.meterStop), num(t.energyWh), t.reason ?? "",
                                      t.stopStatus ?? "", String(t.meterValues), t.internalId ?? "",
                                      t.evse.map(String.init) ?? "", t.evseConnector.map(String.init) ?? "",
                                      t.eventRuns.map(\.text).joined(separator: "; ")]))
            }
        case .text:
            for t in txs { Self.text(t, into: out) }
            if txs.isEmpty { out.line("no transactions") }
        }
        out.flush()
    }

    func num(_ v: Double?) -> String { v.map { JSONText.value($0) } ?? "" }

    static func json(_ t: OCPPTransaction) -> String {
        JSONText.object([
            ("transactionId", JSONText.quote(t.transactionId)),
            ("connector", JSONText.value(t.connector)),
            ("idTag", JSONText.value(t.idTag)),
            ("auth", JSONText.quote(t.auth)),
            ("start", isoOrNull(t.start)),
            ("stop", isoOrNull(t.stop)),
            ("meterStart", JSONText.value(t.meterStart)),
            ("meterStop", JSONText.value(t.meterStop)),
            ("energyWh", JSONText.value(t.energyWh)),
            ("reason", JSONText.value(t.reason)),
            ("stopStatus", JSONText.value(t.stopStatus)),
            ("meterValues", String(t.meterValues)),
            ("internalId", JSONText.value(t.internalId)),
            ("ocmf", OCMFJSON.array(t.signedValues)),
            ("evse", JSONText.value(t.evse)),
            ("evseConnector", JSONText.value(t.evseConnector)),
            ("connectorLabel", JSONText.value(t.connectorLabel)),
            ("events", "[" + t.eventRuns.map { r in
                JSONText.object([
                    ("eventType", JSONText.quote(r.eventType)), ("triggerReason", JSONText.value(r.triggerReason)),
                    ("count", String(r.count)), ("firstSeqNo", JSONText.value(r.firstSeqNo)),
                    ("lastSeqNo", JSONText.value(r.lastSeqNo)), ("offline", String(r.offline)),
                    ("firstTime", isoOrNull(r.firstTime)), ("lastTime", isoOrNull(r.lastTime)),
                ])
            }.joined(separator: ",") + "]"),
            ("chargingStates", "[" + t.chargingStateChanges.map { e in
                JSONText.object([("time", isoOrNull(e.time)), ("chargingState", JSONText.value(e.chargingState)),
                                 ("seqNo", JSONText.value(e.seqNo))])
            }.joined(separator: ",") + "]"),
            ("issues", "[" + t.issues.map { JSONText.quote($0.description) }.joined(separator: ",") + "]"),
        ])
    }

    static func text(_ t: OCPPTransaction, into out: FileOutputStream) {
        let span = "\(t.start.map { CivilTime.display($0, millis: false) } ?? "(before the log)") → \(t.stop.map { CivilTime.display($0, millis: false) } ?? "(open)")"
        let place = t.evse != nil ? "EVSE \(t.connectorLabel ?? "?")" : "connector \(t.connectorLabel ?? "?")"
        out.line("transaction \(t.transactionId)  \(place)  idTag \(t.idTag ?? "?")  auth \(t.auth)")
        out.line("  \(span)")
        let energy = t.energyWh.map { "\(JSONText.value($0)) Wh" } ?? "?"
        out.line("  meter \(t.meterStart.map { JSONText.value($0) } ?? "?") → \(t.meterStop.map { JSONText.value($0) } ?? "?") Wh, energy \(energy), \(t.meterValues) MeterValues, \(t.samples.count) samples")
        if t.stopRef != nil { out.line("  stop reason \(t.reason ?? "?"), CPO: \(t.stopStatus ?? "?")") }
        let runs = t.eventRuns
        if !runs.isEmpty { out.line("  events: " + runs.map(\.text).joined(separator: ", ")) }
        let states = t.chargingStateChanges
        if !states.isEmpty {
            out.line("  charging states: " + states.map { "\($0.chargingState ?? "?") \(CivilTime.clock($0.time).prefix(8))" }.joined(separator: " → "))
        }
        if let id = t.internalId { out.line("  charger uuid \(id)") }
        for s in t.signedValues {
            for l in OCMFLines.describe(s) { out.line("  " + l.text + (l.annotation.map { "  (\($0))" } ?? "")) }
        }
        for c in t.ocmfChecks {
            out.line("  OCMF \(c.which.rawValue) vs meter\(c.which == .begin ? "Start" : "Stop"): \(c.agrees ? "agrees" : "differs by \(JSONText.value(c.differenceWh)) Wh")")
        }
        for i in t.issues { out.line("  \(i)") }
        out.line("")
    }
}
