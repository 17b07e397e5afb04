/// A JSON text written as bytes, for exports that write one object per row (hundreds of thousands):
/// each `String` append cost a few hundred instructions; these copy bytes. Same text as `JSONText`.
public struct JSONBytes {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// Empties it for the next row, keeping the room.
    public mutating func clear() { bytes.removeAll(keepingCapacity: true) }

    public mutating func raw(_ s: StaticString) { s.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    public mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// `s` quoted, escaped as `JSONText.quote` does.
    public mutating func quoted(_ s: String) {
        var s = s
        let plain = s.withUTF8 { u -> Bool in
            guard !JSONText.needsEscape(u) else { return false }
            bytes.append(0x22)
            bytes.append(contentsOf: u)
            bytes.append(0x22)
            return true
        }
        if !plain { raw(JSONText.quote(s)) }
    }

    /// `{"key":` for the first field, `,"key":` after. Keys are plain ASCII.
    public mutating func key(_ k: StaticString, first: Bool = false) {
        bytes.append(first ? 0x7B : 0x2C)
        bytes.append(0x22)
        raw(k)
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    public mutating func field(_ k: StaticString, _ s: String?, first: Bool = false) {
        key(k, first: first)
        if let s { quoted(s) } else { raw("null") }
    }

    public mutating func field(_ k: StaticString, _ n: Int64?) {
        key(k)
        if let n { raw(String(n)) } else { raw("null") }
    }

    /// A field holding raw JSON (`true`, a number, `null`).
    public mutating func field(_ k: StaticString, raw json: String, first: Bool = false) {
        key(k, first: first)
        raw(json)
    }

    /// A field holding an array of quoted strings.
    public mutating func field(_ k: StaticString, strings: [String]) {
        key(k)
        bytes.append(0x5B)
        for i in strings.indices {
            if i > 0 { bytes.append(0x2C) }
            quoted(strings[i])
        }
        bytes.append(0x5D)
    }

    /// A time as ISO-8601 UTC with milliseconds, quoted, or null (as `JSONText.quote(CivilTime.iso8601(_:))`).
    public mutating func field(_ k: StaticString, time ms: Int64?) {
        key(k)
        if let ms { quoted(CivilTime.iso8601(ms)) } else { raw("null") }
    }

    /// Closes the object.
    public mutating func close() { bytes.append(0x7D) }
}
