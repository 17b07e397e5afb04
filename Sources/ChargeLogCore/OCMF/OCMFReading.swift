/// One reading (`RD` entry) of an OCMF document, with omitted fields filled from the reading before,
/// as the format prescribes.
public struct OCMFReading: Sendable, Equatable {
    /// TM: `2024-05-01T18:27:41,000+0200 R`, as sent.
    public var timeText: String?
    /// TM as epoch ms (the zone in the text applied).
    public var time: Int64?
    /// The letter after the time: U unsynchronised, I informative, S synchronised, R relative.
    public var timeSync: Character?
    /// TX: B begin, C charging, X exception, E end, L local stop, R remote stop, A abort,
    /// P power failure, S suspended, T tariff change.
    public var kind: Character?
    /// RV as written (`11727.040`).
    public var valueText: String?
    public var value: Double?
    /// RI: OBIS id, `1-0:1.8.0` = active energy import.
    public var obis: String?
    /// RU: `kWh`, `Wh`, ...
    public var unit: String?
    /// RT: `AC` / `DC`.
    public var currentType: String?
    /// EF: error flags (`E` energy, `t` time); empty when all is well.
    public var errorFlags: String?
    /// ST: meter status, `G` = OK.
    public var status: Character?

    /// The value in Wh when the unit is an energy unit.
    public var valueWh: Double? {
        guard let v = value else { return nil }
        switch unit {
        case "kWh": return v * 1000
        case "Wh": return v
        case "MWh": return v * 1_000_000
        default: return nil
        }
    }

    /// RI read as an OBIS code (nil when absent or not an OBIS code).
    public var register: OBISCode? { obis.flatMap(OBISCode.init) }

    /// Whether RI names the total active energy import (`1-0:1.8.0`, `01-00:01.08.00.FF`,
    /// `1-0:1.8.0*255`, OCMF 1.4's `01-00:B0.08.00*FF`, …), or the document names no RI at all.
    /// Per-phase (`21.8.0`) and export (`2.8.0`) registers are not.
    public var isImportRegister: Bool {
        guard let o = obis else { return true }
        return OBISCode(o)?.isImportTotal ?? false
    }

    /// Why this reading cannot be billed, as the meter says: a status other than G (`meter status
    /// M, manipulated`), error flags (`error flag E: energy not usable for billing`), or an
    /// exception reading (TX X). Empty for a good reading.
    public var unbillableReasons: [String] {
        var out: [String] = []
        if let s = status, s != "G" { out.append("meter status \(s), \(statusDescription)") }
        for f in (errorFlags ?? "") {
            switch f {
            case "E": out.append("error flag E: energy not usable for billing")
            case "t": out.append("error flag t: time not usable for billing")
            default: out.append("error flag \(f) (unknown)")
            }
        }
        if kind == "X" { out.append("exception (TX X): time and/or energy not usable from this reading on") }
        return out
    }

    public var kindDescription: String {
        switch kind {
        case "B": "begin"
        case "C": "charging"
        case "X": "exception"
        case "E": "end"
        case "L": "local stop"
        case "R": "remote stop"
        case "A": "abort"
        case "P": "power failure"
        case "S": "suspended"
        case "T": "tariff change"
        default: kind.map { "unknown (\($0))" } ?? "—"
        }
    }

    public var timeSyncDescription: String {
        switch timeSync {
        case "U": "unsynchronised"
        case "I": "informative"
        case "S": "synchronised"
        case "R": "relative"
        default: timeSync.map { "unknown (\($0))" } ?? "—"
        }
    }

    public var statusDescription: String {
        switch status {
        case "G": "ok"
        case "N": "not present"
        case "T": "timeout"
        case "D": "disconnected"
        case "R": "not found"
        case "M": "manipulated"
        case "X": "exchanged"
        case "I": "incompatible"
        case "O": "out of range"
        case "S": "substitute"
        case "E": "other error"
        case "F": "read error"
        default: status.map { "unknown (\($0))" } ?? "—"
        }
    }

    /// The `RD` array's readings, omitted fields filled from the reading before (within the
    /// document, as the format prescribes; RV never carries over).
    static func list(_ rd: JSONValue?) -> [OCMFReading] {
        guard let items = rd?.arrayValue else { return [] }
        var out: [OCMFReading] = []
        var last = OCMFReading()
        for item in items {
            var r = OCMFReading()
            if let tm = item["TM"]?.stringValue {
                r.timeText = tm
                let parts = tm.split(separator: " ")
                r.time = parts.first.flatMap { ISOStamp.parse(Array($0.utf8)[...])?.ms }
                r.timeSync = parts.count > 1 ? parts[1].first : nil
            } else {
                r.timeText = last.timeText
                r.time = last.time
                r.timeSync = last.timeSync
            }
            r.kind = item["TX"]?.stringValue?.first ?? last.kind
            if let rv = item["RV"] {
                // Some meters write the number as a padded string: `"       9.038"`.
                let text = rv.plainText.trimmingSpaces()
                r.valueText = text
                r.value = rv.stringValue != nil ? (JSONNumberText.isNumber(text) ? Double(text) : nil) : rv.doubleValue
            }
            r.obis = item["RI"]?.stringValue ?? last.obis
            r.unit = item["RU"]?.stringValue ?? last.unit
            r.currentType = item["RT"]?.stringValue ?? last.currentType
            r.errorFlags = item["EF"]?.stringValue ?? last.errorFlags
            r.status = item["ST"]?.stringValue?.first ?? last.status
            out.append(r)
            last = r
        }
        return out
    }

    /// Whether TX marks the end of a transaction (E, L, R, A, P).
    public var isEnd: Bool { kind.map { "ELRAP".contains($0) } ?? false }
}
