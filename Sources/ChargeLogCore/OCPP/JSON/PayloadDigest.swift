/// A 64-bit digest of a JSON value's exact content, for telling that two copies of one payload (a proxy's
/// pretty-printed pipe copy and its compact WebSocket copy) say the same thing without parsing both:
/// strings and keys by their text, numbers by the text they are written with (`32` is not `32.0`),
/// arrays in order, objects by their fields whatever their order, formatting ignored.
///
/// `of` reads a parsed value (the reference the tests hold the byte reader to); `scan` reads the bytes
/// straight, and answers only for the plain form of JSON a proxy writes — no escape, no byte from 0x80,
/// no duplicated key, at most 64 levels — and only for text the strict parser (`JSONReader`) accepts:
/// wherever `scan` answers, it gives the digest `of` gives for the parsed value. Two dup-free objects
/// with one digest hold the same fields (up to a collision of 64-bit digests), so every check that
/// does not depend on key order finds the same. Texts are hashed from a key drawn for each process and
/// every word is fully mixed in: no log can be written to make two texts collide on purpose.
/// `JSONFingerprint` is the looser digest hop matching uses (numbers by value).
enum PayloadDigest {
    static func of(_ v: JSONValue) -> UInt64 {
        switch v {
        case .null: return nullDigest
        case .bool(let b): return b ? trueDigest : falseDigest
        case .number(let n): return text(n, tag: numberTag)
        case .string(let s): return text(s, tag: stringTag)
        case .array(let items):
            var h = arraySeed
            for item in items { h = element(h, of(item)) }
            return closeArray(h, count: items.count)
        case .object(let fields):
            var sum = objectSeed
            for f in fields { sum = sum &+ field(text(f.key, tag: keyTag), of(f.value)) }
            return closeObject(sum, count: fields.count)
        }
    }

