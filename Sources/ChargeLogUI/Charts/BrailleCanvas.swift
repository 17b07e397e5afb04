/// A dot canvas drawn with braille characters: each cell holds 2 × 4 dots, so a chart of 30 columns
/// and 4 rows has 60 × 16 points of resolution.
struct BrailleCanvas {
    let cols: Int
    let rows: Int
    private var bits: [UInt8]

    init(cols: Int, rows: Int) {
        self.cols = max(0, cols)
        self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.cols * self.rows)
    }

    var dotWidth: Int { cols * 2 }
    var dotHeight: Int { rows * 4 }

    /// Dot bit for (column 0/1, row 0–3 inside a cell), per the Unicode braille pattern layout.
    static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets a dot; y = 0 is the top.
    mutating func set(x: Int, y: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        bits[(y / 4) * cols + x / 2] |= Self.dotBits[x % 2][y % 4]
    }

    /// A straight line between two dots.
    mutating func line(x0: Int, y0: Int, x1: Int, y1: Int) {
        var x = x0, y = y0
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            set(x: x, y: y)
            if x == x1 && y == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// The character of a cell (a blank braille pattern for an empty cell is shown as a space).
    func glyph(col: Int, row: Int) -> Character {
        let b = bits[row * cols + col]
        if b == 0 { return " " }
        return Character(Unicode.Scalar(0x2800 + UInt32(b))!)
    }
}
