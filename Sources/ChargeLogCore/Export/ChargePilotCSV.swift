/// The ChargePilot (The Mobility House) OCPP-log download (seed 003): one row per OCPP message,
/// the request's fields with its answer's idTagInfo status, the sampled voltage, current and power,
/// in exactly the download's columns. A message the proxy logged twice (pipe and websocket) is one
/// row; an answer gets a row only when its call is not in the log.
public enum ChargePilotCSV {
    /// The download's documented columns (`ChargePilotColumns.documented`): the export writes the
    /// charger's own layout, so what it writes opens again as a ChargePilot log.
    public static var headers: [String] { ChargePilotColumns.documented }

    /// Writes the header and one CSV line per message whose record passes `filter`.
    public static func write(_ analysis: OCPPAnalysis, filter: RecordFilter = RecordFilter(), mask: Bool = true,
                             _ emit: (String) -> Void) {
        emit(CSVText.row(headers))
        let chargers = ChargerIds(analysis)
        let store = analysis.store
        let index = analysis.index
        for i in 0..<store.count {
            let e = store.entries[i]
            guard e.flags.contains(.primary), let type = e.messageType else { continue }
            guard type.isRequest || store.counterpart[i] < 0 else { continue }
            let info = index.info(of: e.ref)
            guard filter.accepts(info) else { continue }
            if filter.pattern != nil, !filter.accepts(text: index.text(of: e.ref)) { continue }
            let m = analysis.makeMessage(i)
            let answer = type.isRequest && store.counterpart[i] >= 0 ? analysis.makeMessage(Int(store.counterpart[i])) : nil
            var fields = row(m, answer: answer, charger: chargers.id(of: m), analysis: analysis)
            if mask { fields = fields.map(SecretMasker.mask) }
            emit(CSVText.row(fields))
        }
    }

    /// The columns of one message.
    static func row(_ m: OCPPMessage, answer: OCPPMessage?, charger: String, analysis: OCPPAnalysis) -> [String] {
        let isRequest = m.type?.isRequest == true
        let p = isRequest ? m.payload : JSONValue.null
        let a = isRequest ? answer?.payload ?? .null : m.payload
        func text(_ v: JSONValue?) -> String { v.map { $0.isNull ? "" : $0.plainText } ?? "" }

        var connector = text(p["evseId"] ?? p["evse"]?["id"] ?? p["connectorId"])
        if connector.isEmpty, let hop = analysis.hopCopy(of: m.ref), let c = analysis.message(at: hop)?.payload["connectorId"] {
            connector = c.plainText
        }
        if connector.isEmpty, let id = p["transactionId"]?.plainText, let c = analysis.transaction(id: id)?.connector {
            connector = String(c)
        }
        var info = text(p["info"])
        let error = isRequest ? answer.flatMap { $0.type?.isError == true ? $0 : nil } : (m.type?.isError == true ? m : nil)
        if let e = error {
            let d = e.frame?.errorDescription ?? ""
            info += (info.isEmpty ? "" : "; ") + "CALLERROR \(e.errorCode ?? "?")" + (d.isEmpty ? "" : ": \(d)")
        }
        let values = sampled(p)
        return [
            seconds(m.time),
            m.action ?? "",
            charger,
            connector,
            text(p["vendorErrorCode"]),
            text(p["timestamp"]),
            text(p["status"] ?? p["connectorStatus"]),
            text(p["errorCode"]),
            info,
            text(p["vendorId"]),
            text(p["idTag"] ?? p["idToken"]?["idToken"]),
            text(p["meterStop"]),
            text(p["transactionId"] ?? p["transactionInfo"]?["transactionId"] ?? a["transactionId"]),
            text(p["reason"] ?? p["transactionInfo"]?["stoppedReason"]),
            text(a["idTagInfo"]?["status"] ?? a["idTokenInfo"]?["status"]),
        ] + sampledColumns.map { values[$0] ?? "" }
    }

    /// The sampled-value columns, in order (phase-to-neutral values go to L1/L2/L3, line-to-line ones nowhere).
    static let sampledColumns = ["L1 Voltage", "L2 Voltage", "L3 Voltage", "Voltage",
                                 "L1 Current.Import", "L2 Current.Import", "L3 Current.Import", "Current.Import",
                                 "L1 Power", "L2 Power", "L3 Power", "Power"]

    /// The last raw value of each sampled-value column (as the charger wrote it; signed values skipped).
    static func sampled(_ p: JSONValue) -> [String: String] {
        var out: [String: String] = [:]
        for list in [p["meterValue"], p["transactionData"]] {
            for mv in list?.arrayValue ?? [] {
                for sv in mv["sampledValue"]?.arrayValue ?? [] where sv["format"]?.stringValue != "SignedData" {
                    guard let value = sv["value"].map({ $0.plainText }) else { continue }
                    let measurand = sv["measurand"]?.stringValue ?? Measurand.defaultValue.rawValue
                    let name: String
                    switch measurand {
                    case "Voltage": name = "Voltage"
                    case "Current.Import": name = "Current.Import"
                    case "Power.Active.Import": name = "Power"
                    default: continue
                    }
                    switch sv["phase"]?.stringValue {
                    case nil: out[name] = value
                    case let ph? where ["L1", "L2", "L3", "L1-N", "L2-N", "L3-N"].contains(ph):
                        out["\(ph.prefix(2)) \(name)"] = value
                    default: continue
                    }
                }
            }
        }
        return out
    }

    /// `2024-11-26T10:03:49Z`, the download's shape (whole seconds).
    static func seconds(_ ms: Int64) -> String {
        let iso = CivilTime.iso8601(ms)
        return String(iso.prefix(19)) + "Z"
    }
}
