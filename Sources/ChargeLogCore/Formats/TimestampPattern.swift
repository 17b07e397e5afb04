/// One `timestamp-format` of a format file: the strptime(3)-like directives lnav's format files use
/// (`%Y-%m-%d %H:%M:%S.%L`, `%b %e %H:%M:%S`, `%s`, `%d/%b/%Y:%H:%M:%S %z`). A space matches any run
/// of spaces; numbers may have fewer digits than their width. Without a year the time is year-less
/// (the bundle decides the year); without a date it is a time of day.
struct TimestampPattern: Sendable, Equatable {
    enum Piece: Sendable, Equatable {
        case literal(UInt8), space
        case year4, year2, month, monthName, day, hour24, hour12, ampm, minute, second
        /// `%L`: three digits of milliseconds. `%f`: any number of fraction digits. `%N`: nanoseconds.
        case millis, fraction, nanos
        case zone, zoneName, weekdayName
        case epochSeconds, epochMillis
    }

    struct Parsed: Equatable {
        var ms: Int64
        var yearless: Bool
        var timeOfDayOnly: Bool
    }

    let text: String
    let pieces: [Piece]

    /// Compiles `text`; the error names the directive chargelog does not know.
    init(_ text: String) throws(ChargeLogError) {
        self.text = text
        var out: [Piece] = []
        let b = Array(text.utf8)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: " ") || c == 0x09 { out.append(.space); i += 1; continue }
            guard c == UInt8(ascii: "%") else { out.append(.literal(c)); i += 1; continue }
            guard i + 1 < b.count else { throw Self.problem(text, "ends with a lone %") }
            var d = b[i + 1]
            i += 2
            // `%-d`, `%_d`, `%0d` (padding flags) read the same.
            if (d == UInt8(ascii: "-") || d == UInt8(ascii: "_") || d == UInt8(ascii: "0")), i < b.count { d = b[i]; i += 1 }
            switch d {
            case UInt8(ascii: "Y"): out.append(.year4)
            case UInt8(ascii: "y"): out.append(.year2)
            case UInt8(ascii: "m"): out.append(.month)
            case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "h"): out.append(.monthName)
            case UInt8(ascii: "d"), UInt8(ascii: "e"): out.append(.day)
            case UInt8(ascii: "H"), UInt8(ascii: "k"): out.append(.hour24)
            case UInt8(ascii: "I"), UInt8(ascii: "l"): out.append(.hour12)
            case UInt8(ascii: "p"): out.append(.ampm)
            case UInt8(ascii: "M"): out.append(.minute)
            case UInt8(ascii: "S"): out.append(.second)
            case UInt8(ascii: "L"): out.append(.millis)
            case UInt8(ascii: "f"): out.append(.fraction)
            case UInt8(ascii: "N"): out.append(.nanos)
            case UInt8(ascii: "z"): out.append(.zone)
            case UInt8(ascii: "Z"): out.append(.zoneName)
            case UInt8(ascii: "a"), UInt8(ascii: "A"): out.append(.weekdayName)
            case UInt8(ascii: "s"): out.append(.epochSeconds)
            case UInt8(ascii: "i"): out.append(.epochMillis)
            case UInt8(ascii: "T"): out += [.hour24, .literal(UInt8(ascii: ":")), .minute, .literal(UInt8(ascii: ":")), .second]
            case UInt8(ascii: "R"): out += [.hour24, .literal(UInt8(ascii: ":")), .minute]
            case UInt8(ascii: "F"): out += [.year4, .literal(UInt8(ascii: "-")), .month, .literal(UInt8(ascii: "-")), .day]
            case UInt8(ascii: "D"): out += [.month, .literal(UInt8(ascii: "/")), .day, .literal(UInt8(ascii: "/")), .year2]
            case UInt8(ascii: "%"): out.append(.literal(UInt8(ascii: "%")))
            case UInt8(ascii: "t"), UInt8(ascii: "n"): out.append(.space)
            default:
                throw Self.problem(text, "unsupported directive %\(Character(Unicode.Scalar(d)))")
            }
        }
        guard out.contains(where: { [.hour24, .hour12, .epochSeconds, .epochMillis].contains($0) }) else {
            throw Self.problem(text, "no time in it (needs %H, %I, %s or %i)")
        }
        pieces = out
    }

    static func problem(_ text: String, _ why: String) -> ChargeLogError {
        .invalidArgument(name: "timestamp-format", value: text, expected: "a strptime-like format: \(why)")
    }

    var hasYear: Bool { pieces.contains { $0 == .year4 || $0 == .year2 || $0 == .epochSeconds || $0 == .epochMillis } }
    var hasDate: Bool { hasYear || pieces.contains { $0 == .month || $0 == .monthName || $0 == .day } }

    /// Reads the whole of `s` (spaces may follow) as this format.
    func parse(_ s: [UInt8]) -> Parsed? {
        var i = 0
        var year = YearlessStamp.provisionalYear, month = 1, day = 1, hour = 0, minute = 0, second = 0
        var millis = 0, offset = 0
        var pm: Bool? = nil
        var epoch: Int64? = nil

        func digits(_ max: Int) -> Int? {
            var n = 0, v = 0
            while i < s.count, n < max, let d = ISOStamp.digit(s[i]) { v = v * 10 + d; i += 1; n += 1 }
            return n > 0 ? v : nil
        }
        func skipSpaces() { while i < s.count, s[i] == 0x20 || s[i] == 0x09 { i += 1 } }

        for p in pieces {
            switch p {
            case .space: skipSpaces()
            case .literal(let c):
                guard i < s.count, s[i] == c else { return nil }
                i += 1
            case .year4: guard let v = digits(4) else { return nil }; year = v
            case .year2: guard let v = digits(2) else { return nil }; year = v < 69 ? 2000 + v : 1900 + v
            case .month: guard let v = digits(2), (1...12).contains(v) else { return nil }; month = v
            case .monthName:
                guard let (m, len) = MonthName.parse(s[i...]) else { return nil }
                month = m
                i += len
            case .day: skipSpaces(); guard let v = digits(2), (1...31).contains(v) else { return nil }; day = v
            case .hour24: skipSpaces(); guard let v = digits(2), v < 24 else { return nil }; hour = v
            case .hour12: skipSpaces(); guard let v = digits(2), (1...12).contains(v) else { return nil }; hour = v % 12
            case .ampm:
                guard i + 1 < s.count else { return nil }
                let a = s[i] | 0x20, m = s[i + 1] | 0x20
                guard (a == 0x61 || a == 0x70), m == 0x6D else { return nil }
                pm = a == 0x70
                i += 2
            case .minute: guard let v = digits(2), v < 60 else { return nil }; minute = v
            case .second: guard let v = digits(2), v < 61 else { return nil }; second = v
            case .millis: guard let v = digits(3) else { return nil }; millis = v
            case .fraction, .nanos:
                var scale = 100, n = 0
                while i < s.count, let d = ISOStamp.digit(s[i]) { millis += d * scale; scale /= 10; i += 1; n += 1 }
                guard n > 0 else { return nil }
            case .zone:
                guard i < s.count else { return nil }
                if s[i] == UInt8(ascii: "Z") { i += 1; break }
                guard s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") else { return nil }
                let sign = s[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let hh = ISOStamp.number(s, i, 2) else { return nil }
                i += 2
                if i < s.count, s[i] == UInt8(ascii: ":") { i += 1 }
                var mm = 0
                if let m2 = ISOStamp.number(s, i, 2) { mm = m2; i += 2 }
                offset = sign * (hh * 60 + mm)
            case .zoneName, .weekdayName:
                while i < s.count, (s[i] | 0x20) >= 0x61, (s[i] | 0x20) <= 0x7A { i += 1 }
            case .epochSeconds:
                guard let v = digits(12) else { return nil }; epoch = Int64(v) * 1000
            case .epochMillis:
                guard let v = digits(15) else { return nil }; epoch = Int64(v)
            }
        }
        skipSpaces()
        guard i == s.count else { return nil }
        if let e = epoch {
            return Parsed(ms: e + Int64(millis), yearless: false, timeOfDayOnly: false)
        }
        if let pm { hour = hour % 12 + (pm ? 12 : 0) }
        let dated = hasDate
        let ms = CivilTime.millis(year: dated ? year : 1970, month: month, day: day, hour: hour, minute: minute,
                                  second: second, millis: millis, offsetMinutes: offset)
        return Parsed(ms: ms, yearless: dated && !hasYear, timeOfDayOnly: !dated)
    }

    /// A timestamp read without a `timestamp-format`: ISO 8601, a syslog `Jan  5 10:00:00` (year-less),
    /// a time of day, or epoch seconds / ms.
    static func parseAny(_ s: [UInt8]) -> Parsed? {
        var n = s.count
        while n > 0, s[n - 1] == 0x20 { n -= 1 }
        let t = s[0..<n]
        if let r = ISOStamp.parse(t), r.length == n { return Parsed(ms: r.ms, yearless: false, timeOfDayOnly: false) }
        if let r = SyslogFormat.bsdStamp(t, at: 0), r.length == n { return Parsed(ms: r.ms, yearless: true, timeOfDayOnly: false) }
        if let (ms, end) = TimeOfDayFormat.clock(t, at: 0), end == n { return Parsed(ms: ms, yearless: false, timeOfDayOnly: true) }
        if n >= 9, t.allSatisfy({ ISOStamp.digit($0) != nil || $0 == UInt8(ascii: ".") }),
           let ms = JSONLineRecord.epoch(String(decoding: t, as: UTF8.self)) {
            return Parsed(ms: ms, yearless: false, timeOfDayOnly: false)
        }
        return nil
    }
}
