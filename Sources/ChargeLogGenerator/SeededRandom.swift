/// A small deterministic generator (xoshiro256**, seeded through SplitMix64). Never `random()`:
/// the same seed gives the same bundle on every platform and Swift version.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    public mutating func next() -> UInt64 {
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in `range` (the modulo bias is irrelevant at these spans).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    public mutating func int64(_ range: ClosedRange<Int64>) -> Int64 {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int64(next() % span)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    public mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `n` lowercase hex digits.
    public mutating func hex(_ n: Int) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(n)
        var word = next()
        var left = 16
        for _ in 0..<n {
            if left == 0 { word = next(); left = 16 }
            bytes.append(Self.hexDigits[Int(word & 0xF)])
            word >>= 4
            left -= 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A version-4 UUID, lowercase: `db8df750-e2e2-409d-90f6-c746feacae89`.
    public mutating func uuid() -> String {
        let h = Array(hex(32).utf8)
        let variant = Self.hexDigits[8 + Int(next() & 3)]
        func part(_ r: Range<Int>) -> String { String(decoding: h[r], as: UTF8.self) }
        return part(0..<8) + "-" + part(8..<12) + "-4" + part(13..<16) + "-"
            + String(decoding: [variant], as: UTF8.self) + part(17..<20) + "-" + part(20..<32)
    }
}
