/// Writes `JSONValue`s back as text: compact (one line) or pretty (for the detail pane).
/// Numbers keep their original text; keys keep their order.
public enum JSONPrinter {
    public static func compact(_ v: JSONValue) -> String {
        var out = ""
        writeCompact(v, into: &out)
        return out
    }

    /// Indented text. Containers whose compact form fits in `inlineWidth` columns stay on one line,
    /// so `{"status": "Accepted"}` does not take three lines.
    public static func pretty(_ v: JSONValue, indent: Int = 2, inlineWidth: Int = 60) -> String {
        var out = ""
        writePretty(v, level: 0, indent: indent, inlineWidth: inlineWidth, into: &out)
        return out
    }

    /// Pretty text split into lines.
    public static func prettyLines(_ v: JSONValue, indent: Int = 2, inlineWidth: Int = 60) -> [String] {
        pretty(v, indent: indent, inlineWidth: inlineWidth).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// A line of pretty text with the object field that starts on it (its key and decoded value).
    public struct PrettyLine: Sendable, Equatable {
        public var text: String
        public var key: String?
        public var value: JSONValue?
    }

    /// `prettyLines`, each line with the field it starts: annotations read the decoded value, not the text.
    public static func prettyFields(_ v: JSONValue, indent: Int = 2, inlineWidth: Int = 60) -> [PrettyLine] {
        var out = ""
        var fields: [Int: (String, JSONValue)] = [:]
        var line = 0
        writePretty(v, level: 0, indent: indent, inlineWidth: inlineWidth, into: &out, line: &line, fields: &fields)
        return out.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { k, t in
            PrettyLine(text: String(t), key: fields[k]?.0, value: fields[k]?.1)
        }
    }

    static func writeCompact(_ v: JSONValue, into out: inout String) {
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): out += JSONText.quote(s)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                writeCompact(item, into: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (i, f) in fields.enumerated() {
                if i > 0 { out += "," }
                out += JSONText.quote(f.key)
                out += ":"
                writeCompact(f.value, into: &out)
            }
            out += "}"
        }
    }

    /// Compact with a space after `:` and `,`, as used for inlined containers.
    static func spaced(_ v: JSONValue) -> String {
        switch v {
        case .array(let items): return "[" + items.map(spaced).joined(separator: ", ") + "]"
        case .object(let fields):
            return "{" + fields.map { JSONText.quote($0.key) + ": " + spaced($0.value) }.joined(separator: ", ") + "}"
        default: return compact(v)
        }
    }

    static func writePretty(_ v: JSONValue, level: Int, indent: Int, inlineWidth: Int, into out: inout String) {
        var line = 0
        var fields: [Int: (String, JSONValue)] = [:]
        writePretty(v, level: level, indent: indent, inlineWidth: inlineWidth, into: &out, line: &line, fields: &fields)
    }

    /// `line` counts the line breaks written (strings never hold one: they are escaped); `fields` gets
    /// the field each line starts with.
    static func writePretty(_ v: JSONValue, level: Int, indent: Int, inlineWidth: Int, into out: inout String,
                            line: inout Int, fields: inout [Int: (String, JSONValue)]) {
        let pad = String(repeating: " ", count: (level + 1) * indent)
        let closePad = String(repeating: " ", count: level * indent)
        switch v {
        case .array(let items) where !items.isEmpty:
            let inline = spaced(v)
            if inline.count + level * indent <= inlineWidth { out += inline; return }
            out += "[\n"
            line += 1
            for (i, item) in items.enumerated() {
                out += pad
                writePretty(item, level: level + 1, indent: indent, inlineWidth: inlineWidth, into: &out, line: &line, fields: &fields)
                out += i + 1 < items.count ? ",\n" : "\n"
                line += 1
            }
            out += closePad + "]"
        case .object(let members) where !members.isEmpty:
            let inline = spaced(v)
            if inline.count + level * indent <= inlineWidth { out += inline; return }
            out += "{\n"
            line += 1
            for (i, f) in members.enumerated() {
                out += pad + JSONText.quote(f.key) + ": "
                fields[line] = (f.key, f.value)
                writePretty(f.value, level: level + 1, indent: indent, inlineWidth: inlineWidth, into: &out, line: &line, fields: &fields)
                out += i + 1 < members.count ? ",\n" : "\n"
                line += 1
            }
            out += closePad + "}"
        default:
            writeCompact(v, into: &out)
        }
    }
}
