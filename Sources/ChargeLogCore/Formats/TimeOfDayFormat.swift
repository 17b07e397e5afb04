/// Logs whose lines carry only the time of day: `[12:24:30:733] Send: [2,…]` (`:`, `.` or `,` before
/// the fraction; brackets optional), logback's default `08:37:47.979 [main] INFO  o.a.c.Foo - message`. The date comes from a header line that names a time or date,
/// e.g. `Test Start Time : 21-08-2024 12:24:30` (day first, as there; `2024-08-21` works too); a
/// stamp more than 12 hours before the previous one is the next day. Without a header the lines sit
/// on 1970-01-01 and say so (`LineVerdict.timeOfDayOnly`), so that the payload times can date them.
/// Lines without a stamp continue the record before them.
public struct TimeOfDayFormat: LineFormat {
    public static let stream = StreamKind.timeofday
    /// Start of the current day (epoch ms); 0 until a header dates the file.
    var day: Int64 = 0
    var dated = false
    var previous: Int64? = nil
    public init() {}

    /// `[12:24:30:733]` / `12:24:30.733` at the start: ms since midnight and the length.
    static func stamp<C: RandomAccessCollection<UInt8>>(_ l: C) -> ISOStamp.Result? where C.Index == Int {
        var i = l.startIndex
        let bracket = i < l.endIndex && l[i] == UInt8(ascii: "[")
        if bracket { i += 1 }
        guard let (ms, end) = clock(l, at: i) else { return nil }
        i = end
        if bracket {
            guard i < l.endIndex, l[i] == UInt8(ascii: "]") else { return nil }
            i += 1
        } else {
            guard i < l.endIndex, Bytes.isSpace(l[i]) else { return nil }
        }
        return ISOStamp.Result(ms: ms, length: i - l.startIndex)
    }

    /// `hh:mm:ss` with an optional fraction after `:`, `.` or `,`: ms since midnight and the end.
    static func clock<C: RandomAccessCollection<UInt8>>(_ l: C, at i: Int) -> (Int64, Int)? where C.Index == Int {
        guard i + 8 <= l.endIndex, let h = ISOStamp.number(l, i, 2), l[i + 2] == UInt8(ascii: ":"),
              let m = ISOStamp.number(l, i + 3, 2), l[i + 5] == UInt8(ascii: ":"),
              let s = ISOStamp.number(l, i + 6, 2), h < 24, m < 60, s < 61 else { return nil }
        var j = i + 8
        var millis = 0
        if j + 1 < l.endIndex, l[j] == UInt8(ascii: ":") || l[j] == UInt8(ascii: ".") || l[j] == UInt8(ascii: ","),
           ISOStamp.digit(l[j + 1]) != nil {
            j += 1
            var scale = 100
            while j < l.endIndex, let d = ISOStamp.digit(l[j]) { millis += d * scale; scale /= 10; j += 1 }
        }
        return (Int64(((h * 60 + m) * 60 + s) * 1000 + millis), j)
    }

    /// A header line naming a time or date (`Test Start Time : 21-08-2024 12:24:30`, `Date: 2024-08-21`):
    /// the start of that day (epoch ms) and the time of day when one follows the date.
    static func header<C: RandomAccessCollection<UInt8>>(_ l: C) -> (day: Int64, clock: Int64?)? where C.Index == Int {
        guard let colon = Bytes.find(l, ":"), colon - l.startIndex < 60 else { return nil }
        var named = false
        for w in [StaticString("time"), "Time", "TIME", "date", "Date", "DATE"] where Bytes.find(l[..<colon], w) != nil {
            named = true
            break
        }
        guard named else { return nil }
        var i = Bytes.skipSpaces(l, colon + 1)
        guard let (day, end) = date(l, at: i) else { return nil }
        i = Bytes.skipSpaces(l, end)
        if let (c, _) = clock(l, at: i) { return (day, c) }
        return (day, nil)
    }

    /// `21-08-2024`, `21.08.2024`, `21/08/2024` (day first unless the second number cannot be a month)
    /// or `2024-08-21` at `i`: the day's start (epoch ms) and the end.
    static func date<C: RandomAccessCollection<UInt8>>(_ l: C, at i: Int) -> (Int64, Int)? where C.Index == Int {
        guard i + 10 <= l.endIndex else { return nil }
        let sep = { (b: UInt8) in b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "/") }
        var y = 0, m = 0, d = 0
        if let yy = ISOStamp.number(l, i, 4), sep(l[i + 4]), let mm = ISOStamp.number(l, i + 5, 2), l[i + 7] == l[i + 4],
           let dd = ISOStamp.number(l, i + 8, 2) {
            (y, m, d) = (yy, mm, dd)
        } else if let a = ISOStamp.number(l, i, 2), sep(l[i + 2]), let b = ISOStamp.number(l, i + 3, 2), l[i + 5] == l[i + 2],
                  let yy = ISOStamp.number(l, i + 6, 4) {
            (y, m, d) = b > 12 ? (yy, a, b) : (yy, b, a)
        } else {
            return nil
        }
        guard (1...12).contains(m), (1...31).contains(d), (1970...2200).contains(y) else { return nil }
        return (CivilTime.millis(year: y, month: m, day: d, hour: 0, minute: 0, second: 0, millis: 0), i + 10)
    }

    /// The level after the stamp: `INFO`, `[WARN]`, or logback's `[main] INFO` (its default pattern
    /// `%d{HH:mm:ss.SSS} [%thread] %-5level %logger - %msg` carries only the time of day).
    static func level(_ l: UnsafeBufferPointer<UInt8>, after i: Int) -> LogLevel {
        let plain = GenericISOFormat.level(l, after: i)
        if plain != .none { return plain }
        guard let t = JavaLogFormat.thread(l, at: Bytes.skipSpaces(l, i)),
              let (level, _) = LevelWord.parseUpper(l, at: t) else { return .none }
        return level
    }

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in
            if stamp(l) != nil { return n + 2 }
            return header(l) != nil ? n + 4 : n
        }
    }

    /// Moves to the next day when the clock falls back by more than 12 hours.
    mutating func place(_ clock: Int64) -> Int64 {
        if let p = previous, clock < p - 12 * 3_600_000 { day += CivilTime.msPerDay }
        previous = clock
        return day + clock
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        if let r = Self.stamp(line) {
            var v = LineVerdict.start(place(r.ms), level: Self.level(line, after: r.length))
            v.timeOfDayOnly = !dated
            return v
        }
        if let h = Self.header(line) {
            day = h.day
            dated = true
            previous = h.clock
            if let c = h.clock { return .start(day + c, flags: .header) }
            return LineVerdict(kind: .untimed, flags: .header)
        }
        return .continuation
    }
}
