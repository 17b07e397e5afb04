/// A unique id in 17 bytes instead of a heap string: UUIDs (dashed or not, either case) and ids of up
/// to 16 ASCII bytes are packed inline; anything else goes to a pool and is stored by its number.
/// Millions of messages keep their ids without millions of allocations.
struct CompactId: Hashable, Sendable {
    var a: UInt64
    var b: UInt64
    /// 1 = dashed lower-case UUID, 2 = dashed upper-case, 3 = 32 hex lower, 4 = 32 hex upper,
    /// 16...32 = inline ASCII of length kind - 16, 255 = pooled (a = pool index).
    var kind: UInt8

    static let pooled: UInt8 = 255

    /// Packs `s`, or returns nil when it must be pooled.
    static func pack(_ s: String) -> CompactId? {
        var s = s
        return s.withUTF8 { pack(bytes: $0) }
    }

    /// Packs UTF-8 bytes, or returns nil when they must be pooled.
    static func pack(bytes u: UnsafeBufferPointer<UInt8>) -> CompactId? {
        if u.count == 36 || u.count == 32, let (a, b, upper) = hex128(u, dashed: u.count == 36) {
            let kind: UInt8 = u.count == 36 ? (upper ? 2 : 1) : (upper ? 4 : 3)
            return CompactId(a: a, b: b, kind: kind)
        }
        guard u.count <= 16 else { return nil }
        var a: UInt64 = 0, b: UInt64 = 0
        for (i, c) in u.enumerated() {
            if i < 8 { a |= UInt64(c) << (8 * UInt64(i)) } else { b |= UInt64(c) << (8 * UInt64(i - 8)) }
        }
        return CompactId(a: a, b: b, kind: 16 + UInt8(u.count))
    }

    /// 32 hex digits, with dashes at 8-4-4-4-12 when `dashed`, all in one case. `u` holds 36 bytes
    /// when dashed, 32 otherwise (the caller's test).
    static func hex128(_ u: UnsafeBufferPointer<UInt8>, dashed: Bool) -> (UInt64, UInt64, Bool)? {
        if dashed {
            guard u.count == 36, u[8] == 0x2D, u[13] == 0x2D, u[18] == 0x2D, u[23] == 0x2D else { return nil }
        } else {
            guard u.count == 32 else { return nil }
        }
        return hexDigits.withUnsafeBufferPointer { t -> (UInt64, UInt64, Bool)? in
            let p = u.baseAddress!, table = t.baseAddress!
            var seen: UInt8 = 0   // every digit's flags or-ed: 0x80 not hex, 0x10 a-f, 0x20 A-F
            func digits(_ from: Int, _ count: Int, into w: inout UInt64) {
                for i in from ..< from + count {
                    let v = table[Int(p[i])]
                    seen |= v
                    w = w << 4 | UInt64(v & 15)
                }
            }
            var a: UInt64 = 0, b: UInt64 = 0
            if dashed {
                // 8-4-4 digits make the first word, 4-12 the second.
                digits(0, 8, into: &a); digits(9, 4, into: &a); digits(14, 4, into: &a)
                digits(19, 4, into: &b); digits(24, 12, into: &b)
            } else {
                digits(0, 16, into: &a); digits(16, 16, into: &b)
            }
            if seen & 0x80 != 0 || seen & 0x30 == 0x30 { return nil }
            return (a, b, seen & 0x20 != 0)
        }
    }

    /// Each byte's hex digit value, with 0x10 for a-f, 0x20 for A-F, 0x80 for a byte that is no digit.
    static let hexDigits: [UInt8] = (0...255).map { (c: UInt8) -> UInt8 in
        guard let v = Hex.nibble(c) else { return 0x80 }
        return v | (c >= 0x61 ? 0x10 : c >= 0x41 ? 0x20 : 0)
    }

    /// The id as text; `pool` resolves pooled ids.
    func string(pool: [String]) -> String {
        switch kind {
        case 1...4:
            let digits = Array((kind == 2 || kind == 4 ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
            var out: [UInt8] = []
            out.reserveCapacity(36)
            for i in 0..<32 {
                if (kind == 1 || kind == 2) && (i == 8 || i == 12 || i == 16 || i == 20) { out.append(UInt8(ascii: "-")) }
                let word = i < 16 ? a : b
                let shift = UInt64(60 - 4 * (i % 16))
                out.append(digits[Int((word >> shift) & 15)])
            }
            return String(decoding: out, as: UTF8.self)
        case CompactId.pooled:
            return pool[Int(a)]
        default:
            let n = Int(kind) - 16
            var out: [UInt8] = []
            for i in 0..<n {
                let word = i < 8 ? a : b
                out.append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(i % 8))))
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Interns strings that must be pooled, so equal ids get equal `CompactId`s.
struct IdPool {
    var strings: [String] = []
    var lookup: [String: UInt64] = [:]

    mutating func id(_ s: String) -> CompactId {
        if let c = CompactId.pack(s) { return c }
        if let n = lookup[s] { return CompactId(a: n, b: 0, kind: CompactId.pooled) }
        let n = UInt64(strings.count)
        strings.append(s)
        lookup[s] = n
        return CompactId(a: n, b: 0, kind: CompactId.pooled)
    }
}

/// Interns short strings (action names, error codes) as 16-bit numbers; 0 means none.
struct NameTable {
    var names: [String] = [""]
    var lookup: [String: UInt16] = ["": 0]
    /// The name asked for last and its number: a log's messages mostly repeat the action before
    /// (a comparison instead of hashing the name).
    private var last: (name: String, number: UInt16) = ("", 0)

    mutating func number(_ s: String?) -> UInt16 {
        guard let s, !s.isEmpty else { return 0 }
        if s == last.name { return last.number }
        if let n = lookup[s] {
            last = (s, n)
            return n
        }
        guard names.count < Int(UInt16.max) else { return 0 }
        let n = UInt16(names.count)
        names.append(s)
        lookup[s] = n
        return n
    }

    func name(_ n: UInt16) -> String? { n == 0 ? nil : names[Int(n)] }
}
