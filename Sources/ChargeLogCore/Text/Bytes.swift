#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small byte helpers shared by the parsers.
public enum Bytes {

    public static func hasPrefix<C: RandomAccessCollection<UInt8>>(_ s: C, _ p: StaticString, at i: Int) -> Bool where C.Index == Int {
        let n = p.utf8CodeUnitCount
        guard i >= s.startIndex, i + n <= s.endIndex else { return false }
        let pp = p.utf8Start
        for k in 0..<n where s[i + k] != pp[k] { return false }
        return true
    }

    /// Index of the first occurrence of `p` in `s` at or after `from`, or nil.
    public static func find<C: RandomAccessCollection<UInt8>>(_ s: C, _ p: StaticString, from: Int? = nil) -> Int? where C.Index == Int {
        find(s, p, anchorAt: 0, from: from)
    }

    /// `find`, with the search anchored on the first `anchor` byte of `p` instead of its first byte:
    /// memchr stops only where that byte stands, so a pattern whose first byte is common in the text
    /// (a space, an `e`) and that holds a rarer one (`z`, `p`) is found with far fewer comparisons.
    /// Same answer as `find`: the first occurrence at or after `from`.
    public static func find<C: RandomAccessCollection<UInt8>>(_ s: C, _ p: StaticString, anchor: UInt8, from: Int? = nil) -> Int?
    where C.Index == Int {
        let n = p.utf8CodeUnitCount
        guard n > 0, let hit = memchr(p.utf8Start, Int32(anchor), n) else { return find(s, p, from: from) }
        return find(s, p, anchorAt: UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - p.utf8Start, from: from)
    }

    /// The search both `find`s share: memchr to each place byte `k` of the pattern stands, then compare.
    static func find<C: RandomAccessCollection<UInt8>>(_ s: C, _ p: StaticString, anchorAt k: Int, from: Int?) -> Int?
    where C.Index == Int {
        let n = p.utf8CodeUnitCount
        guard n > 0 else { return from ?? s.startIndex }
        let start = max(from ?? s.startIndex, s.startIndex)
        let pp = p.utf8Start
        // Contiguous bytes (every line buffer).
        if let found = s.withContiguousStorageIfAvailable({ buf -> Int? in
            guard let base = buf.baseAddress else { return nil }
            let anchor = Int32(pp[k])
            var i = start - s.startIndex      // earliest start of a match
            let last = buf.count - n          // latest start of a match
            while i <= last {
                guard let hit = memchr(base + i + k, anchor, last - i + 1) else { return nil }
                let at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - k
                if memcmp(at, pp, n) == 0 { return s.startIndex + (at - base) }
                i = at - base + 1
            }
            return nil
        }) {
            return found
        }
        var i = start
        while i + n <= s.endIndex {
            if s[i + k] == pp[k] && hasPrefix(s, p, at: i) { return i }
            i += 1
        }
        return nil
    }

    public static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// Skips spaces and tabs from `i`.

    public static func skipSpaces<C: RandomAccessCollection<UInt8>>(_ s: C, _ i: Int) -> Int where C.Index == Int {
        var i = i
        while i < s.endIndex, isSpace(s[i]) { i += 1 }
        return i
    }

    /// Whether the line is empty or only spaces.

    public static func isBlank<C: RandomAccessCollection<UInt8>>(_ s: C) -> Bool where C.Index == Int {
        skipSpaces(s, s.startIndex) == s.endIndex
    }

    /// Whether an OCPP-J frame starts at `i`: `[2,"`, `[3,"`, `[4,"` (spaces allowed after `[` and `,`).

    public static func isFrameStart<C: RandomAccessCollection<UInt8>>(_ s: C, at i: Int) -> Bool where C.Index == Int {
        guard i + 3 < s.endIndex, s[i] == UInt8(ascii: "[") else { return false }
        var j = skipSpaces(s, i + 1)
        guard j < s.endIndex, s[j] >= UInt8(ascii: "2"), s[j] <= UInt8(ascii: "6") else { return false }
        j = skipSpaces(s, j + 1)
        guard j < s.endIndex, s[j] == UInt8(ascii: ",") else { return false }
        j = skipSpaces(s, j + 1)
        return j < s.endIndex && s[j] == UInt8(ascii: "\"")
    }

    /// First index where an OCPP-J frame starts, or nil.

    public static func findFrameStart<C: RandomAccessCollection<UInt8>>(_ s: C) -> Int? where C.Index == Int {
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == UInt8(ascii: "["), isFrameStart(s, at: i) { return i }
            i += 1
        }
        return nil
    }
}
