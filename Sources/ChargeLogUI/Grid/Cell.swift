/// One terminal cell: a grapheme, its display width, and its style. A double-width grapheme
/// occupies two cells; the second is a continuation that holds no glyph of its own.
public struct Cell: Sendable, Hashable {
    public var glyph: Character
    /// 1 or 2 for a glyph; 0 for the continuation half of a double-width glyph.
    public var width: UInt8
    public var style: CellStyle

    public init(_ glyph: Character = " ", width: UInt8 = 1, style: CellStyle = .plain) {
        self.glyph = glyph
        self.width = width
        self.style = style
    }

    public var isContinuation: Bool { width == 0 }

    public static let blank = Cell()

    static func continuation(_ style: CellStyle) -> Cell { Cell(" ", width: 0, style: style) }
}
