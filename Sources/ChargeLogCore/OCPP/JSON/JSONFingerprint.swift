/// A 64-bit digest of a JSON value that ignores formatting and object key order and compares numbers
/// by value (`32` = `32.0`). Two copies of one OCPP payload, one pretty-printed by the proxy's pipe
/// and one compact on the WebSocket, get the same fingerprint.
public enum JSONFingerprint {
    public static func of(_ v: JSONValue) -> UInt64 { digest(v) }

    /// The fingerprint of an object without the given top-level keys (the proxy adds `connectorId`
    /// to some pipe copies).
    public static func of(_ v: JSONValue, droppingTopLevel keys: Set<String>) -> UInt64 {
        guard case .object(let fields) = v else { return digest(v) }
        return digest(.object(fields.filter { !keys.contains($0.key) }))
    }

    /// The fingerprint and the one without a top-level key, computed in one pass.
    public static func pair(_ v: JSONValue, dropping key: String) -> (full: UInt64, reduced: UInt64) {
        guard case .object(let fields) = v else { let d = digest(v); return (d, d) }
        var sum: UInt64 = 0x6F62_6A00, reducedSum: UInt64 = 0x6F62_6A00
        var dropped = 0
        for f in fields {
            let d = field(f.key, f.value)
            sum = sum &+ d
            if f.key == key { dropped += 1 } else { reducedSum = reducedSum &+ d }
        }
        return (mix(sum ^ UInt64(fields.count) << 48), mix(reducedSum ^ UInt64(fields.count - dropped) << 48))
    }

    @inline(__always)
    static func field(_ key: String, _ value: JSONValue) -> UInt64 {
        mix(bytes(key) &* 0x9E37_79B9_7F4A_7C15 ^ digest(value))
    }

    static func digest(_ v: JSONValue) -> UInt64 {
        switch v {
        case .null: return mix(0x6E75_6C6C)
        case .bool(let b): return mix(b ? 0x7472_7565 : 0x6661_6C73)
        case .number(let n):
            if let i = Int64(n) { return mix(0x6E75_6D00 ^ UInt64(bitPattern: i)) }
            if let d = DecimalText.double(n) {
                if d == d.rounded(), abs(d) < 9e18 { return mix(0x6E75_6D00 ^ UInt64(bitPattern: Int64(d))) }
                return mix(0x666C_7400 ^ d.bitPattern)
            }
            return mix(bytes(n) ^ 0x7261_7700)
        case .string(let s): return mix(bytes(s) ^ 0x7374_7200)
        case .array(let items):
            // Order matters in arrays.
            var h: UInt64 = 0x6172_7261_7900
            for item in items { h = mix(h &* 31 &+ digest(item)) }
            return mix(h ^ UInt64(items.count))
        case .object(let fields):
            // Order-free: a sum of per-field digests.
            var sum: UInt64 = 0x6F62_6A00
            for f in fields { sum = sum &+ field(f.key, f.value) }
            return mix(sum ^ UInt64(fields.count) << 48)
        }
    }

    /// FNV-1a over the UTF-8 bytes.
    static func bytes(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        // Native strings (all parsed ones) are contiguous: no copy.
        if s.utf8.withContiguousStorageIfAvailable({ buf -> Bool in
            for b in buf { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            return true
        }) != nil { return h }
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// SplitMix64 finaliser.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
