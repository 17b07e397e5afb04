/// What a terminal backend draws for a cell style: palette indexes (nil: the terminal's default)
/// and attributes, for the colours the terminal has.
public struct TerminalStyle: Sendable, Equatable {
    public var fg: Int?
    public var bg: Int?
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    public init(fg: Int? = nil, bg: Int? = nil, bold: Bool = false, underline: Bool = false, reverse: Bool = false,
                dim: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }
}

extension Theme {
    /// How to draw `style` on a terminal with `colors` colours (0: none, as on a vt100, or when the
    /// theme is monochrome). Without colour, a painted background (cursor row, bars, marks) becomes
    /// reverse video and dim roles become dim, so nothing depends on colour alone.
    public func terminalStyle(_ style: CellStyle, colors: Int) -> TerminalStyle {
        var t = TerminalStyle(bold: style.bold, underline: style.underline)
        if monochrome || colors < 8 {
            t.reverse = style.reverse != (style.bg != .background && style.bg.isBackground)
            t.dim = style.fg == .dim || style.fg == .axis
            return t
        }
        t.reverse = style.reverse
        t.fg = color(style.fg).index(forColors: colors)
        t.bg = color(style.bg).index(forColors: colors)
        return t
    }
}
