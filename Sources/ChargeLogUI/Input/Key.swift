/// A key press or mouse event, independent of the terminal library that read it.
public enum Key: Sendable, Equatable {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete
    /// Control + a letter (`ctrl("d")`), other than those with names above (Tab, Enter, Backspace).
    case ctrl(Character)
    case function(Int)
    case mouse(MouseEvent)

    /// Builds keys from text, for tests and scripted input: `Key.typing("667")`.
    public static func typing(_ s: String) -> [Key] { s.map { .char($0) } }
}

/// A mouse wheel turn or click at a screen cell.
public struct MouseEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case wheelUp, wheelDown, click }
    public var kind: Kind
    public var row: Int
    public var col: Int
    public init(_ kind: Kind, row: Int, col: Int) {
        self.kind = kind
        self.row = row
        self.col = col
    }
}
