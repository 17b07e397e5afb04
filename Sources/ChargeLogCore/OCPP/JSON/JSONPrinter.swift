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
        let pad = String(repeating: " ", count: (level + 1) * indent)
        let closePad = String(repeating: " ", count: level * indent)
        switch v {
        case .array(let items) where !items.isEmpty:
            let inline = spaced(v)
            if inline.count + level * indent <= inlineWidth { out += inline; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                writePretty(item, level: level + 1, indent: indent, inlineWidth: inlineWidth, into: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += closePad + "]"
        case .object(let fields) where !fields.isEmpty:
            let inline = spaced(v)
            if inline.count + level * indent <= inlineWidth { out += inline; return }
            out += "{\n"
            for (i, f) in fields.enumerated() {
                out += pad + JSONText.quote(f.key) + ": "
                writePretty(f.value, level: level + 1, indent: indent, inlineWidth: inlineWidth, into: &out)
                out += i + 1 < fields.count ? ",\n" : "\n"
            }
            out += closePad + "}"
        default:
            writeCompact(v, into: &out)
        }
    }
}
