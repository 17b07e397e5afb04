/// UTC calendar arithmetic on milliseconds since 1970-01-01T00:00:00Z, without Foundation.
/// Days-from-civil after Howard Hinnant's public-domain algorithm.
public enum CivilTime {
    public static let msPerDay: Int64 = 86_400_000

    /// Days since the Unix epoch for a proleptic Gregorian date.

    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int64(era * 146_097 + doe - 719_468)
    }

    /// Milliseconds since the epoch for a UTC civil time; `offsetMinutes` is the zone offset of the stamp.

    public static func millis(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                              millis: Int, offsetMinutes: Int = 0) -> Int64 {
        days(year: year, month: month, day: day) * msPerDay
            + Int64(hour * 3_600_000 + minute * 60_000 + second * 1000 + millis)
            - Int64(offsetMinutes) * 60_000
    }

    public struct Components: Sendable, Equatable {
        public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millis: Int
    }

    /// Civil UTC components of an instant.

    public static func components(_ ms: Int64) -> Components {
        var days = ms / msPerDay
        var rem = ms % msPerDay
        if rem < 0 { rem += msPerDay; days -= 1 }
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        let r = Int(rem)
        return Components(year: y, month: m, day: d, hour: r / 3_600_000, minute: (r / 60_000) % 60,
                          second: (r / 1000) % 60, millis: r % 1000)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// Years a stamp may carry: the ones ISO 8601 writes with four digits.
    public static let years = 1...9999
    /// Instants from 0001-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z: what a parsed stamp may be
    /// (after its zone offset), and what prints as four-digit ISO text.
    public static let printable: ClosedRange<Int64> =
        days(year: 1, month: 1, day: 1) * msPerDay ... days(year: 10_000, month: 1, day: 1) * msPerDay - 1

    /// Days in a month of a year (Feb 29 only in leap years); 0 for a month outside 1...12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeap(year) ? 29 : 28
        default: 0
        }
    }

    /// Whether a date exists: a year in `years`, a month 1...12, a day of that month (no `2024-02-30`).
    public static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
        years.contains(year) && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// The same civil time moved by `years` (Feb 29 into a common year becomes Mar 1).
    public static func shift(_ ms: Int64, years: Int) -> Int64 {
        if years == 0 { return ms }
        let c = components(ms)
        return millis(year: c.year + years, month: c.month, day: c.day, hour: c.hour, minute: c.minute,
                      second: c.second, millis: c.millis)
    }

    /// `2024-05-01T14:42:14.595Z`
    public static func iso8601(_ ms: Int64) -> String {
        let c = components(ms)
        guard (0...9999).contains(c.year) else {
            return "\(year(c.year))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)).\(pad(c.millis, 3))Z"
        }
        // Written byte by byte (exports write one per row): `YYYY-MM-DDTHH:MM:SS.mmmZ`, 24 bytes.
        return String(unsafeUninitializedCapacity: 24) { b in
            func put(_ v: Int, _ width: Int, at i: Int) {
                var v = v
                for k in stride(from: i + width - 1, through: i, by: -1) { b[k] = UInt8(48 + v % 10); v /= 10 }
            }
            put(c.year, 4, at: 0); b[4] = 0x2D; put(c.month, 2, at: 5); b[7] = 0x2D; put(c.day, 2, at: 8)
            b[10] = 0x54; put(c.hour, 2, at: 11); b[13] = 0x3A; put(c.minute, 2, at: 14); b[16] = 0x3A
            put(c.second, 2, at: 17); b[19] = 0x2E; put(c.millis, 3, at: 20); b[23] = 0x5A
            return 24
        }
    }

    /// `2024-05-01 14:42:14.595` (UTC, for narrow columns).
    public static func display(_ ms: Int64, millis: Bool = true) -> String {
        let c = components(ms)
        let base = "\(year(c.year))-\(pad(c.month, 2))-\(pad(c.day, 2)) \(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
        return millis ? base + ".\(pad(c.millis, 3))" : base
    }

    /// `14:42:14.595`
    public static func clock(_ ms: Int64) -> String {
        let c = components(ms)
        return "\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)).\(pad(c.millis, 3))"
    }


    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v.magnitude)
        let digits = s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        return v < 0 ? "-" + digits : digits
    }

    /// A year as ISO 8601 writes it: four digits, or the expanded form with a sign (`+10000`, `-0001`)
    /// outside 0...9999, which no parsed stamp reaches (only an instant computed out of range).
    static func year(_ y: Int) -> String {
        (0...9999).contains(y) ? pad(y, 4) : (y < 0 ? pad(y, 4) : "+" + pad(y, 4))
    }

    /// Parses user-typed times: `2024-05-01`, `2024-05-01 14:42`, `2024-05-01T14:42:14`, `...14.595Z`,
    /// `...+02:00`. Returns nil when it is not a time.
    public static func parseUserTime(_ text: String) -> Int64? {
        let b = Array(text.trimmingSpaces().utf8)
        return ISOStamp.parse(b[...])?.ms
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" { s = s.dropLast() }
        return String(s)
    }
}
