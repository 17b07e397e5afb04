import Foundation

/// Reads chargelog's JSON output with Foundation's `JSONSerialization`, not with chargelog's own
/// parser, so a test of the output does not check the program against itself. Key order (which
/// `JSONSerialization` drops) is read by `keys(_:)`, a small scanner of the text written here.
public enum JSONOracle {
    public struct Malformed: Error, CustomStringConvertible {
        public let text: String
        public var description: String { "not JSON: \(text.prefix(200))" }
    }

    public static func value(_ text: some StringProtocol) throws -> Any {
        guard let v = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
            throw Malformed(text: String(text))
        }
        return v
    }

    public static func object(_ text: some StringProtocol) throws -> [String: Any] {
        guard let o = try value(text) as? [String: Any] else { throw Malformed(text: String(text)) }
        return o
    }

    public static func array(_ text: some StringProtocol) throws -> [Any] {
        guard let a = try value(text) as? [Any] else { throw Malformed(text: String(text)) }
        return a
    }

    /// `s` as a JSON string literal, written by `JSONSerialization` (for building test input).
    public static func quote(_ s: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: s, options: [.fragmentsAllowed, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// One object per non-empty line (NDJSON).
    public static func lines(_ text: some StringProtocol) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try object($0) }
    }

    /// The keys, in written order, of the first object found at nesting `depth` (1: the top-level
    /// object; 2: the first object inside a top-level array or object).
    public static func keys(_ text: some StringProtocol, depth target: Int = 1) -> [String] {
        let b = Array(text.utf8)
        var depth = 0, i = 0, entered = false
        var keys: [String] = []
        var inObject: [Bool] = []
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                inObject.append(c == UInt8(ascii: "{"))
                if depth == target && c == UInt8(ascii: "{") { entered = true }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if entered && depth == target { return keys }
                depth -= 1
                inObject.removeLast()
            case UInt8(ascii: "\""):
                var j = i + 1
                while j < b.count && b[j] != UInt8(ascii: "\"") { j += b[j] == UInt8(ascii: "\\") ? 2 : 1 }
                let s = String(decoding: b[(i + 1)..<min(j, b.count)], as: UTF8.self)
                var k = j + 1
                while k < b.count && (b[k] == 0x20 || b[k] == 0x0A || b[k] == 0x09 || b[k] == 0x0D) { k += 1 }
                if entered && depth == target && inObject.last == true && k < b.count && b[k] == UInt8(ascii: ":") { keys.append(s) }
                i = j
            default: break
            }
            i += 1
        }
        return keys
    }
}
