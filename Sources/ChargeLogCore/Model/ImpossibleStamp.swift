/// Tells a line whose stamp has the shape of one but cannot be a time (`2024-02-30 10:00:00`, month 13,
/// `+99:99`, `Apr/31 08:00:00`) from a line with no stamp at all, so that `stats` can count them: the
/// parsers reject such stamps, and the line is kept raw with the unparsed marker.
enum ImpossibleStamp {
    /// Whether `line` starts (after an optional `[`) with a stamp-shaped text that does not parse.
    static func starts<C: RandomAccessCollection<UInt8>>(_ line: C) -> Bool where C.Index == Int {
        var s = line[...]
        if let f = s.first, f == UInt8(ascii: "[") { s = s.dropFirst() }
        if isoShaped(s) { return ISOStamp.parse(s) == nil }
        if yearlessShaped(s) { return YearlessStamp.parse(s) == nil }
        return false
    }

    /// `dddd-dd-dd?dd:dd` (or with `/`).
    static func isoShaped<S: RandomAccessCollection<UInt8>>(_ s: S) -> Bool where S.Index == Int {
        guard s.count >= 16 else { return false }
        let b = s.startIndex
        func digits(_ i: Int, _ n: Int) -> Bool { (i..<(i + n)).allSatisfy { ISOStamp.digit(s[$0]) != nil } }
        let sep = s[b + 4]
        return digits(b, 4) && (sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/")) && digits(b + 5, 2)
            && s[b + 7] == sep && digits(b + 8, 2) && digits(b + 11, 2) && s[b + 13] == UInt8(ascii: ":") && digits(b + 14, 2)
    }

    /// `Mon/d hh:mm:ss` or `Month/dd hh:mm:ss`.
    static func yearlessShaped<S: RandomAccessCollection<UInt8>>(_ s: S) -> Bool where S.Index == Int {
        guard let (_, length) = MonthName.parse(s) else { return false }
        var i = s.startIndex + length
        guard i < s.endIndex, s[i] == UInt8(ascii: "/") else { return false }
        i += 1
        var n = 0
        while i < s.endIndex, ISOStamp.digit(s[i]) != nil, n < 2 { i += 1; n += 1 }
        guard n > 0, i + 9 <= s.endIndex, s[i] == UInt8(ascii: " ") else { return false }
        return ISOStamp.digit(s[i + 1]) != nil && ISOStamp.digit(s[i + 2]) != nil && s[i + 3] == UInt8(ascii: ":")
    }
}
