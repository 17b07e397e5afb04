/// The Sungrow year-less stamp `Apr/30 20:02:13` or `January/10 06:21:06.873`, optionally followed by
/// ` UTC`. The civil time is placed in the provisional year 2000 (a leap year, so Feb 29 fits);
/// the indexer moves it to the year the bundle proves. `Apr/31` or `Feb/30` is no stamp.
public enum YearlessStamp {
    public static let provisionalYear = 2000


    public static func parse<C: RandomAccessCollection<UInt8>>(_ s: C) -> ISOStamp.Result? where C.Index == Int {
        guard let (month, mlen) = MonthName.parse(s) else { return nil }
        var i = s.startIndex + mlen
        guard i < s.endIndex, s[i] == UInt8(ascii: "/") else { return nil }
        i += 1
        guard let c = dayAndClock(s, at: i), CivilTime.isValidDate(year: provisionalYear, month: month, day: c.day)
        else { return nil }
        i = c.end
        if i + 4 <= s.endIndex, s[i] == UInt8(ascii: " "), s[i + 1] == UInt8(ascii: "U"),
           s[i + 2] == UInt8(ascii: "T"), s[i + 3] == UInt8(ascii: "C") {
            i += 4
        }
        return ISOStamp.Result(ms: CivilTime.millis(year: provisionalYear, month: month, day: c.day, hour: c.hour,
                                                     minute: c.minute, second: c.second, millis: c.millis),
                               length: i - s.startIndex)
    }

    /// `D` or `DD`, a space, `hh:mm:ss` and an optional fraction (`.123`) at `start`, as the year-less
    /// stamps write them after their month (`April/28 08:48:46.384`, syslog's `Jan  5 10:00:00`).
    /// The day is only read; each caller checks it against its month.
    static func dayAndClock<C: RandomAccessCollection<UInt8>>(_ s: C, at start: Int)
        -> (day: Int, hour: Int, minute: Int, second: Int, millis: Int, end: Int)? where C.Index == Int {
        var i = start
        guard let d0 = ISOStamp.digit(i < s.endIndex ? s[i] : 0) else { return nil }
        var day = d0
        i += 1
        if i < s.endIndex, let d1 = ISOStamp.digit(s[i]) { day = day * 10 + d1; i += 1 }
        guard i + 9 <= s.endIndex, s[i] == UInt8(ascii: " "),
              let hour = ISOStamp.number(s, i + 1, 2), s[i + 3] == UInt8(ascii: ":"),
              let minute = ISOStamp.number(s, i + 4, 2), s[i + 6] == UInt8(ascii: ":"),
              let second = ISOStamp.number(s, i + 7, 2), hour < 24, minute < 60, second < 61
        else { return nil }
        i += 9
        var millis = 0
        if i + 1 < s.endIndex, s[i] == UInt8(ascii: "."), ISOStamp.digit(s[i + 1]) != nil {
            i += 1
            var scale = 100
            while i < s.endIndex, let d = ISOStamp.digit(s[i]) {
                millis += d * scale
                scale /= 10
                i += 1
            }
        }
        return (day, hour, minute, second, millis, i)
    }

    /// `[April/28 08:48:46.384 UTC]` at the start of `s`: the stamp and the length including both brackets.

    public static func parseBracketed<C: RandomAccessCollection<UInt8>>(_ s: C) -> ISOStamp.Result? where C.Index == Int {
        guard let f = s.first, f == UInt8(ascii: "[") else { return nil }
        guard let r = parse(s.dropFirst()) else { return nil }
        let close = s.startIndex + 1 + r.length
        guard close < s.endIndex, s[close] == UInt8(ascii: "]") else { return nil }
        return ISOStamp.Result(ms: r.ms, length: r.length + 2)
    }
}
