/// A JSON value with its key order, and the two ways the Sungrow proxy log prints OCPP payloads:
/// the charger's pipe side uses Qt's indented output with sorted keys and its newlines removed
/// (`{    "connectorId": 1,    "idTag": "201ACCBF"}`), the Java WebSocket side compact JSON in
/// the order the fields were built (`{"connectorId":1,"idTag":"201ACCBF"}`).
indirect enum JSONValue {
    case string(String)
    case int(Int64)
    case bool(Bool)
    /// A number already formatted (`11727.040`).
    case number(String)
    case object([(String, JSONValue)])
    case array([JSONValue])

    static func obj(_ fields: (String, JSONValue)...) -> JSONValue { .object(fields) }
    static func int(_ v: Int) -> JSONValue { .int(Int64(v)) }

    /// Compact, fields in the given order.
    var compact: String {
        var out = ""
        writeCompact(into: &out)
        return out
    }

    /// Qt's `QJsonDocument::Indented` with the line breaks removed; keys sorted.
    var qtIndented: String {
        var out = ""
        writeQt(into: &out, level: 0)
        return out
    }

    /// The same value with one more field appended (objects only).
    func adding(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(let fields) = self else { return self }
        return .object(fields + [(key, value)])
    }

    func writeCompact(into out: inout String) {
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .int(let v): out += String(v)
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .object(let fields):
            out += "{"
            for (i, (k, v)) in fields.enumerated() {
                if i > 0 { out += "," }
                Self.quote(k, into: &out)
                out += ":"
                v.writeCompact(into: &out)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (i, v) in items.enumerated() {
                if i > 0 { out += "," }
                v.writeCompact(into: &out)
            }
            out += "]"
        }
    }

    private static let indents: [String] = (0...16).map { String(repeating: " ", count: 4 * $0) }

    func writeQt(into out: inout String, level: Int) {
        switch self {
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{"
            let sorted = fields.sorted { $0.0 < $1.0 }
            for (i, (k, v)) in sorted.enumerated() {
                out += Self.indents[level + 1]
                Self.quote(k, into: &out)
                out += ": "
                v.writeQt(into: &out, level: level + 1)
                if i + 1 < sorted.count { out += "," }
            }
            out += Self.indents[level] + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, v) in items.enumerated() {
                out += Self.indents[level + 1]
                v.writeQt(into: &out, level: level + 1)
                if i + 1 < items.count { out += "," }
            }
            out += Self.indents[level] + "]"
        default:
            writeCompact(into: &out)
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        var plain = true
        for u in s.utf8 where u == 0x22 || u == 0x5C || u < 0x20 { plain = false; break }
        if plain {
            out += s
        } else {
            for ch in s.unicodeScalars {
                switch ch {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if ch.value < 0x20 {
                        let h = String(ch.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                    } else {
                        out.unicodeScalars.append(ch)
                    }
                }
            }
        }
        out += "\""
    }
}
