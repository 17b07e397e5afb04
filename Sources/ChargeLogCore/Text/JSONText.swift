import Foundation

/// Minimal JSON writing helpers for NDJSON/JSON output (no Foundation, stable key order).
public enum JSONText {
    /// `"..."` with JSON escapes; control characters as `\u00XX`.
    public static func quote(_ s: String) -> String {
        var s = s
        return s.withUTF8 { u in
            // Most strings need no escape: copied between the quotes as they are.
            if !needsEscape(u) {
                return String(unsafeUninitializedCapacity: u.count + 2) { b in
                    b[0] = 0x22
                    _ = UnsafeMutableBufferPointer(rebasing: b[1...]).initialize(fromContentsOf: u)
                    b[u.count + 1] = 0x22
                    return u.count + 2
                }
            }
            var out = [UInt8]()
            out.reserveCapacity(u.count + 8)
            out.append(0x22)
            let hex = hexDigits
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

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// Whether a string's bytes hold one `quote` escapes (a control byte, `"`, `\`, DEL).
    static func needsEscape(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        u.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F })
    }

    /// A JSON object from ordered key/raw-JSON-value pairs.
    /// Written into one string of the final size (mapping and joining made a string per field).
    public static func object(_ fields: [(String, String)]) -> String {
        var out = "{"
        out.reserveCapacity(fields.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 4 })
        for k in fields.indices {
            if k > 0 { out += "," }
            out += quote(fields[k].0)
            out += ":"
            out += fields[k].1
        }
        out += "}"
        return out
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