    /// The digest of the value at `start` (whitespace before it skipped) and the offset just past it; nil
    /// when the text is not in the plain form described above or does not parse.
    static func scan(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (digest: UInt64, end: Int)? {
        guard b.baseAddress != nil else { return nil }
        return Walker.with(b, at: start) { w in w.value(depth: 0).map { ($0, w.pos) } }
    }

    /// The digest of the object at `start` when, whitespace aside, it is all `b` holds from there.
    static func scan(objectFilling b: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt64? {
        guard b.baseAddress != nil else { return nil }
        return Walker.with(b, at: start) { w -> UInt64? in
            w.skipSpace()
            guard w.pos < b.count, b[w.pos] == UInt8(ascii: "{"), let d = w.value(depth: 0) else { return nil }
            w.skipSpace()
            return w.pos == b.count ? d : nil
        }
    }

    /// The digest of element `element` of the JSON array at the start of `b` (an OCPP-J frame's payload),
    /// read as `scan` reads; nil when that element or one before it is not in the plain form.
    static func scan(element: Int, ofArrayIn b: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard b.baseAddress != nil else { return nil }
        return Walker.with(b, at: 0) { w -> UInt64? in
            w.skipSpace()
            guard w.pos < b.count, b[w.pos] == UInt8(ascii: "[") else { return nil }
            w.pos += 1
            for k in 0...max(0, element) {
                guard let d = w.value(depth: 1) else { return nil }
                if k == element { return d }
                w.skipSpace()
                guard w.pos < b.count, b[w.pos] == UInt8(ascii: ",") else { return nil }
                w.pos += 1
            }
            return nil
        }
    }

    // MARK: the digest's parts (both readers build it from these)

    static let nullDigest = JSONFingerprint.mix(0x6E75_6C6C_0D)
    static let trueDigest = JSONFingerprint.mix(0x7472_7565_0D)
    static let falseDigest = JSONFingerprint.mix(0x6661_6C73_0D)
    static let numberTag: UInt64 = 0x6E75_6D0D
    static let stringTag: UInt64 = 0x7374_720D
    static let keyTag: UInt64 = 0x6B65_790D
    static let arraySeed: UInt64 = 0x6172_7261_790D
    static let objectSeed: UInt64 = 0x6F62_6A0D
    /// The hash key of this process.
    static let seed = UInt64.random(in: .min ... .max)

    @inline(__always) static func closeText(_ h: UInt64, tag: UInt64) -> UInt64 { JSONFingerprint.mix(h ^ tag) }
    @inline(__always) static func element(_ h: UInt64, _ d: UInt64) -> UInt64 { JSONFingerprint.mix(h &* 31 &+ d) }
    @inline(__always) static func closeArray(_ h: UInt64, count: Int) -> UInt64 { JSONFingerprint.mix(h ^ UInt64(count)) }
    @inline(__always) static func field(_ key: UInt64, _ value: UInt64) -> UInt64 {
        JSONFingerprint.mix(key &* 0x9E37_79B9_7F4A_7C15 ^ value)
    }
    @inline(__always) static func closeObject(_ sum: UInt64, count: Int) -> UInt64 {
        JSONFingerprint.mix(sum ^ UInt64(count) << 48)
    }

    static func text(_ s: String, tag: UInt64) -> UInt64 {
        var s = s
        return s.withUTF8 { closeText(bytes($0.baseAddress, $0.count), tag: tag) }
    }

    /// The hash of `count` bytes, eight at a time (little-endian words, the last one zero-padded), and
    /// their count. The one hash of text both readers use (`Walker.string` builds it word by word).
    static func bytes(_ p: UnsafePointer<UInt8>?, _ count: Int) -> UInt64 {
        var h = seed
        guard let p, count > 0 else { return h }
        var i = 0
        while i + 8 <= count {
            h = round(h, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
            i += 8
        }
        if i < count {
            var last: UInt64 = 0
            for k in i..<count { last |= UInt64(p[k]) << (8 * UInt64(k - i)) }
            h = round(h, last)
        }
        return h &+ UInt64(count)
    }

    @inline(__always)
    static func round(_ h: UInt64, _ word: UInt64) -> UInt64 { JSONFingerprint.mix(h ^ word) }

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The bytes of a word that end or break a plain string: `"`, `\`, below 0x20, from 0x80 (a high bit
    /// at each; the lowest one set is exact).
    @inline(__always)
    static func stringStops(_ w: UInt64) -> UInt64 {
        let quote = w ^ (0x22 &* ones), slash = w ^ (0x5C &* ones)
        return ((quote &- ones) & ~quote | (slash &- ones) & ~slash | (w &- 0x20 &* ones) & ~w | w) & highs
    }

    /// The byte reader: the grammar of `JSONReader` (same whitespace, numbers, literals, separators),
    /// stopping with nil wherever the parsed value could differ from the bytes. Keys of the objects being
    /// read wait in `keys` (at most `keyCapacity`), to refuse a duplicated key.
    struct Walker {
        let b: UnsafeBufferPointer<UInt8>
        var pos: Int
        let keys: UnsafeMutablePointer<UInt64>
        var keyCount = 0
        static let keyCapacity = 512

        /// Runs `body` with a walker over `b` from `pos` whose key store lives on the stack.
        static func with<R>(_ b: UnsafeBufferPointer<UInt8>, at pos: Int, _ body: (inout Walker) -> R) -> R {
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: keyCapacity) { store in
                var w = Walker(b: b, pos: pos, keys: store.baseAddress!)
                return body(&w)
            }
        }

        @inline(__always)
        mutating func skipSpace() {
            // Pretty-printed payloads have long runs of spaces: eight at a time.
            while pos + 8 <= b.count,
                  UnsafeRawPointer(b.baseAddress! + pos).loadUnaligned(as: UInt64.self) == 0x20 &* PayloadDigest.ones {
                pos += 8
            }
            while pos < b.count {
                let c = b[pos]
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { return }
            }
        }

        mutating func value(depth: Int) -> UInt64? {
            skipSpace()
            guard pos < b.count, depth < 64 else { return nil }
            switch b[pos] {
            case UInt8(ascii: "{"): return object(depth: depth + 1)
            case UInt8(ascii: "["): return array(depth: depth + 1)
            case UInt8(ascii: "\""): return string(tag: stringTag)
            case UInt8(ascii: "t"): return literal("true", trueDigest)
            case UInt8(ascii: "f"): return literal("false", falseDigest)
            case UInt8(ascii: "n"): return literal("null", nullDigest)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
            default: return nil
            }
        }

        mutating func literal(_ word: StaticString, _ d: UInt64) -> UInt64? {
            let n = word.utf8CodeUnitCount
            guard pos + n <= b.count else { return nil }
            for k in 0..<n where b[pos + k] != word.utf8Start[k] { return nil }
            pos += n
            return d
        }

        /// A string's digest, hashed as `PayloadDigest.bytes` hashes its bytes, a word at a time while the
        /// search for its end goes.
        mutating func string(tag: UInt64) -> UInt64? {
            pos += 1
            let start = pos
            let base = b.baseAddress!
            var h = seed
            while pos + 8 <= b.count {
                let w = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)
                let stops = PayloadDigest.stringStops(w)
                if stops == 0 {
                    h = round(h, w)
                    pos += 8
                    continue
                }
                let j = stops.trailingZeroBitCount >> 3
                pos += j
                // An escape or a non-ASCII byte: the parsed text is not the bytes.
                guard b[pos] == UInt8(ascii: "\"") else { return nil }
                if j > 0 { h = round(h, w & (1 << (8 * UInt64(j)) - 1)) }
                pos += 1
                return closeText(h &+ UInt64(pos - 1 - start), tag: tag)
            }
            // Fewer than eight bytes left in the buffer.
            var last: UInt64 = 0
            var k: UInt64 = 0
            while pos < b.count {
                let c = b[pos]
                if c == UInt8(ascii: "\"") {
                    if k > 0 { h = round(h, last) }
                    pos += 1
                    return closeText(h &+ UInt64(pos - 1 - start), tag: tag)
                }
                if c == UInt8(ascii: "\\") || c >= 0x80 || c < 0x20 { return nil }
                last |= UInt64(c) << (8 * k)
                k += 1
                pos += 1
            }
            return nil
        }

        mutating func digits() -> Bool {
            let start = pos
            while pos < b.count, b[pos] &- 48 < 10 { pos += 1 }
            return pos > start
        }

        mutating func number() -> UInt64? {
            let start = pos
            if b[pos] == UInt8(ascii: "-") { pos += 1 }
            guard digits() else { return nil }
            if pos < b.count, b[pos] == UInt8(ascii: ".") {
                pos += 1
                guard digits() else { return nil }
            }
            if pos < b.count, b[pos] == UInt8(ascii: "e") || b[pos] == UInt8(ascii: "E") {
                pos += 1
                if pos < b.count, b[pos] == UInt8(ascii: "+") || b[pos] == UInt8(ascii: "-") { pos += 1 }
                guard digits() else { return nil }
            }
            return closeText(PayloadDigest.bytes(b.baseAddress! + start, pos - start), tag: numberTag)
        }

        mutating func array(depth: Int) -> UInt64? {
            pos += 1
            skipSpace()
            var h = arraySeed
            var count = 0
            if pos < b.count, b[pos] == UInt8(ascii: "]") { pos += 1; return closeArray(h, count: 0) }
            while true {
                guard let d = value(depth: depth) else { return nil }
                h = element(h, d)
                count += 1
                skipSpace()
                guard pos < b.count else { return nil }
                if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if b[pos] == UInt8(ascii: "]") { pos += 1; return closeArray(h, count: count) }
                return nil
            }
        }

        mutating func object(depth: Int) -> UInt64? {
            pos += 1
            skipSpace()
            var sum = objectSeed
            if pos < b.count, b[pos] == UInt8(ascii: "}") { pos += 1; return closeObject(sum, count: 0) }
            let base = keyCount
            defer { keyCount = base }
            while true {
                skipSpace()
                guard pos < b.count, b[pos] == UInt8(ascii: "\""), let key = string(tag: keyTag) else { return nil }
                // A duplicated key: which copy a check reads depends on the order.
                for k in base..<keyCount where keys[k] == key { return nil }
                guard keyCount < Walker.keyCapacity else { return nil }
                keys[keyCount] = key
                keyCount += 1
                skipSpace()
                guard pos < b.count, b[pos] == UInt8(ascii: ":") else { return nil }
                pos += 1
                guard let d = value(depth: depth) else { return nil }
                sum = sum &+ field(key, d)
                skipSpace()
                guard pos < b.count else { return nil }
                if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if b[pos] == UInt8(ascii: "}") { pos += 1; return closeObject(sum, count: keyCount - base) }
                return nil
            }
        }
    }
}
