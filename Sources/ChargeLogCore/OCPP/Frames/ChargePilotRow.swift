/// Where each column of a ChargePilot OCPP-log download sits. The download can be narrowed to fewer
/// columns, so a file's own header line decides; without one, the documented order (seed 003).
public struct ChargePilotColumns: Sendable, Equatable {
    let position: [String: Int]
    let separator: Character

    /// The columns of a full download, in the documented order (seed 003).
    public static let documented = [
        "Datetime", "Action", "Charger ID", "Connector ID", "Request Vendor Error Code", "Request Timestamp",
        "Request Status", "Request Error Code", "Request Info", "Request Vendor ID", "Request ID Tag",
        "Request Meter Stop", "Request Transaction ID", "Request Reason", "Response ID Tag Info Status",
        "L1 Voltage", "L2 Voltage", "L3 Voltage", "Voltage",
        "L1 Current.Import", "L2 Current.Import", "L3 Current.Import", "Current.Import",
        "L1 Power", "L2 Power", "L3 Power", "Power",
    ]

    public static let standard = ChargePilotColumns(header: documented.joined(separator: ","))!

    /// From a header line (`Datetime,Action,Charger ID,...`; `;` also separates); nil when it names
    /// no Datetime and Action column.
    public init?(header line: String) {
        var text = Substring(line)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let separator: Character = text.contains(";") && !text.contains(",") ? ";" : ","
        var position: [String: Int] = [:]
        for (i, name) in CSVText.fields(String(text), separator: separator).enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces)
            if position[key] == nil { position[key] = i }
        }
        guard position["Datetime"] != nil, position["Action"] != nil else { return nil }
        self.position = position
        self.separator = separator
    }

    /// The columns of an indexed CSV file: its header line among the first records, else `standard`.
    public static func of(_ file: IndexedFile) -> ChargePilotColumns {
        for r in 0..<min(8, file.recordCount) where file.index.flags(r).contains(.header) {
            if let c = ChargePilotColumns(header: LosslessText.decode(file.rawBytes(r))) { return c }
        }
        return standard
    }

    /// The trimmed, non-empty value of column `name` in a row's fields.
    func value(_ name: String, in fields: [String]) -> String? {
        guard let i = position[name], i < fields.count else { return nil }
        let v = fields[i].trimmingCharacters(in: .whitespaces)
        return v.isEmpty ? nil : v
    }
}

/// A ChargePilot download row read back as OCPP frames, so the engine treats a back end's export like
/// a log: the request rebuilt from the `Request …` columns and the sampled-value columns, and, when
/// the row carries the answer's fields (`Response ID Tag Info Status`, a StartTransaction's
/// transaction id), a CALLRESULT. The export keeps no unique ids: both take `csv-` and a hash of
/// the row. Nothing is invented: a column that is empty stays out of the payload.
enum ChargePilotRow {
    /// Request columns and the payload field each fills, when the action's schema has that field.
    static let requestFields: [(column: String, field: String)] = [
        ("Connector ID", "connectorId"), ("Request Vendor Error Code", "vendorErrorCode"),
        ("Request Timestamp", "timestamp"), ("Request Status", "status"), ("Request Error Code", "errorCode"),
        ("Request Info", "info"), ("Request Vendor ID", "vendorId"), ("Request ID Tag", "idTag"),
        ("Request Meter Stop", "meterStop"), ("Request Transaction ID", "transactionId"), ("Request Reason", "reason"),
    ]

    /// Sampled-value columns: measurand, phase, unit (Power has none: W or kW by charger, the download says).
    static let sampledFields: [(column: String, measurand: String, phase: String?, unit: String?)] = [
        ("L1 Voltage", "Voltage", "L1", "V"), ("L2 Voltage", "Voltage", "L2", "V"), ("L3 Voltage", "Voltage", "L3", "V"),
        ("Voltage", "Voltage", nil, "V"),
        ("L1 Current.Import", "Current.Import", "L1", "A"), ("L2 Current.Import", "Current.Import", "L2", "A"),
        ("L3 Current.Import", "Current.Import", "L3", "A"), ("Current.Import", "Current.Import", nil, "A"),
        ("L1 Power", "Power.Active.Import", "L1", nil), ("L2 Power", "Power.Active.Import", "L2", nil),
        ("L3 Power", "Power.Active.Import", "L3", nil), ("Power", "Power.Active.Import", nil, nil),
    ]

