import ChargeLogCore

/// Pretty-prints a `JSONValue` into indented lines, telling for each line the key it shows, so a
/// decoder can annotate it (`"meterStart": 7854588,` → `Wh = 7854.588 kWh`).
public enum JSONPretty {
    public struct Line: Sendable, Equatable {
        public var text: String
        /// The member key on this line, if any; `path` holds the keys from the root.
        public var key: String?
        public var path: [String]
        public var value: JSONValue?
    }

    public static func lines(_ v: JSONValue, indent: Int = 2) -> [Line] {
        var out: [Line] = []
        emit(v, key: nil, path: [], level: 0, trailingComma: false, indent: indent, into: &out)
        return out
    }

    static func scalar(_ v: JSONValue) -> String? {
        switch v {
        case .string(let s): JSONText.quote(s)
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        default: nil
        }
    }

    static func emit(_ v: JSONValue, key: String?, path: [String], level: Int, trailingComma: Bool, indent: Int,
                     into out: inout [Line]) {
        let pad = String(repeating: " ", count: level * indent)
        let prefix = pad + (key.map { JSONText.quote($0) + ": " } ?? "")
        let comma = trailingComma ? "," : ""
        let here = key.map { path + [$0] } ?? path
        if let s = scalar(v) {
            out.append(Line(text: prefix + s + comma, key: key, path: here, value: v))
            return
        }
        switch v {
        case .object(let members):
            if members.isEmpty { out.append(Line(text: prefix + "{}" + comma, key: key, path: here, value: v)); return }
            out.append(Line(text: prefix + "{", key: key, path: here, value: v))
            for (n, m) in members.enumerated() {
                emit(m.value, key: m.key, path: here, level: level + 1, trailingComma: n < members.count - 1,
                     indent: indent, into: &out)
            }
            out.append(Line(text: pad + "}" + comma, key: nil, path: here, value: nil))
        case .array(let items):
            if items.isEmpty { out.append(Line(text: prefix + "[]" + comma, key: key, path: here, value: v)); return }
            out.append(Line(text: prefix + "[", key: key, path: here, value: v))
            for (n, item) in items.enumerated() {
                emit(item, key: nil, path: here, level: level + 1, trailingComma: n < items.count - 1,
                     indent: indent, into: &out)
            }
            out.append(Line(text: pad + "]" + comma, key: nil, path: here, value: nil))
        default:
            break
        }
    }
}
