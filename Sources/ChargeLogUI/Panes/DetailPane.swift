import ChargeLogCore

/// The selected record decoded: the insight sections (for OCPP the request and its answer, pretty
/// JSON with annotations, latency, the proxy hop), then always the raw text and where it comes from.
enum DetailPane {
    struct Line {
        var text: String
        var style: CellStyle
        var annotation: String?
    }

    static func lines(_ m: ViewerModel) -> [Line] {
        guard let index = m.index, let p = m.cursorPosition else { return [] }
        let info = index.info(at: p)
        let text = m.text(at: p)
        var out: [Line] = []
        for section in m.insights?.detail(of: info.ref, text: text) ?? [] {
            out.append(Line(text: section.title, style: CellStyle(fg: .accent, bold: true)))
            for l in section.lines {
                let role: ColorRole
                switch l.kind {
                case .plain: role = .text
                case .json: role = .jsonKey
                case .heading: role = .accent
                case .error: role = .ocppError
                case .dim: role = .dim
                }
                out.append(Line(text: l.text, style: CellStyle(fg: role, bold: l.kind == .heading), annotation: l.annotation))
            }
        }
        out.append(Line(text: "Raw", style: CellStyle(fg: .accent, bold: true)))
        for l in VisibleText.make(text, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false) {
            out.append(Line(text: String(l), style: CellStyle()))
        }
        out.append(Line(text: "Record", style: CellStyle(fg: .accent, bold: true)))
        out.append(Line(text: "\(info.file):\(info.line)" + (info.lineCount > 1 ? "–\(info.line + info.lineCount - 1)" : ""),
                        style: CellStyle(fg: .dim)))
        var facts = [CivilTime.iso8601(info.time)]
        if !m.displayZone.isUTC { facts.append(m.displayZone.iso8601(info.time) + " " + m.displayZone.name) }
        facts.append(info.stream.rawValue)
        if info.level != .none { facts.append(info.level.label) }
        if info.flags.contains(.unparsed) { facts.append("does not fit the \(info.stream.rawValue) format: shown raw, time from its neighbour") }
        if info.flags.contains(.outOfOrder) { facts.append("stamp goes backwards: kept in file order") }
        if info.flags.contains(.inferredTime) { facts.append("no time of its own: neighbour's time") }
        out.append(Line(text: facts.joined(separator: " · "), style: CellStyle(fg: .dim)))
        return out
    }

    static func draw(_ m: ViewerModel, into g: inout CellGrid, rect: Rect, focused: Bool) {
        guard rect.height > 0 else { return }
        var title = ""
        if let index = m.index, let p = m.cursorPosition {
            let info = index.info(at: p)
            title = "\(info.stream.tag) \(m.displayZone.display(info.time))"
        }
        PaneTitle.draw("Detail", detail: title, focused: focused, into: &g, rect: rect)
        let body = Rect(row: rect.row + 1, col: rect.col, width: rect.width, height: rect.height - 1)
        guard body.height > 0, body.width > 2 else { return }
        // Wrap everything to the pane width; an annotation goes after its line, or below it.
        var rows: [Line] = []
        let w = body.width - 1
        for l in lines(m) {
            let text = VisibleText.make(l.text)
            let parts = VisibleText.wrap(text, width: w)
            for part in parts { rows.append(Line(text: part, style: l.style)) }
            guard let a = l.annotation else { continue }
            if DisplayWidth.of(parts.last ?? "") + 3 + DisplayWidth.of(a) <= w {
                rows[rows.count - 1].annotation = a
            } else {
                for part in VisibleText.wrap("    ↳ " + VisibleText.make(a), width: w) {
                    rows.append(Line(text: "", style: l.style, annotation: part))
                }
            }
        }
        let scroll = min(m.detailScroll, max(0, rows.count - body.height))
        m.detailScroll = scroll
        for (i, line) in rows.dropFirst(scroll).prefix(body.height).enumerated() {
            let y = body.row + i
            var x = g.write(line.text, row: y, col: body.col + 1, limit: body.right, style: line.style)
            if line.style.fg == .jsonKey { colourJSON(line.text, g: &g, row: y, x: body.col + 1, right: body.right) }
            if let a = line.annotation {
                if !line.text.isEmpty { x += 3 }
                g.write(a, row: y, col: x, limit: body.right, style: CellStyle(fg: .annotation))
            }
        }
        if rows.count > body.height + scroll {
            g.write(" ↓ more ", row: body.bottom - 1, col: max(body.col, body.right - 8), limit: body.right,
                    style: CellStyle(fg: .dim, reverse: true))
        }
    }

    /// Keys stay in the key colour; a value after `": ` takes the string or number colour.
    static func colourJSON(_ line: String, g: inout CellGrid, row: Int, x: Int, right: Int) {
        guard let r = line.range(of: "\": ") ?? (line.trimmingPrefixSpaces.first == "\"" ? nil : line.range(of: "")) else { return }
        let value = line[r.upperBound...].drop { $0 == " " }
        guard let first = value.first else { return }
        let role: ColorRole = first == "\"" ? .jsonString : ((first.isNumber || first == "-") ? .jsonNumber : .jsonKey)
        let col = x + DisplayWidth.of(line[..<value.startIndex])
        g.restyle(row: row, col: col, width: right - col) { $0.fg = role }
    }
}

extension String {
    var trimmingPrefixSpaces: Substring { drop { $0 == " " } }
}
