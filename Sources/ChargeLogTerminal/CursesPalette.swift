import CNcursesw
import ChargeLogUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns cell styles into curses attributes and colour pairs for the terminal at hand: 256, 16 or
/// 8 colours by nearest match, or none (monochrome theme, `NO_COLOR`, or a terminal such as vt100
/// without colours), where backgrounds become reverse video.
final class CursesPalette {
    let theme: Theme
    let colors: Int
    let useColor: Bool
    private var pairs: [Int32: Int16] = [:]
    private var nextPair: Int16 = 1
    private let maxPairs: Int

    init(theme: Theme) {
        self.theme = theme
        var color = !theme.monochrome && has_colors()
        if color {
            start_color()
            if use_default_colors() != cl_ok() {
                // Without default colours the roles that say "default" get white on black.
                assume_default_colors(7, 0)
            }
        }
        colors = color ? Int(cl_colors()) : 0
        if colors < 8 { color = false }
        useColor = color
        maxPairs = color ? min(Int(cl_color_pairs()), 32_767) : 0
    }

    func attributes(_ s: CellStyle) -> (attr_t, Int16) {
        let t = theme.terminalStyle(s, colors: useColor ? colors : 0)
        var a = cl_a_normal()
        if t.bold { a |= cl_a_bold() }
        if t.underline { a |= cl_a_underline() }
        if t.reverse { a |= cl_a_reverse() }
        if t.dim { a |= cl_a_dim() }
        guard useColor else { return (a, 0) }
        return (a, pair(t.fg.map(Int16.init) ?? -1, t.bg.map(Int16.init) ?? -1))
    }

    private func pair(_ fg: Int16, _ bg: Int16) -> Int16 {
        if fg == -1 && bg == -1 { return 0 }
        let key = Int32(fg) << 16 | Int32(UInt16(bitPattern: bg))
        if let p = pairs[key] { return p }
        guard Int(nextPair) < maxPairs else { return 0 }
        let p = nextPair
        nextPair += 1
        init_pair(p, fg, bg)
        pairs[key] = p
        return p
    }
}
