import Foundation

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
