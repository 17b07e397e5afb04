/// Plain-language notes for the detail pane: what the codes in a message or a log line mean.
public enum CodeAnnotations {
    /// Notes on a decoded frame: CALLERROR codes, status and error codes, vendor codes, stop reasons,
    /// numbers in scientific notation, signed meter values.
    public static func lines(for frame: OCPPFrame, action: String? = nil) -> [String] {
        var out: [String] = []
        if let code = frame.errorCode {
            let meaning = CallErrorCode(rawValue: code)?.meaning ?? "not an OCPP error code"
            out.append("\(code): \(meaning)")
        }
        guard let p = frame.payload else { return out }
        switch frame.action ?? action {
        case "StatusNotification":
            if let s = p["status"]?.stringValue, let st = ChargePointStatus(rawValue: s) { out.append("\(s): \(st.meaning)") }
            if let e = p["errorCode"]?.stringValue, e != "NoError", let code = ChargePointErrorCode(rawValue: e) {
                out.append("\(e) (no. \(code.number)): \(code.meaning)")
            }
            if let v = p["vendorErrorCode"]?.stringValue, !v.isEmpty {
                let entries = AuroraVendorCodes.lookup(v)
                if !entries.isEmpty {
                    out.append("vendor code \(v) = \(AuroraVendorCodes.hex(entries[0].code)): "
                        + entries.map { "\($0.name) \"\($0.meaning)\"" }.joined(separator: " / "))
                }
            }
        case "StopTransaction":
            out.append("reason: \(p["reason"]?.stringValue ?? "Local (not sent; the spec default)")")
        case "BootNotification", "ChangeConfiguration", "GetConfiguration":
            out += heartbeatIntervalNotes(p)
        default:
            break
        }
        let mv = MeterValueReader.read(p["meterValue"] ?? p["transactionData"], path: "", fallbackTime: 0)
        for issue in mv.issues where issue.kind == .scientificNotation || issue.kind == .notANumber || issue.kind == .outOfRange {
            out.append(issue.message)
        }
        for s in mv.signed {
            guard let d = s.document else { out.append("signed value unreadable: \(s.parseError ?? "")"); continue }
            let readings = d.readings.filter(\.isImportRegister).map {
                "\($0.kindDescription) \($0.valueText ?? "?") \($0.unit ?? "") at \($0.timeText ?? "?") (\($0.timeSyncDescription), meter \($0.statusDescription))"
            }
            out.append("OCMF \(d.pagination ?? "") \(s.context.rawValue): " + readings.joined(separator: "; "))
        }
        return out
    }

    /// A heartbeat interval the diagnostics will not use (`1e300`, `5e15`): said as sent.
    static func heartbeatIntervalNotes(_ p: JSONValue) -> [String] {
        var values: [JSONValue] = []
        if let v = p["interval"] ?? p["heartbeatInterval"] { values.append(v) }
        if p["key"]?.stringValue == "HeartbeatInterval", let v = p["value"] { values.append(v) }
        for item in p["configurationKey"]?.arrayValue ?? [] where item["key"]?.stringValue == "HeartbeatInterval" {
            if let v = item["value"] { values.append(v) }
        }
        let r = HeartbeatInterval.seconds
        return values.filter(HeartbeatInterval.isOutOfRange).map {
            "heartbeat interval \($0.plainText) s is out of range (\(Int(r.lowerBound))…\(Int(r.upperBound)) s); not used"
        }
    }

    /// Notes on a log line that is not OCPP: Aurora `ocpp error Code :14,2097672`, Sungrow fault names.
    public static func lines(forText text: String) -> [String] {
        var out: [String] = []
        if let a = AuroraErrorLine.parse(text) { out.append(a.summary) }
        if let arrow = text.range(of: "CCU") ?? text.range(of: "Err_") {
            let tail = String(text[arrow.lowerBound...]).split(separator: " ").first.map(String.init) ?? ""
            if let f = SungrowFaultName.parse(tail) {
                out.append([f.ccu.map { "CCU\($0)" }, f.connector.map { "connector \($0)" }, f.description].compactMap { $0 }.joined(separator: ", "))
            }
        }
        return out
    }
}
