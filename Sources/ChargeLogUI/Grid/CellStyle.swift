/// How a cell is painted: colour roles for the glyph and its background, plus attributes.
public struct CellStyle: Sendable, Hashable {
    public var fg: ColorRole
    public var bg: ColorRole
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(fg: ColorRole = .text, bg: ColorRole = .background, bold: Bool = false,
                underline: Bool = false, reverse: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = CellStyle()

    public func with(fg: ColorRole) -> CellStyle { var s = self; s.fg = fg; return s }
    public func with(bg: ColorRole) -> CellStyle { var s = self; s.bg = bg; return s }
    public var bolded: CellStyle { var s = self; s.bold = true; return s }
    public var underlined: CellStyle { var s = self; s.underline = true; return s }
    public var reversed: CellStyle { var s = self; s.reverse = true; return s }
}
