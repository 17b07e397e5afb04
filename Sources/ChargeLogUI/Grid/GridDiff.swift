/// The cells a backend must draw to turn the screen showing `old` into `new`: only changed ones,
/// so a key press over SSH sends a few bytes, not a full screen.
public enum GridDiff {
    /// Positions of glyph cells (never continuation halves) that differ; all of them without `old`
    /// or when the size changed.
    public static func changes(from old: CellGrid?, to new: CellGrid) -> [(row: Int, col: Int)] {
        let prev = old.flatMap { $0.rows == new.rows && $0.cols == new.cols ? $0 : nil }
        var out: [(row: Int, col: Int)] = []
        for r in 0..<new.rows {
            for c in 0..<new.cols {
                let cell = new[r, c]
                if cell.isContinuation { continue }
                if let p = prev, p[r, c] == cell, cell.width < 2 || p[r, c + 1] == new[r, c + 1] { continue }
                out.append((r, c))
            }
        }
        return out
    }
}
