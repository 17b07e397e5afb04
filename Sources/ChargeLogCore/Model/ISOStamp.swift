/// Byte-level parser for ISO-8601-like stamps as they appear in charger logs:
/// `2024-05-01 14:42:14.595 +0000`, `2021-11-09 15:58:40:440`, `2023-11-30T00:00:42+0000`,
/// `2025-08-22T02:50:56.688Z`, `2024-11-26T10:03:49Z`, `2024-05-01T18:27:41,000+0200`.
/// A missing zone means UTC. Allocation-free; the indexer calls it once per line.
/// Impossible stamps are rejected, not moved: `2024-02-30`, `2023-02-29`, year 0000, a zone `+99:99`
/// (the line is then kept raw by its format, with the unparsed marker; see `ImpossibleStamp`).
public enum ISOStamp {
    public struct Result: Sendable, Equatable {
        public var ms: Int64
        /// Bytes consumed from the start of the slice.
        public var length: Int
    }


    static func digit(_ b: UInt8) -> Int? { b &- 48 < 10 ? Int(b &- 48) : nil }


    static func number<C: RandomAccessCollection<UInt8>>(_ s: C, _ i: C.Index, _ n: Int) -> Int? where C.Index == Int {
        guard i + n <= s.endIndex else { return nil }
        var v = 0
        for k in i..<(i + n) {
            guard let d = digit(s[k]) else { return nil }
            v = v * 10 + d
        }
        return v
    }

    /// Parses a stamp at the start of `s`. Requires at least `YYYY-MM-DD?hh:mm`.

    public static func parse<C: RandomAccessCollection<UInt8>>(_ s: C) -> Result? where C.Index == Int {
        let b = s.startIndex
        guard let year = number(s, b, 4), s.count >= 16,
              s[b + 4] == UInt8(ascii: "-") || s[b + 4] == UInt8(ascii: "/"),
              let month = number(s, b + 5, 2), s[b + 7] == s[b + 4],
              let day = number(s, b + 8, 2),
              s[b + 10] == UInt8(ascii: "T") || s[b + 10] == UInt8(ascii: " ") || s[b + 10] == UInt8(ascii: "t"),
              let hour = number(s, b + 11, 2), s[b + 13] == UInt8(ascii: ":"),
              let minute = number(s, b + 14, 2),
              CivilTime.isValidDate(year: year, month: month, day: day), hour < 24, minute < 60
        else {
            // Date only: `2024-05-01`.
            if s.count >= 10, let year = number(s, b, 4), s[b + 4] == UInt8(ascii: "-"),
               let month = number(s, b + 5, 2), s[b + 7] == UInt8(ascii: "-"), let day = number(s, b + 8, 2),
               CivilTime.isValidDate(year: year, month: month, day: day), s.count == 10 {
                return Result(ms: CivilTime.millis(year: year, month: month, day: day, hour: 0, minute: 0,
                                                   second: 0, millis: 0), length: 10)
            }
            return nil
        }
        var i = b + 16
        var second = 0, millis = 0
        if i + 3 <= s.endIndex, s[i] == UInt8(ascii: ":"), let sec = number(s, i + 1, 2), sec < 61 {
            second = sec
            i += 3
            // Fraction: `.595`, `,000`, or `:440` (TONLY).
            if i + 1 < s.endIndex, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ",") || s[i] == UInt8(ascii: ":"),
               digit(s[i + 1]) != nil {
                i += 1
                var scale = 100
                while i < s.endIndex, let d = digit(s[i]) {
                    millis += d * scale
                    scale /= 10
                    i += 1
                }
            }
        }
        // Zone: `Z`, `+0000`, `+02:00`, ` +0000`, ` UTC`.
        var offset = 0
        var j = i
        if j < s.endIndex, s[j] == UInt8(ascii: " "), j + 1 < s.endIndex,
           s[j + 1] == UInt8(ascii: "+") || s[j + 1] == UInt8(ascii: "-") || s[j + 1] == UInt8(ascii: "U") {
            j += 1
        }
        if j < s.endIndex {
            let z = s[j]
            if z == UInt8(ascii: "Z") || z == UInt8(ascii: "z") {
                i = j + 1
            } else if z == UInt8(ascii: "+") || z == UInt8(ascii: "-"), let hh = number(s, j + 1, 2) {
                var k = j + 3
                var mm = 0
                if k < s.endIndex, s[k] == UInt8(ascii: ":") { k += 1 }
                if let m2 = number(s, k, 2) { mm = m2; k += 2 }
                // `+99:99` is no zone: the whole stamp is rejected (the line stays raw), not half-read.
                guard hh <= Self.maxOffsetHours, mm < 60 else { return nil }
                offset = (hh * 60 + mm) * (z == UInt8(ascii: "-") ? -1 : 1)
                i = k
            } else if z == UInt8(ascii: "U"), j + 3 <= s.endIndex, s[j + 1] == UInt8(ascii: "T"),
                      s[j + 2] == UInt8(ascii: "C") {
                i = j + 3
            }
        }
        let ms = CivilTime.millis(year: year, month: month, day: day, hour: hour, minute: minute,
                                  second: second, millis: millis, offsetMinutes: offset)
        // `0001-01-01T00:30+01:00` would fall into year 0, which does not print as four digits.
        guard CivilTime.printable.contains(ms) else { return nil }
        return Result(ms: ms, length: i - b)
    }

    /// Zone offsets run from -12:00 to +14:00 in practice; ±18:00 is the most ISO software accepts.
    static let maxOffsetHours = 18
}
