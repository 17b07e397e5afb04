import ChargeLogCore

/// The `p` dialog: every scenario recognised and problem found, one per row in time order, and below
/// the list the selected one in full with where its key records are. Enter jumps to the first.
enum ProblemsOverlay {
    static func draw(_ m: ViewerModel, selected: Int, into g: inout CellGrid, rect: Rect) {
        let all = m.insights?.groupedFindings ?? []
        let problems = all.filter { $0.category == .problem }.reduce(0) { $0 + $1.count }
        let scenarios = all.filter { $0.category == .scenario }.reduce(0) { $0 + $1.count }
        let title = "Scenarios and problems · \(scenarios) scenario(s), \(problems) problem(s)"
        let body = Overlays.frame(title, into: &g, rect: rect)
        guard body.height > 0, body.width > 0 else { return }
        guard !all.isEmpty else {
            g.write("no scenario or problem recognised in this bundle", row: body.row, col: body.col,
                    limit: body.right, style: CellStyle(fg: .dim))
            return
        }
        let sel = min(max(0, selected), all.count - 1)
        let detailHeight = body.height >= 16 ? 7 : (body.height >= 12 ? 5 : 0)
        let listHeight = body.height - detailHeight
        let top = min(max(0, sel - listHeight / 2), max(0, all.count - listHeight))
        for (i, f) in all.enumerated().dropFirst(top).prefix(listHeight) {
            drawRow(f, selected: i == sel, width: body.width, zone: m.displayZone, into: &g, row: body.row + i - top, col: body.col)
        }
        if detailHeight > 0, let index = m.index {
            drawDetail(all[sel], index: index, zone: m.displayZone, into: &g,
                       rect: Rect(row: body.row + listHeight, col: body.col, width: body.width, height: detailHeight))
        }
    }

    /// `• 05-01 14:41:18  RFID authorisation      conn 1 tx 667  card 04B7… authorised …`
    static func drawRow(_ f: Finding, selected: Bool, width: Int, zone: DisplayZone, into g: inout CellGrid, row: Int, col: Int) {
        let base = selected ? CellStyle(fg: .cursorText, bg: .cursorBackground, bold: true) : CellStyle()
        g.fill(row: row, col: col, width: width, style: base)
        let right = col + width
        let mark = f.category == .scenario ? "•" : "!"
        var c = g.write(mark + " ", row: row, col: col, limit: right, style: selected ? base : base.with(fg: role(f)).bolded)
        let time = zone.display(f.time, millis: false)
        c = g.write((width >= 100 ? time : String(time.dropFirst(5))) + "  ", row: row, col: c, limit: right,
                    style: selected ? base : base.with(fg: .time))
        let labelWidth = width >= 100 ? 24 : 17
        let label = f.count > 1 ? "\(f.kind.label) ×\(f.count)" : f.kind.label
        c = g.write(VisibleText.fit(label, width: labelWidth - 1) + " ", row: row, col: c, limit: right,
                    style: selected ? base : base.with(fg: role(f)))
        // Connector and transaction in a column of their own where there is room; the detail below says it anyway.
        if width >= 100 { c = g.write(VisibleText.fit(where_(f), width: 15) + " ", row: row, col: c, limit: right, style: base) }
        g.write(VisibleText.make(FindingGroups.headline(f)), row: row, col: c, limit: right, style: base)
    }

    static func drawDetail(_ f: Finding, index: LogIndex, zone: DisplayZone, into g: inout CellGrid, rect: Rect) {
        g.write(String(repeating: "─", count: rect.width), row: rect.row, col: rect.col, limit: rect.right,
                style: CellStyle(fg: .dim))
        var lines: [(String, CellStyle)] = []
        var head = f.kind.label + " · " + zone.display(f.time, millis: false)
        if f.count > 1, let last = f.lastTime { head += " … " + zone.display(last, millis: false) + " · ×\(f.count)" }
        if let d = f.durationMs { head += " · lasted " + duration(d) }
        let w = where_(f)
        if !w.isEmpty { head += " · " + w }
        lines.append((head, CellStyle(fg: role(f), bold: true)))
        let text = f.count > 1 ? FindingGroups.headline(f) + ". First: " + f.explanation : f.explanation
        for part in VisibleText.wrap(VisibleText.make(text), width: max(1, rect.width)) {
            lines.append((part, CellStyle()))
        }
        var foot = "Enter jumps to "
        if let r = f.records.first {
            let file = index.files[r.file]
            foot += "\(file.displayPath):\(file.index.lineNumber(r.record))"
            if f.records.count > 1 { foot += " (\(f.records.count) key records)" }
        } else {
            foot = "no record to jump to"
        }
        foot += " · j/k move · q, p or Esc closes"
        let room = rect.height - 2
        for (i, (text, style)) in lines.prefix(room).enumerated() {
            g.write(text, row: rect.row + 1 + i, col: rect.col, limit: rect.right, style: style)
        }
        g.write(VisibleText.make(foot), row: rect.bottom - 1, col: rect.col, limit: rect.right, style: CellStyle(fg: .dim))
    }

    /// `conn 1 tx 667`, or empty.
    static func where_(_ f: Finding) -> String {
        var parts: [String] = []
        if let c = f.connector { parts.append("conn \(c)") }
        if let t = f.transactionId { parts.append("tx \(t)") }
        return parts.joined(separator: " ")
    }

    static func duration(_ ms: Int64) -> String {
        let s = ms / 1000
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }

    static func role(_ f: Finding) -> ColorRole {
        guard f.category == .problem else { return .accent }
        return f.severity == .error ? .levelError : .levelWarn
    }
}
