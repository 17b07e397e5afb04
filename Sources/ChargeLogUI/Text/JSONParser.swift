/// A small, tolerant JSON parser over UTF-8 bytes. It stops at the end of the first value and says
/// where that was, so it can read a frame out of the middle of a log line.
public struct JSONParser {
    let b: [UInt8]
    var i: Int
    var depth = 0

    init(_ bytes: [UInt8], at start: Int) {
        b = bytes
        i = start
    }

    /// The JSON value starting at `start` (after optional spaces) and the index just past it.
    public static func parse(_ bytes: [UInt8], at start: Int = 0) -> (value: JSONValue, end: Int)? {
        var p = JSONParser(bytes, at: start)
        guard let v = p.value() else { return nil }
        return (v, p.i)
    }

    /// The leading elements of a JSON array that may be cut short (a truncated log line): every
    /// element that parses completely, in order, or nil when `start` is not an array.
    public static func parseArrayPrefix(_ bytes: [UInt8], at start: Int = 0, maxItems: Int = .max) -> [JSONValue]? {
        var p = JSONParser(bytes, at: start)
        p.skip()
        guard p.i < bytes.count, bytes[p.i] == UInt8(ascii: "[") else { return nil }
        p.i += 1
        p.depth = 1
        var items: [JSONValue] = []
        while items.count < maxItems, let v = p.value() {
            items.append(v)
            p.skip()
            guard p.i < bytes.count, bytes[p.i] == UInt8(ascii: ",") else { break }
            p.i += 1
        }
        return items
    }

    public static func parse(_ text: some StringProtocol) -> JSONValue? {
        parse(Array(text.utf8))?.value
    }

    mutating func skip() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
    }

    mutating func value() -> JSONValue? {
        skip()
        guard i < b.count, depth < 64 else { return nil }
        switch b[i] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    mutating func literal(_ word: String, _ v: JSONValue) -> JSONValue? {
        let w = Array(word.utf8)
        guard i + w.count <= b.count, Array(b[i..<(i + w.count)]) == w else { return nil }
        i += w.count
        return v
    }

    mutating func number() -> JSONValue? {
        let start = i
        while i < b.count, let c = Optional(b[i]),
              (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
                || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            i += 1
        }
        guard i > start else { return nil }
        return .number(String(decoding: b[start..<i], as: UTF8.self))
    }

    mutating func string() -> String? {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        var out: [UInt8] = []
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c == UInt8(ascii: "\\"), i + 1 < b.count {
                let e = b[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    if i + 4 <= b.count, let v = UInt32(String(decoding: b[i..<(i + 4)], as: UTF8.self), radix: 16) {
                        i += 4
                        var code = v
                        // Surrogate pair.
                        if (0xD800...0xDBFF).contains(v), i + 6 <= b.count, b[i] == UInt8(ascii: "\\"),
                           b[i + 1] == UInt8(ascii: "u"),
                           let lo = UInt32(String(decoding: b[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16),
                           (0xDC00...0xDFFF).contains(lo) {
                            code = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                            i += 6
                        }
                        out.append(contentsOf: Array(String(Unicode.Scalar(code) ?? "\u{FFFD}").utf8))
                    }
                default: out.append(e)
                }
                continue
            }
            out.append(c)
            i += 1
        }
        return nil
    }

    mutating func array() -> JSONValue? {
        i += 1
        depth += 1
        defer { depth -= 1 }
        var items: [JSONValue] = []
        skip()
        if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            guard let v = value() else { return nil }
            items.append(v)
            skip()
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            return nil
        }
    }

    mutating func object() -> JSONValue? {
        i += 1
        depth += 1
        defer { depth -= 1 }
        var members: [JSONValue.Member] = []
        skip()
        if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skip()
            guard let k = string() else { return nil }
            skip()
            guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            guard let v = value() else { return nil }
            members.append(.init(k, v))
            skip()
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            return nil
        }
    }
}
