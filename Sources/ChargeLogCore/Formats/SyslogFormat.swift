/// syslog files (`/var/log/messages`, `syslog`, a charger's `messages`):
/// `Jan  5 10:00:00 host prog[123]: message` (BSD, RFC 3164: **no year**, the day padded with a space),
/// rsyslog's `2024-01-05T10:00:00.123456+01:00 host prog[123]: message`, and RFC 5424
/// `<34>1 2024-01-05T10:00:00.003Z host app 123 ID47 - message`. An optional `<PRI>` gives the level
/// (its severity); else a level word opening the message does. Year-less stamps go through the
/// bundle's year inference like the Sungrow streams. Lines that do not fit continue the record before.
public struct SyslogFormat: LineFormat {
    public static let stream = StreamKind.syslog
    public init() {}

    struct Parsed {
        var ms: Int64
        var yearless: Bool
        var level: LogLevel
    }

    /// `Jan  5 10:00:00` / `Jan 15 10:00:00.123` at `i`: civil time in the provisional year, length.
    static func bsdStamp<C: RandomAccessCollection<UInt8>>(_ l: C, at i: Int) -> ISOStamp.Result? where C.Index == Int {
        guard let (month, mlen) = MonthName.parse(l[i...]), mlen == 3 else { return nil }
        var j = i + 3
        guard j < l.endIndex, l[j] == UInt8(ascii: " ") else { return nil }
        j += 1
        if j < l.endIndex, l[j] == UInt8(ascii: " ") { j += 1 }
        guard let c = YearlessStamp.dayAndClock(l, at: j), (1...31).contains(c.day) else { return nil }
        j = c.end
        return ISOStamp.Result(ms: CivilTime.millis(year: YearlessStamp.provisionalYear, month: month, day: c.day,
                                                     hour: c.hour, minute: c.minute, second: c.second, millis: c.millis),
                               length: j - i)
    }

    /// The word at `i` up to the next space: its end.
    static func word<C: RandomAccessCollection<UInt8>>(_ l: C, at i: Int) -> Int? where C.Index == Int {
        var j = i
        while j < l.endIndex, l[j] != UInt8(ascii: " "), j - i < 256 { j += 1 }
        return j > i && j < l.endIndex ? j : nil
    }

    /// `prog[123]: ` or `prog: ` at `i`: the index of the message.
    static func tag<C: RandomAccessCollection<UInt8>>(_ l: C, at i: Int) -> Int? where C.Index == Int {
        var j = i
        while j < l.endIndex, j - i < 64 {
            let b = l[j]
            if b == UInt8(ascii: ":") { break }
            if b == UInt8(ascii: "[") {
                var k = j + 1
                while k < l.endIndex, ISOStamp.digit(l[k]) != nil { k += 1 }
                guard k > j + 1, Bytes.hasPrefix(l, "]:", at: k) else { return nil }
                j = k + 1
                break
            }
            if b == UInt8(ascii: " ") { return nil }
            j += 1
        }
        guard j > i, j < l.endIndex, l[j] == UInt8(ascii: ":") else { return nil }
        return Bytes.skipSpaces(l, j + 1)
    }

    static func parse<C: RandomAccessCollection<UInt8>>(_ l: C) -> Parsed? where C.Index == Int {
        var i = l.startIndex
        var severity: Int? = nil
        var rfc5424 = false
        // `<PRI>`: facility * 8 + severity.
        if i < l.endIndex, l[i] == UInt8(ascii: "<") {
            var k = i + 1, pri = 0
            while k < l.endIndex, k - i <= 3, let d = ISOStamp.digit(l[k]) { pri = pri * 10 + d; k += 1 }
            guard k > i + 1, k < l.endIndex, l[k] == UInt8(ascii: ">"), pri < 192 else { return nil }
            severity = pri % 8
            i = k + 1
            if Bytes.hasPrefix(l, "1 ", at: i) { rfc5424 = true; i += 2 }
        }
        let stamp: ISOStamp.Result
        let yearless: Bool
        if let r = bsdStamp(l, at: i) {
            stamp = r
            yearless = true
        } else if let r = ISOStamp.parse(l[i...]), r.length >= 19, l[i + 10] == UInt8(ascii: "T") {
            stamp = r
            yearless = false
        } else {
            return nil
        }
        i += stamp.length
        guard i < l.endIndex, l[i] == UInt8(ascii: " "), let hostEnd = word(l, at: i + 1) else { return nil }
        var message: Int
        if rfc5424 {
            // APP-NAME PROCID MSGID STRUCTURED-DATA MSG
            var k = hostEnd + 1
            for _ in 0..<3 {
                guard let e = word(l, at: k) else { return nil }
                k = e + 1
            }
            message = k
            if message < l.endIndex, l[message] == UInt8(ascii: "-") { message = Bytes.skipSpaces(l, message + 1) }
        } else {
            guard let m = tag(l, at: hostEnd + 1) else { return nil }
            message = m
        }
        var level = LogLevel.none
        if let s = severity {
            level = switch s {
            case 0, 1: .fatal
            case 2, 3: .error
            case 4: .warn
            case 5, 6: .info
            default: .debug
            }
        } else if let (l2, end) = LevelWord.parse(l, at: message), end == l.endIndex || !((l[end] | 0x20) >= 0x61 && (l[end] | 0x20) <= 0x7A) {
            level = l2
        }
        return Parsed(ms: stamp.ms, yearless: yearless, level: level)
    }

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in parse(l) != nil ? n + 2 : n }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        guard let p = Self.parse(line) else { return .continuation }
        return p.yearless ? .yearless(p.ms, level: p.level) : .start(p.ms, level: p.level)
    }
}
