/// A level word in a log line (`INFO`, `WARNING`, `error`, `CRIT`), read without allocating:
/// the formats call it once per line.
enum LevelWord {
    /// The level of the letters at `i` (ASCII, any case, at most 8 letters, not followed by another
    /// letter) and the index after them; nil when they are not a level name (`LogLevel.words`).
    @inline(__always)
    static func parse<C: RandomAccessCollection<UInt8>>(_ s: C, at i: Int) -> (level: LogLevel, end: Int)? where C.Index == Int {
        var key: UInt64 = 0
        var j = i
        while j < s.endIndex {
            let b = s[j] | 0x20
            guard b >= 0x61, b <= 0x7A else { break }
            guard j - i < 8 else { return nil }
            key = key << 8 | UInt64(b - 32)
            j += 1
        }
        let n = j - i
        guard n > 0 else { return nil }
        for w in LogLevel.words where w.count == n && w.key == key { return (w.level, j) }
        return nil
    }

    /// Like `parse`, but only upper-case words (`INFO`, not `info`): Python's and Java's level names,
    /// where a lower-case word is text.
    @inline(__always)
    static func parseUpper<C: RandomAccessCollection<UInt8>>(_ s: C, at i: Int) -> (level: LogLevel, end: Int)? where C.Index == Int {
        guard let r = parse(s, at: i) else { return nil }
        for k in i..<r.end where s[k] >= 0x61 { return nil }
        return r
    }
}
