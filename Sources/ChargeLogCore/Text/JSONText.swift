import Foundation

/// Minimal JSON writing helpers for NDJSON/JSON output (no Foundation, stable key order).
public enum JSONText {
    /// `"..."` with JSON escapes; control characters as `\u00XX`.
    public static func quote(_ s: String) -> String {
        var s = s
        return s.withUTF8 { u in
            var out = [UInt8]()
            out.reserveCapacity(u.count + 8)
            out.append(0x22)
            let hex = Array("0123456789abcdef".utf8)
            for b in u {
                switch b {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
                case 0..<0x20, 0x7F:
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
                default: out.append(b)
                }
            }
            out.append(0x22)
            return String(decoding: out, as: UTF8.self)
        }
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
        return NumberText.plain(d)
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

    /// The fields of one CSV record (RFC 4180: quoted fields may hold separators, doubled quotes and
    /// line breaks). A trailing CR or LF ends the record.
    public static func fields(_ record: String, separator: Character = ",") -> [String] {
        var out: [String] = []
        var field = ""
        var quoted = false
        var chars = record.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == separator {
                out.append(field)
                field = ""
            } else if c == "\n" || c == "\r" || c == "\r\n" {
                break
            } else {
                field.append(c)
            }
        }
        out.append(field)
        return out
    }
}

