/// Terminal display width of text: 2 for East Asian wide/fullwidth characters and emoji
/// presentation, 0 for combining marks and format characters, 1 otherwise (as `wcwidth`).
public enum DisplayWidth {
    public static func of(_ c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        if first.isASCII { return 1 }
        let w = of(first)
        if w == 1, c.unicodeScalars.contains("\u{FE0F}") { return 2 }
        return w
    }

    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x7F { return 1 }
        if v == 0x200B || (0x200C...0x200F).contains(v) || v == 0x2060 || v == 0xFEFF { return 0 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(v) || s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Sum of the widths of a string's characters (controls counted as `VisibleText` shows them).
    public static func of<S: StringProtocol>(_ s: S) -> Int {
        var n = 0
        for c in s { n += of(c) }
        return n
    }

    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18CFF,
        0x1B000...0x1B2FF, 0x1F200...0x1F251, 0x20000...0x3FFFD,
    ]

    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        for r in wideRanges where r.contains(v) { return true }
        return false
    }
}
