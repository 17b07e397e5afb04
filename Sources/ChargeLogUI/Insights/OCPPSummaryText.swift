import ChargeLogCore
import Foundation

/// Builds the one-line row summary of an OCPP message: the action and its telling fields.
public enum OCPPSummaryText {
    static let refusals: Set<String> = ["Rejected", "Invalid", "Blocked", "Expired", "ConcurrentTx", "Faulted",
                                        "NotSupported", "Unknown"]

    /// A CALLERROR's description is shown up to this many characters (the detail pane has it whole).
    static let descriptionLimit = 60

    /// `message.action` is used when set; `resolvedAction` names the action of a bare result/error.
    public static func summary(_ m: OCPPMessageText, resolvedAction: String? = nil) -> RowSummary {
        let action = m.action ?? resolvedAction
        var parts: [String] = []
        var isError = false
        switch m.kind {
        case .call:
            parts.append(action ?? "CALL")
        case .result:
            parts.append(action.map { $0 + ".conf" } ?? "CALLRESULT")
        case .error:
            parts.append("CALLERROR")
            if let c = m.errorCode { parts.append(c) }
            if let a = action { parts.append("(\(a))") }
            if let d = m.errorDescription?.trimmingCharacters(in: .whitespaces), !d.isEmpty {
                parts.append("\"" + (d.count > Self.descriptionLimit ? d.prefix(Self.descriptionLimit - 1) + "…" : d) + "\"")
            }
            isError = true
        }
        let fields = m.kind == .error ? Fields() : Self.fields(m.payload)
        parts.append(contentsOf: fields.texts)
        if fields.refused { isError = true }
        if m.kind == .result, fields.texts.isEmpty, case .object(let o)? = m.payload, o.isEmpty { parts.append("{}") }
        if m.hop == .pipe { parts.append("(pipe)") }
        var dir = m.direction
        if dir == .unknown, m.kind != .call, let a = action {
            // An answer travels against its request.
            switch OCPPMessageText.callDirection(of: a) {
            case .toCentral: dir = .toChargePoint
            case .toChargePoint: dir = .toCentral
            case .unknown: break
            }
        }
        return RowSummary(direction: dir, kind: m.kind, action: action, text: parts.joined(separator: " "),
                          connector: fields.connector, isError: isError)
    }

    struct Fields {
        var texts: [String] = []
        var connector: Int?
        var refused = false
    }

    static func fields(_ payload: JSONValue?) -> Fields {
        var f = Fields()
        guard let p = payload, case .object = p else { return f }
        if let c = OCPPMessageText.connector(in: p) {
            f.connector = c
            f.texts.append("conn \(c)")
        }
        if let t = p["transactionId"]?.plainText { f.texts.append("tx \(t)") }
        if let t = p["idTag"]?.stringValue { f.texts.append("idTag \(t)") }
        for key in ["status", "connectorStatus", "type", "requestedMessage", "eventType", "reason"] {
            if let s = p[key]?.stringValue {
                f.texts.append(s)
                if refusals.contains(s) { f.refused = true }
            }
        }
        if let tagStatus = p["idTagInfo"]?["status"]?.stringValue {
            f.texts.append(tagStatus)
            if refusals.contains(tagStatus) { f.refused = true }
        }
        if let e = p["errorCode"]?.stringValue, e != "NoError" {
            f.texts.append(e)
            f.refused = true
        }
        if let m = p["meterStart"]?.plainText { f.texts.append("meterStart \(m)") }
        if let m = p["meterStop"]?.plainText { f.texts.append("meterStop \(m)") }
        if let k = p["key"]?.stringValue { f.texts.append("key \(k)") }
        if let i = p["interval"]?.plainText { f.texts.append("interval \(i)") }
        if let r = register(p) { f.texts.append("register \(r)") }
        return f
    }

    /// The last energy register reading of a MeterValues (or 2.0.1 TransactionEvent) as written, with
    /// its unit (`Wh` when none is given, the OCPP default): `register 7854588 Wh`.
    static func register(_ p: JSONValue) -> String? {
        guard case .array(let values)? = p["meterValue"] else { return nil }
        for mv in values.reversed() {
            guard case .array(let sampled)? = mv["sampledValue"] else { continue }
            for sv in sampled.reversed() {
                let measurand = sv["measurand"]?.stringValue ?? "Energy.Active.Import.Register"
                guard measurand == "Energy.Active.Import.Register", sv["format"]?.stringValue != "SignedData",
                      let v = sv["value"]?.plainText else { continue }
                let unit = sv["unit"]?.stringValue ?? sv["unitOfMeasure"]?["unit"]?.stringValue ?? "Wh"
                return "\(v) \(unit)"
            }
        }
        return nil
    }
}
