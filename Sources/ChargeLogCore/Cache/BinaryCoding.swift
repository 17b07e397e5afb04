#if _endian(big)
#error("the on-disk index copies arrays as they are in memory, little-endian")
#endif

/// Little-endian writing of the on-disk index: fixed-width integers, and whole arrays copied as they are
/// in memory (little-endian on every platform this builds for).
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func put<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func put(_ flag: Bool) { put(UInt8(flag ? 1 : 0)) }

    mutating func put(_ s: String) {
        let u = Array(s.utf8)
        put(UInt32(u.count))
        bytes.append(contentsOf: u)
    }

    /// The element count, then the elements' bytes.
    mutating func put<T: FixedWidthInteger>(array a: [T]) {
        put(UInt64(a.count))
        a.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Reads what `BinaryWriter` wrote; every read is bounds-checked and returns nil past the end or on a
/// count that cannot fit, so a damaged entry is refused, never trusted.
struct BinaryReader {
    let bytes: [UInt8]
    private(set) var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - position }

    mutating func get<T: FixedWidthInteger>(_: T.Type = T.self) -> T? {
        let n = MemoryLayout<T>.size
        guard remaining >= n else { return nil }
        var v = T.zero
        withUnsafeMutableBytes(of: &v) { dst in
            bytes.withUnsafeBytes { src in dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[position ..< position + n])) }
        }
        position += n
        return T(littleEndian: v)
    }

    mutating func getBool() -> Bool? {
        guard let b: UInt8 = get() else { return nil }
        return b == 0 ? false : b == 1 ? true : nil
    }

    mutating func getString() -> String? {
        guard let n: UInt32 = get(), remaining >= Int(n) else { return nil }
        let s = String(decoding: bytes[position ..< position + Int(n)], as: UTF8.self)
        position += Int(n)
        return s
    }

    mutating func getArray<T: FixedWidthInteger>(_: T.Type = T.self) -> [T]? {
        guard let n: UInt64 = get() else { return nil }
        let size = MemoryLayout<T>.stride
        guard n <= UInt64(remaining / size) else { return nil }
        let count = Int(n)
        let out = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { src in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: src[position ..< position + count * size]))
            }
            initialized = count
        }
        position += count * size
        return out
    }
}
