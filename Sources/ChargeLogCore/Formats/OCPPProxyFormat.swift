/// Sungrow OCPP proxy (Java): `2024-05-01 14:42:14.595 +0000 INFO PipeSession - message`.
/// Indented lines and `at ...` / `Caused by:` lines continue the record before them (stack traces).
public struct OCPPProxyFormat: LineFormat {
    public static let stream = StreamKind.ocpp
    public init() {}

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in
            // A date-only stamp (`2024-11-26`) is exactly 10 bytes: nothing at index 10 (found by fuzzing).
            guard let r = ISOStamp.parse(l), l.count > 10, l[l.startIndex + 10] == UInt8(ascii: " ") else { return n }
            // A zone and a level word after the stamp.
            let rest = l[(l.startIndex + r.length)...]
            let hasZone = r.length >= 28
            let lvl = levelAfter(rest)
            return hasZone && lvl != .none ? n + 1 : n
        }
    }

    static func levelAfter(_ rest: ArraySlice<UInt8>) -> LogLevel {
        let i = Bytes.skipSpaces(rest, rest.startIndex)
        var j = i
        while j < rest.endIndex, rest[j] != UInt8(ascii: " ") { j += 1 }
        return j > i ? LogLevel.parse(rest[i..<j]) : .none
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        if let r = ISOStamp.parse(line) {
            var i = Bytes.skipSpaces(line, r.length)
            var j = i
            while j < line.endIndex, line[j] != UInt8(ascii: " "), j - i < 8 { j += 1 }
            let level = LogLevel.parse(line[i..<j])
            i = j
            return .start(r.ms, level: level)
        }
        if Bytes.isBlank(line) { return .untimed }
        if let f = line.first, Bytes.isSpace(f) { return .continuation }
        if Bytes.hasPrefix(line, "at ", at: 0) || Bytes.hasPrefix(line, "Caused by", at: 0)
            || Bytes.hasPrefix(line, "...", at: 0) { return .continuation }
        return .unparsed
    }
}
