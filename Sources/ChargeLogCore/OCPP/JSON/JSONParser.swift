/// Why a JSON text did not parse, and where (byte offset from the start of the parsed slice).
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public var description: String { "\(reason) at byte \(offset)" }
}

/// A strict JSON parser over bytes (RFC 8259), keeping key order and the raw text of numbers.
/// Invalid UTF-8 inside strings is kept visible as `\xNN` rather than rejected.
public enum JSONParser {
    /// Nesting limit; deeper documents are rejected instead of overflowing the stack.
    public static let maxDepth = 256

    /// Parses a whole document; only whitespace may follow the value.
    public static func parse<C: Collection<UInt8>>(_ bytes: C) -> Result<JSONValue, JSONParseError> {
        let array = Array(bytes)
        return array.withUnsafeBufferPointer { buf in
            var r = JSONReader(buf, at: 0)
            switch r.value(depth: 0) {
            case .failure(let e): return .failure(e)
            case .success(let v):
                r.skipSpace()
                if r.pos < buf.count { return .failure(JSONParseError(offset: r.pos, reason: "unexpected text after the value")) }
                return .success(v)
            }
        }
    }

    public static func parse(_ text: String) -> Result<JSONValue, JSONParseError> { parse(Array(text.utf8)) }

    /// Parses one value starting at `start` (leading whitespace skipped); returns it and the offset
    /// just past it. Whatever follows is left to the caller.
    public static func parsePrefix(_ buf: UnsafeBufferPointer<UInt8>, from start: Int)
        -> Result<(value: JSONValue, end: Int), JSONParseError> {
        var r = JSONReader(buf, at: start)
        return r.value(depth: 0).map { ($0, r.pos) }
    }
}

/// The parser's cursor. Works on a buffer the caller keeps alive.
/// The elements and fields of the containers being read wait on two stacks shared by all depths; a
/// container's array is made once, at its final size, when it closes (appending to each container's
/// own array grew it two or three times).
struct JSONReader {
    let buf: UnsafeBufferPointer<UInt8>
    var pos: Int
    var pendingItems: [JSONValue] = []
    var pendingFields: [(key: String, value: JSONValue)] = []

    init(_ buf: UnsafeBufferPointer<UInt8>, at pos: Int) {
        self.buf = buf
        self.pos = pos
    }

    func fail(_ reason: String, at p: Int? = nil) -> JSONParseError {
        JSONParseError(offset: p ?? pos, reason: reason)
    }

    @inline(__always)
    mutating func skipSpace() {
        while pos < buf.count {
            let b = buf[pos]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { pos += 1 } else { return }
        }
    }

    /// One value (leading whitespace skipped), or why it does not parse.
    mutating func value(depth: Int) -> Result<JSONValue, JSONParseError> {
        do { return .success(try readValue(depth: depth)) } catch { return .failure(error) }
    }

    // The readers below throw (typed, so the error travels without boxing) and return the value
    // itself: a `Result` at every level was copied out of each call.

