/// Finds a literal in a block of bytes eight bytes at a time: the needle's first two bytes are looked
/// for in whole words (SWAR: "has a zero byte" after an XOR), only the few positions that pass are
/// compared in full. ASCII letters compare folded when the needle is folded (it is then lower case).
struct LiteralScan {
    let needle: [UInt8]
    let folded: Bool
    /// Per needle byte: the mask OR-ed onto a text byte before comparing (0x20 for a folded letter).
    private let orMasks: [UInt8]
    private let first: (or: UInt64, value: UInt64)
    private let second: (or: UInt64, value: UInt64)

    init(_ needle: [UInt8], folded: Bool) {
        precondition(!needle.isEmpty)
        self.needle = needle
        self.folded = folded
        orMasks = needle.map { folded && ASCIIFold.isLetter($0) ? 0x20 : 0 }
        let ones: UInt64 = 0x0101_0101_0101_0101
        first = (UInt64(orMasks[0]) &* ones, UInt64(needle[0] | orMasks[0]) &* ones)
        let k = needle.count > 1 ? 1 : 0
        second = (UInt64(orMasks[k]) &* ones, UInt64(needle[k] | orMasks[k]) &* ones)
    }

    /// Offset of the first occurrence at or after `from` in `buf`, or nil.
    func find(in buf: UnsafeRawBufferPointer, from: Int) -> Int? {
        let n = needle.count
        let count = buf.count
        guard let base = buf.baseAddress, count - from >= n else { return nil }
        let k = n > 1 ? 1 : 0
        var i = from
        let lows: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // Whole words while the word at i + k still fits.
        while i + k + 8 <= count {
            let a = (base + i).loadUnaligned(as: UInt64.self)
            let b = (base + i + k).loadUnaligned(as: UInt64.self)
            let xa = (a | first.or) ^ first.value
            let xb = (b | second.or) ^ second.value
            let za = (xa &- lows) & ~xa & highs
            let zb = (xb &- lows) & ~xb & highs
            if za & zb != 0 {
                // Candidates among these eight starts (the zero test can flag a byte after a real zero).
                for j in 0..<8 where i + j + n <= count && matches(base, at: i + j) { return i + j }
            }
            i += 8
        }
        while i + n <= count {
            if matches(base, at: i) { return i }
            i += 1
        }
        return nil
    }

    @inline(__always)
    private func matches(_ base: UnsafeRawPointer, at i: Int) -> Bool {
        let p = base.assumingMemoryBound(to: UInt8.self) + i
        return needle.withUnsafeBufferPointer { nd in
            orMasks.withUnsafeBufferPointer { om in
                for j in 0..<nd.count where (p[j] | om[j]) != nd[j] | om[j] { return false }
                return true
            }
        }
    }
}

/// Bytes for which a record's text is not its bytes (`IndexedFile.text`): ESC (colour codes are left
/// out) and every byte from 0x80 (invalid UTF-8 shows as `\xNN`; non-ASCII letters fold in ways ASCII
/// folding does not see). A record holding one is tested with the regex whatever the prefilter says.
enum SpecialBytes {
    /// Offset of the first such byte at or after `from`, or nil.
    static func find(in buf: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard let base = buf.baseAddress else { return nil }
        let count = buf.count
        let lows: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let esc: UInt64 = 0x1B1B_1B1B_1B1B_1B1B
        var i = from
        while i + 8 <= count {
            let w = (base + i).loadUnaligned(as: UInt64.self)
            let x = w ^ esc
            if (w & highs) | ((x &- lows) & ~x & highs) != 0 { break }
            i += 8
        }
        let p = base.assumingMemoryBound(to: UInt8.self)
        while i < count {
            if p[i] >= 0x80 || p[i] == 0x1B { return i }
            i += 1
        }
        return nil
    }
}