    static func frames(_ b: UnsafeBufferPointer<UInt8>, columns: ChargePilotColumns) -> [OCPPFrame] {
        let text = LosslessText.decode(b)
        let fields = CSVText.fields(text, separator: columns.separator)
        guard let stamp = columns.value("Datetime", in: fields), ISOStamp.parse(Array(stamp.utf8)[...]) != nil,
              let action = columns.value("Action", in: fields), action.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            return []
        }
        let id = "csv-" + hash(b)
        // The row's own bytes without its line end (a CR LF pair is one character to `String`, kept).
        let bare = b.count > 0 && b[b.count - 1] == 0x0A && !(b.count > 1 && b[b.count - 2] == 0x0D)
        let raw = Array(b[0..<(bare ? b.count - 1 : b.count)])
        func frame(_ type: OCPPMessageType, _ payload: JSONValue) -> OCPPFrame {
            OCPPFrame(channel: .export, hint: .none, type: type, uniqueId: id, action: action, payload: payload,
                      errorCode: nil, errorDescription: nil, errorDetails: nil, rawBytes: raw, range: 0..<b.count,
                      broken: nil, issues: [])
        }
        var out = [frame(.call, request(action, fields, columns, stamp: stamp))]
        if let answer = answer(action, fields, columns) { out.append(frame(.callResult, answer)) }
        return out
    }

    static func request(_ action: String, _ fields: [String], _ columns: ChargePilotColumns, stamp: String) -> JSONValue {
        let known = OCPPSchema.spec(for: action, request: true, payload: nil).map { Set($0.request.map(\.name)) }
        var payload: [(key: String, value: JSONValue)] = []
        for (column, field) in requestFields {
            guard known?.contains(field) ?? true, let v = columns.value(column, in: fields) else { continue }
            payload.append((field, scalar(v, number: ["connectorId", "meterStop", "transactionId"].contains(field))))
        }
        var samples: [JSONValue] = []
        for s in sampledFields {
            guard let v = columns.value(s.column, in: fields) else { continue }
            var sv: [(key: String, value: JSONValue)] = [("value", .string(v)), ("measurand", .string(s.measurand))]
            if let p = s.phase { sv.append(("phase", .string(p))) }
            if let u = s.unit { sv.append(("unit", .string(u))) }
            samples.append(.object(sv))
        }
        if !samples.isEmpty {
            let meterValue = JSONValue.array([.object([("timestamp", .string(stamp)), ("sampledValue", .array(samples))])])
            payload.append((action == "StopTransaction" ? "transactionData" : "meterValue", meterValue))
        }
        return .object(payload)
    }

    /// The CALLRESULT the row's answer columns describe, if they describe one.
    static func answer(_ action: String, _ fields: [String], _ columns: ChargePilotColumns) -> JSONValue? {
        var payload: [(key: String, value: JSONValue)] = []
        if let status = columns.value("Response ID Tag Info Status", in: fields) {
            payload.append(("idTagInfo", .object([("status", .string(status))])))
        }
        if action == "StartTransaction", let tx = columns.value("Request Transaction ID", in: fields) {
            payload.append(("transactionId", scalar(tx, number: true)))
        }
        return payload.isEmpty ? nil : .object(payload)
    }

    static func scalar(_ v: String, number: Bool) -> JSONValue {
        number && JSONNumberText.isNumber(v) ? .number(v) : .string(v)
    }

    /// FNV-1a of the row, as 8 hex digits.
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var h: UInt32 = 2_166_136_261
        for byte in b where byte != 0x0A && byte != 0x0D { h = (h ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
