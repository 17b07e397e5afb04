/// Generic ISO-8601 stamped logs: `[2025-08-22T02:50:56.688Z] text`, `2025-08-22 02:50:56,123 ERROR text`,
/// `2025-08-22T02:50:56Z text`. Lines without a stamp continue the record before them.
public struct GenericISOFormat: LineFormat {
    public static let stream = StreamKind.generic
    var seenRecord = false
    public init() {}

    static func stamp<C: RandomAccessCollection<UInt8>>(_ l: C) -> ISOStamp.Result? where C.Index == Int {
        var i = l.startIndex
        let bracket = i < l.endIndex && l[i] == UInt8(ascii: "[")
        if bracket { i += 1 }
        guard let r = ISOStamp.parse(l[i...]) else { return nil }
        var end = i + r.length
        if bracket {
            guard end < l.endIndex, l[end] == UInt8(ascii: "]") else { return nil }
            end += 1
        }
        return ISOStamp.Result(ms: r.ms, length: end - l.startIndex)
    }

    /// A level word right after the stamp: `ERROR`, `[WARN]`, `info:`.
    static func level(_ l: UnsafeBufferPointer<UInt8>, after i: Int) -> LogLevel {
        var a = Bytes.skipSpaces(l, i)
        if a < l.endIndex, l[a] == UInt8(ascii: "[") { a += 1 }
        var b = a
        while b < l.endIndex, b - a < 8, (l[b] | 0x20) >= 0x61, (l[b] | 0x20) <= 0x7A { b += 1 }
        return b > a ? LogLevel.parse(l[a..<b]) : .none
    }

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in stamp(l) != nil ? n + 1 : n }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        if let r = Self.stamp(line) {
            seenRecord = true
            return .start(r.ms, level: Self.level(line, after: r.length))
        }
        return seenRecord ? .continuation : .untimed
    }
}
