/// One-line descriptions of messages for lists: the fields that matter per action, not the payload.
public enum OCPPSummary {
    /// `→` charger to central system, `←` the other way, `·` unknown.
    public static func arrow(_ d: OCPPDirection) -> String {
        switch d {
        case .chargerToCentral: "→"
        case .centralToCharger: "←"
        case .unknown: "·"
        }
    }

    static func line(_ m: OCPPMessage) -> String {
        guard let f = m.frame else { return "\(arrow(m.direction)) BROKEN" }
        return arrow(m.direction) + " " + text(f, action: m.action)
    }

    /// The summary text (no arrow) of a decoded frame; `action` names an answer's call.
    public static func text(_ f: OCPPFrame, action: String?) -> String {
        if let reason = f.broken {
            return "BROKEN \(f.type?.label ?? "") \(f.action ?? "") — \(reason)".replacingOccurrences(of: "  ", with: " ")
        }
        guard let type = f.type else { return "?" }
        switch type {
        case .callError, .callResultError:
            var s = "\(type.label) \(f.errorCode ?? "?")"
            if let d = f.errorDescription, !d.isEmpty { s += ": " + short(d, 60) }
            return s
        case .callResult:
            let p = f.payload ?? .null
            var parts = ["\(action.map { $0 + " " } ?? "")answer"]
            parts += fields(p, ["transactionId", "status", "currentTime", "interval", "listVersion", "fileName"])
            if let st = p["idTagInfo"]?["status"]?.stringValue { parts.append(st) }
            if let st = p["idTokenInfo"]?["status"]?.stringValue { parts.append(st) }
            return parts.joined(separator: " ")
        case .call, .send:
            let a = f.action ?? "?"
            return ([a] + details(a, f.payload ?? .null)).joined(separator: " ")
        }
    }

    static func details(_ action: String, _ p: JSONValue) -> [String] {
        switch action {
        case "StartTransaction": return labelled(p, [("connectorId", "conn"), ("idTag", "idTag"), ("meterStart", "meterStart")])
        case "StopTransaction": return labelled(p, [("transactionId", "tx"), ("meterStop", "meterStop"), ("reason", "reason")])
        case "MeterValues":
            var out = labelled(p, [("connectorId", "conn"), ("transactionId", "tx")])
            let mv = MeterValueReader.read(p["meterValue"], path: "", fallbackTime: 0)
            if let e = mv.samples.first(where: { $0.measurand == .energyActiveImportRegister && $0.phase == nil }) {
                out.append("\(JSONText.value(e.value)) Wh")
            }
            if let w = mv.samples.first(where: { $0.measurand == .powerActiveImport && $0.phase == nil }) {
                out.append("\(JSONText.value(w.value)) W")
            }
            return out
        case "StatusNotification":
            var out = labelled(p, [("connectorId", "conn"), ("evseId", "evse")])
            out += fields(p, ["status", "connectorStatus"])
            if let e = p["errorCode"]?.stringValue, e != "NoError" { out.append(e) }
            if let v = p["vendorErrorCode"]?.stringValue, !v.isEmpty { out.append("vendor \(v)") }
            return out
        case "Authorize": return labelled(p, [("idTag", "idTag")])
        case "RemoteStartTransaction":
            var out = labelled(p, [("connectorId", "conn"), ("idTag", "idTag")])
            if p["chargingProfile"] != nil { out.append("+profile") }
            return out
        case "RemoteStopTransaction", "RequestStopTransaction": return labelled(p, [("transactionId", "tx")])
        case "BootNotification": return fields(p, ["chargePointVendor", "chargePointModel", "firmwareVersion"])
        case "TransactionEvent":
            var out = fields(p, ["eventType", "triggerReason"])
            if let id = p["transactionInfo"]?["transactionId"] { out.append("tx \(id.plainText)") }
            return out
        case "RequestStartTransaction":
            var out = labelled(p, [("evseId", "evse"), ("remoteStartId", "remoteStartId")])
            if let t = p["idToken"]?["idToken"]?.stringValue { out.append("idToken \(t)") }
            return out
        case "Heartbeat": return []
        default:
            let c = JSONPrinter.compact(p)
            return c == "{}" ? [] : [short(c, 80)]
        }
    }

    static func labelled(_ p: JSONValue, _ keys: [(String, String)]) -> [String] {
        keys.compactMap { k, label in p[k].map { "\(label) \($0.plainText)" } }
    }

    static func fields(_ p: JSONValue, _ keys: [String]) -> [String] {
        keys.compactMap { p[$0]?.plainText }
    }

    static func short(_ s: String, _ n: Int) -> String { s.count > n ? String(s.prefix(n)) + "…" : s }
}