    mutating func readValue(depth: Int) throws(JSONParseError) -> JSONValue {
        skipSpace()
        guard pos < buf.count else { throw fail("unexpected end of text") }
        switch buf[pos] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default:
            throw fail("unexpected character '\(LosslessText.decode([buf[pos]]))'")
        }
    }

    mutating func literal(_ word: StaticString, _ v: JSONValue) throws(JSONParseError) -> JSONValue {
        let n = word.utf8CodeUnitCount
        guard pos + n <= buf.count else { throw fail("unexpected end of text") }
        for k in 0..<n where buf[pos + k] != word.utf8Start[k] {
            throw fail("invalid literal")
        }
        pos += n
        return v
    }

    mutating func number() throws(JSONParseError) -> JSONValue {
        let start = pos
        if buf[pos] == UInt8(ascii: "-") { pos += 1 }
        let intStart = pos
        while pos < buf.count, buf[pos] &- 48 < 10 { pos += 1 }
        guard pos > intStart else { throw fail("digit expected") }
        if pos < buf.count, buf[pos] == UInt8(ascii: ".") {
            pos += 1
            let f = pos
            while pos < buf.count, buf[pos] &- 48 < 10 { pos += 1 }
            guard pos > f else { throw fail("digit expected after '.'") }
        }
        if pos < buf.count, buf[pos] == UInt8(ascii: "e") || buf[pos] == UInt8(ascii: "E") {
            pos += 1
            if pos < buf.count, buf[pos] == UInt8(ascii: "+") || buf[pos] == UInt8(ascii: "-") { pos += 1 }
            let e = pos
            while pos < buf.count, buf[pos] &- 48 < 10 { pos += 1 }
            guard pos > e else { throw fail("digit expected in exponent") }
        }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self))
    }

    mutating func string() throws(JSONParseError) -> String {
        let open = pos
        pos += 1
        let start = pos
        // Fast path: no escapes. An ASCII string (what OCPP sends nearly always) needs no UTF-8 check.
        var high: UInt8 = 0
        while pos < buf.count {
            let b = buf[pos]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: buf[start..<pos])
                pos += 1
                return high < 0x80 ? String(decoding: slice, as: UTF8.self) : LosslessText.decode(slice)
            }
            high |= b
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("control character in string") }
            pos += 1
        }
        guard pos < buf.count else { throw fail("unterminated string", at: open) }
        var bytes = Array(UnsafeBufferPointer(rebasing: buf[start..<pos]))
        while pos < buf.count {
            let b = buf[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                return LosslessText.decode(bytes)
            }
            if b < 0x20 { throw fail("control character in string") }
            if b != UInt8(ascii: "\\") {
                bytes.append(b)
                pos += 1
                continue
            }
            guard pos + 1 < buf.count else { break }
            let e = buf[pos + 1]
            pos += 2
            switch e {
            case UInt8(ascii: "\""): bytes.append(0x22)
            case UInt8(ascii: "\\"): bytes.append(0x5C)
            case UInt8(ascii: "/"): bytes.append(0x2F)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { throw fail("invalid \\u escape") }
                if (0xD800..<0xDC00).contains(scalar), pos + 1 < buf.count, buf[pos] == UInt8(ascii: "\\"),
                   buf[pos + 1] == UInt8(ascii: "u") {
                    let save = pos
                    pos += 2
                    if let low = hex4(), (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        pos = save
                    }
                }
                let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                bytes.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw fail("invalid escape '\\\(LosslessText.decode([e]))'", at: pos - 2)
            }
        }
        throw fail("unterminated string", at: open)
    }

    /// Moves the elements from `base` on off the stack into an array of their own, in order. The
    /// array is made by `reserveCapacity` (specialised, its storage type known at compile time;
    /// `Array(unsafeUninitializedCapacity:)` looked the generic storage type up at run time for every
    /// container, some 500 instructions each). Each element is moved out and its slot refilled with
    /// `filler`, a value without references, so shortening the stack releases nothing twice and a
    /// tuple is never copied through the runtime's generic value witnesses.
    static func popAll<T>(_ stack: inout [T], from base: Int, filler: T) -> [T] {
        let n = stack.count - base
        var out: [T] = []
        out.reserveCapacity(n)
        stack.withUnsafeMutableBufferPointer { b in
            let p = b.baseAddress! + base
            for k in 0..<n {
                out.append((p + k).move())
                (p + k).initialize(to: filler)
            }
        }
        stack.removeLast(n)
        return out
    }

    mutating func hex4() -> UInt32? {
        guard pos + 4 <= buf.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = buf[pos + k]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 65...70: d = UInt32(c - 55)
            case 97...102: d = UInt32(c - 87)
            default: return nil
            }
            v = v << 4 | d
        }
        pos += 4
        return v
    }

    mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= JSONParser.maxDepth else { throw fail("nested too deeply") }
        let open = pos
        pos += 1
        skipSpace()
        if pos < buf.count, buf[pos] == UInt8(ascii: "]") { pos += 1; return .array([]) }
        let base = pendingItems.count
        // On failure the elements stay pending below where the next value read by this reader starts.
        while true {
            pendingItems.append(try readValue(depth: depth))
            skipSpace()
            guard pos < buf.count else { throw fail("unterminated array (opened at byte \(open))") }
            if buf[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if buf[pos] == UInt8(ascii: "]") {
                pos += 1
                return .array(JSONReader.popAll(&pendingItems, from: base, filler: .null))
            }
            throw fail("',' or ']' expected")
        }
    }

    mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= JSONParser.maxDepth else { throw fail("nested too deeply") }
        let open = pos
        pos += 1
        skipSpace()
        if pos < buf.count, buf[pos] == UInt8(ascii: "}") { pos += 1; return .object([]) }
        let base = pendingFields.count
        while true {
            skipSpace()
            guard pos < buf.count else { throw fail("unterminated object (opened at byte \(open))") }
            guard buf[pos] == UInt8(ascii: "\"") else { throw fail("key string expected") }
            let key = try string()
            skipSpace()
            guard pos < buf.count else { throw fail("unterminated object (opened at byte \(open))") }
            guard buf[pos] == UInt8(ascii: ":") else { throw fail("':' expected") }
            pos += 1
            pendingFields.append((key, try readValue(depth: depth)))
            skipSpace()
            guard pos < buf.count else { throw fail("unterminated object (opened at byte \(open))") }
            if buf[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if buf[pos] == UInt8(ascii: "}") {
                pos += 1
                return .object(JSONReader.popAll(&pendingFields, from: base, filler: (key: "", value: .null)))
            }
            throw fail("',' or '}' expected")
        }
    }
}
