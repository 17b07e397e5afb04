import Foundation

/// Minimal JSON writing helpers for NDJSON/JSON output (no Foundation, stable key order).
public enum JSONText {
    /// `"..."` with JSON escapes; control characters as `\u00XX`.
    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
        return out
    }

    /// A JSON object from ordered key/raw-JSON-value pairs.
    public static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    public static func value(_ s: String?) -> String { s.map(quote) ?? "null" }
    public static func value(_ n: Int?) -> String { n.map(String.init) ?? "null" }
    public static func value(_ n: Int64?) -> String { n.map(String.init) ?? "null" }
    public static func value(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
    public static func value(_ b: Bool?) -> String { b.map { $0 ? "true" : "false" } ?? "null" }
}

/// CSV field quoting (RFC 4180).
public enum CSVText {
    public static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
    public static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }
}

