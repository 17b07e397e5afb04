/// A colour as a theme names it: the terminal's default, or an xterm palette index (0–15 are the
/// basic and bright colours, 16–255 the 256-colour cube and greys).
public enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case indexed(Int)

    static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `"default"`, a basic name (`"red"`, `"brightred"`), a number 0–255, or `"#rrggbb"`.
    public static func parse(_ value: Any) -> ThemeColor? {
        if let n = value as? Int { return (0...255).contains(n) ? .indexed(n) : nil }
        guard let s = (value as? String)?.lowercased() else { return nil }
        if s == "default" { return .terminalDefault }
        if let i = basicNames.firstIndex(of: s) { return .indexed(i) }
        if s.hasPrefix("bright"), let i = basicNames.firstIndex(of: String(s.dropFirst(6))) { return .indexed(i + 8) }
        if s == "grey" || s == "gray" { return .indexed(8) }
        if s.hasPrefix("#"), s.count == 7, let v = Int(s.dropFirst(), radix: 16) {
            return .indexed(nearest256(r: (v >> 16) & 255, g: (v >> 8) & 255, b: v & 255))
        }
        if let n = Int(s), (0...255).contains(n) { return .indexed(n) }
        return nil
    }

    /// The palette index to use on a terminal with `colors` colours; nil for the terminal default.
    public func index(forColors colors: Int) -> Int? {
        guard case .indexed(let i) = self, colors >= 8 else { return nil }
        if colors >= 256 || i < colors { return i < 16 && colors < 16 ? i % 8 : i }
        let basic = i < 16 ? i : Self.nearest16(i)
        return colors >= 16 ? basic : basic % 8
    }

    /// RGB of an xterm palette index.
    static func rgb(_ i: Int) -> (Int, Int, Int) {
        if i < 16 {
            let table: [(Int, Int, Int)] = [
                (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
            ]
            return table[i]
        }
        if i < 232 {
            let v = i - 16
            let level = { (x: Int) in x == 0 ? 0 : 55 + x * 40 }
            return (level(v / 36), level((v / 6) % 6), level(v % 6))
        }
        let g = 8 + (i - 232) * 10
        return (g, g, g)
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return dr * dr * 3 + dg * dg * 4 + db * db * 2
    }

    /// The basic/bright colour (0–15) closest to a 256-palette index.
    static func nearest16(_ i: Int) -> Int {
        let c = rgb(i)
        return (0..<16).min { distance(rgb($0), c) < distance(rgb($1), c) } ?? 7
    }

    static func nearest256(r: Int, g: Int, b: Int) -> Int {
        (16..<256).min { distance(rgb($0), (r, g, b)) < distance(rgb($1), (r, g, b)) } ?? 15
    }
}
