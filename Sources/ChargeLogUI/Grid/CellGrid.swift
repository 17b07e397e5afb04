/// A screen of cells, rows × columns. Panes render into it; the terminal backend draws it and
/// tests read it back as text.
public struct CellGrid: Sendable, Equatable {
    public let rows: Int
    public let cols: Int
    public private(set) var cells: [Cell]

    public init(rows: Int, cols: Int, fill: Cell = .blank) {
        self.rows = max(0, rows)
        self.cols = max(0, cols)
        cells = Array(repeating: fill, count: self.rows * self.cols)
    }

    public subscript(row: Int, col: Int) -> Cell {
        get { cells[row * cols + col] }
    }

    /// Places one glyph; keeps double-width glyphs whole (a half that gets overwritten is blanked).
    mutating func put(_ cell: Cell, row: Int, col: Int) {
        guard row >= 0, row < rows, col >= 0, col < cols else { return }
        let i = row * cols + col
        // Overwriting the right half of a wide glyph: blank its left half.
        if cells[i].isContinuation, col > 0 {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        }
        // Overwriting the left half of a wide glyph: blank its right half.
        if cells[i].width == 2, col + 1 < cols {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
        if cell.width == 2 {
            guard col + 1 < cols else {
                cells[i] = Cell(" ", style: cell.style)
                return
            }
            if cells[i + 1].width == 2, col + 2 < cols {
                cells[i + 2] = Cell(" ", style: cells[i + 2].style)
            }
            cells[i] = cell
            cells[i + 1] = .continuation(cell.style)
        } else {
            cells[i] = cell
        }
    }

    /// Fills `cols` columns of a row from `col` with spaces in `style`.
    public mutating func fill(row: Int, col: Int = 0, width: Int? = nil, style: CellStyle) {
        let end = min(cols, col + (width ?? cols))
        guard col < end else { return }
        for c in max(0, col)..<end { put(Cell(" ", style: style), row: row, col: c) }
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: CellStyle) {
        for r in rect.row..<(rect.row + rect.height) { fill(row: r, col: rect.col, width: rect.width, style: style) }
    }

    /// Writes text made visible (`VisibleText.make`) at a position, clipped at `limit` (exclusive
    /// column; default the grid's width). `skip` display columns are scrolled off first (a wide glyph
    /// cut by the scroll shows as a space). Returns the column after the last glyph written.
    @discardableResult
    public mutating func write<S: StringProtocol>(_ text: S, row: Int, col: Int, limit: Int? = nil,
                                                  style: CellStyle = .plain, skip: Int = 0) -> Int {
        let end = min(cols, limit ?? cols)
        guard row >= 0, row < rows, col < end else { return col }
        var x = col - skip
        for c in text {
            if x >= end { break }
            var w = DisplayWidth.of(c)
            var glyph = c
            if let v = c.unicodeScalars.first?.value, v < 0x20 || (0x7F...0x9F).contains(v) {
                glyph = "?"
                w = 1
            }
            if w == 0 { continue }
            if x + w <= col {
                x += w
                continue
            }
            if x < col {
                // A wide glyph half scrolled off.
                put(Cell(" ", style: style), row: row, col: col)
                x += w
                continue
            }
            if x + w > end {
                put(Cell(" ", style: style), row: row, col: x)
                x += 1
                break
            }
            put(Cell(glyph, width: UInt8(w), style: style), row: row, col: x)
            x += w
        }
        return max(col, x)
    }

    /// Changes the style of existing cells (highlighting a search match) without touching glyphs.
    public mutating func restyle(row: Int, col: Int, width: Int, _ change: (inout CellStyle) -> Void) {
        guard row >= 0, row < rows, max(0, col) < min(cols, col + width) else { return }
        for c in max(0, col)..<min(cols, col + width) { change(&cells[row * cols + c].style) }
    }

    /// One row as text: double-width glyphs once, continuation halves skipped, trailing spaces removed.
    public func rowText(_ row: Int) -> String {
        var s = ""
        for c in 0..<cols {
            let cell = self[row, c]
            if cell.isContinuation { continue }
            s.append(cell.glyph)
        }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The whole screen as text, one line per row.
    public func text() -> String { (0..<rows).map(rowText).joined(separator: "\n") }
}

/// A rectangle of cells.
public struct Rect: Sendable, Equatable {
    public var row: Int, col: Int, width: Int, height: Int
    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var bottom: Int { row + height }
    public var right: Int { col + width }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public func contains(row r: Int, col c: Int) -> Bool { r >= row && r < bottom && c >= col && c < right }
}
