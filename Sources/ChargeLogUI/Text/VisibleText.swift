import ChargeLogCore

/// Makes log text safe and visible on a terminal: control characters become caret notation
/// (`^@` for NUL, `^[` for ESC, `^?` for DEL), C1 controls `<9B>`-style, tabs spaces.
/// Only the prefix that can be shown is processed, so a line of several MB costs no more than a short one.
public enum VisibleText {
    /// The visible form of `text`, at most `limit` display columns (nil: all). Newlines become ` ⏎ `
    /// unless `keepNewlines`.
    public static func make<S: StringProtocol>(_ text: S, limit: Int? = nil, keepNewlines: Bool = false) -> String {
        var out = ""
        var width = 0
        let max = limit ?? Int.max
        for c in text {
            if width >= max { break }
            if c == "\n" || c == "\r\n" {
                if keepNewlines { out.append("\n"); continue }
                out += " ⏎ "
                width += 3
                continue
            }
            if c == "\t" {
                let n = 4 - width % 4
                out += String(repeating: " ", count: n)
                width += n
                continue
            }
            if let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 || v < 0x20 {
                if v < 0x20 {
                    out.append("^")
                    out.unicodeScalars.append(Unicode.Scalar(UInt8(v + 0x40)))
                    width += 2
                    continue
                }
                if v == 0x7F { out += "^?"; width += 2; continue }
                if (0x80...0x9F).contains(v) {
                    out += "<" + Hex.encode(CollectionOfOne(UInt8(truncatingIfNeeded: v))) + ">"
                    width += 4
                    continue
                }
            }
            let w = DisplayWidth.of(c)
            if w == 0 && out.isEmpty { continue }
            out.append(c)
            width += w
        }
        return out
    }

    /// Splits already-visible text into pieces of at most `width` display columns (hard wrap,
    /// at a space when one is near the end). Newlines always break.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for para in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var w = 0
            for c in para {
                let cw = DisplayWidth.of(c)
                if w + cw > width {
                    // Prefer breaking after the last space in the final third of the line.
                    if let sp = line.lastIndex(of: " "), line.distance(from: sp, to: line.endIndex) < width / 3,
                       sp != line.startIndex {
                        let rest = String(line[line.index(after: sp)...])
                        lines.append(String(line[..<sp]))
                        line = rest
                        w = DisplayWidth.of(rest)
                    } else {
                        lines.append(line)
                        line = ""
                        w = 0
                    }
                    if c == " " && line.isEmpty { continue }
                }
                line.append(c)
                w += cw
            }
            lines.append(line)
        }
        return lines
    }

    /// `text` cut or padded to exactly `width` columns; `…` marks a cut.
    public static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        let w = DisplayWidth.of(text)
        if w <= width { return text + String(repeating: " ", count: width - w) }
        var out = ""
        var used = 0
        for c in text {
            let cw = DisplayWidth.of(c)
            if used + cw > width - 1 { break }
            out.append(c)
            used += cw
        }
        return out + "…" + String(repeating: " ", count: max(0, width - 1 - used))
    }
}
