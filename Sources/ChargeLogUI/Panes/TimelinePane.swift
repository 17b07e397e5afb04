import ChargeLogCore
import ChargeLogText
import Foundation

/// The merged records, one per row: marks, time, stream tag, level, and the text (an OCPP message as
/// its summary). Reads only the rows it shows.
enum TimelinePane {
    struct Columns {
        var time: Int
        var showDate: Bool
        var showMillis: Bool
        var showLevel: Bool
        var text: Int

        /// `MM-DD` before the clock when the bundle spans several days but the full date does not fit.
        var showDay = false
        /// The zone the time column is shown in.
        var zone = DisplayZone.utc

        init(width: Int, crossesDays: Bool = false) {
            showDate = width >= 110
            showMillis = width >= 50
            showLevel = width >= 50
            showDay = !showDate && crossesDays && width >= 40
            time = showDate ? 23 : (showMillis ? 12 : 8) + (showDay ? 6 : 0)
            text = 2 + time + 1 + 4 + 1 + (showLevel ? 2 : 0)
        }
    }

    static func draw(_ m: ViewerModel, into g: inout CellGrid, rect: Rect, focused: Bool) {
        guard let t = m.timeline, let index = m.index, rect.height > 0 else { return }
        var detail = "\(t.count > 0 ? m.cursor + 1 : 0)/\(t.count)"
        if !t.isComplete { detail += " filtering \(Int(t.progress * 100))%" }
        if !m.filter.isEmpty { detail += " · " + m.filter.label(m.displayZone) }
        if m.following { detail += " · following" }
        if m.raw { detail += " · raw" }
        if m.wrap { detail += " · wrap" }
        if m.hScroll > 0 { detail += " · →\(m.hScroll)" }
        PaneTitle.draw("Timeline", detail: detail, focused: focused, into: &g, rect: rect)
        let body = Rect(row: rect.row + 1, col: rect.col, width: rect.width, height: rect.height - 1)
        guard body.height > 0 else { return }
        if t.count == 0 {
            let why = t.isComplete ? (m.filter.isEmpty ? "no records" : "no record passes the filter (f to change it)")
                                   : "filtering…"
            g.write(why, row: body.row, col: body.col + 2, limit: body.right, style: CellStyle(fg: .dim))
            return
        }
        var cols = Columns(width: body.width, crossesDays: crossesDays(index))
        cols.zone = m.displayZone
        let textWidth = max(1, body.width - cols.text)
        if m.wrap { normaliseWrappedTop(m, t: t, body: body, textWidth: textWidth) }
        var y = body.row
        var row = m.top
        while y < body.bottom, row < t.count {
            let p = t.position(ofRow: row)
            let info = index.info(at: p)
            let isCursor = row == m.cursor
            let marked = m.marks.contains(info.ref)
            var base = CellStyle()
            if marked { base.bg = .markBackground }
            if isCursor { base = CellStyle(fg: .cursorText, bg: .cursorBackground, bold: focused) }
            let (lines, summary, label) = rowText(m, position: p, info: info, width: m.wrap ? textWidth : nil)
            for (k, line) in lines.enumerated() where y < body.bottom {
                g.fill(row: y, col: body.col, width: body.width, style: base)
                if k == 0 { drawFixedColumns(info, marked: marked, cols: cols, base: base, isCursor: isCursor, g: &g, row: y, x: body.col, right: body.right) }
                var style = base
                if !isCursor, let s = summary {
                    style.fg = s.isError ? .ocppError : (s.direction == .toCentral ? .ocppOut : (s.direction == .toChargePoint ? .ocppIn : .text))
                } else if !isCursor, info.level >= .error {
                    style.fg = .levelError
                } else if !isCursor, info.level == .warn {
                    style.fg = .levelWarn
                }
                let x0 = body.col + cols.text
                let skip = m.wrap ? 0 : m.hScroll
                g.write(line, row: y, col: x0, limit: body.right, style: style, skip: skip)
                if k == 0, let label, !isCursor, label.width > skip {
                    g.restyle(row: y, col: x0, width: min(label.width - skip, body.right - x0)) { s in
                        s.fg = label.role
                        s.bold = true
                    }
                }
                if let pattern = m.search { highlight(pattern, in: line, g: &g, row: y, x: x0, right: body.right, skip: m.wrap ? 0 : m.hScroll) }
                y += 1
            }
            row += 1
        }
    }

    static func drawFixedColumns(_ info: RecordInfo, marked: Bool, cols: Columns, base: CellStyle, isCursor: Bool,
                                 g: inout CellGrid, row y: Int, x: Int, right: Int) {
        let fg = { (role: ColorRole) in isCursor ? base.with(fg: .cursorText) : base.with(fg: role) }
        // The cursor keeps its arrow on a marked row; the mark moves next to it.
        let flag = TimelineLine.marker(info.flags)
        g.write(isCursor ? "▶" : (marked ? "*" : " "), row: y, col: x, limit: right, style: fg(.marker).bolded)
        g.write(isCursor && marked && flag == " " ? "*" : flag, row: y, col: x + 1, limit: right, style: fg(.marker).bolded)
        var time: String
        if cols.showDate { time = cols.zone.display(info.time) } else if cols.showMillis { time = cols.zone.clock(info.time) } else {
            time = String(cols.zone.clock(info.time).prefix(8))
        }
        if cols.showDay { time = String(cols.zone.display(info.time).dropFirst(5).prefix(5)) + " " + time }
        var c = g.write(time, row: y, col: x + 2, limit: right, style: fg(.time))
        c = g.write(" ", row: y, col: c, limit: right, style: base)
        let tag = info.stream.tag.padding(toLength: 4, withPad: " ", startingAt: 0)
        c = g.write(tag, row: y, col: c, limit: right, style: fg(StreamStyle.role(info.stream)).bolded)
        if cols.showLevel {
            let (letter, role) = StreamStyle.levelLetter(info.level)
            c = g.write(" " + letter, row: y, col: c, limit: right, style: fg(role).bolded)
        }
    }

    static func crossesDays(_ index: LogIndex) -> Bool {
        guard let r = index.timeRange else { return false }
        return r.lowerBound / 86_400_000 != r.upperBound / 86_400_000
    }

    /// The label of the scenarios and problems a record starts: `«RFID authorisation» `.
    struct Label {
        var text: String
        var width: Int
        var role: ColorRole
    }

    static func label(_ m: ViewerModel, _ ref: RecordRef) -> Label? {
        guard !m.raw, let found = m.insights?.findings(startingAt: ref), !found.isEmpty else { return nil }
        var names: [String] = []
        for f in found where !names.contains(f.kind.label) { names.append(f.kind.label) }
        let text = "«" + names.joined(separator: ", ") + "» "
        let problem = found.first { $0.category == .problem }
        let role: ColorRole = problem.map { $0.severity == .error ? .levelError : .levelWarn } ?? .accent
        return Label(text: text, width: DisplayWidth.of(text[...]), role: role)
    }

    /// The lines a record shows: its scenario label, then its summary or text, cut to what fits (or wrapped).
    static func rowText(_ m: ViewerModel, position p: Int, info: RecordInfo, width: Int?) -> ([String], RowSummary?, Label?) {
        let text = m.text(at: p)
        let summary = m.raw ? nil : m.insights?.summary(of: info.ref, text: text)
        let label = label(m, info.ref)
        var shown = label?.text ?? ""
        if let s = summary { shown += s.line } else if m.raw { shown += text } else { shown += String(MessageBody.of(text)) }
        guard let w = width else {
            return ([VisibleText.make(shown, limit: m.hScroll + m.cols + 8)], summary, label)
        }
        let visible = VisibleText.make(shown, limit: w * 200, keepNewlines: true)
        return (VisibleText.wrap(visible, width: w), summary, label)
    }

    /// In wrap mode rows have different heights: make sure the cursor's record fits below `top`.
    static func normaliseWrappedTop(_ m: ViewerModel, t: TimelineRows, body: Rect, textWidth: Int) {
        if m.cursor < m.top { m.top = m.cursor }
        guard let index = m.index else { return }
        func height(_ row: Int) -> Int {
            let p = t.position(ofRow: row)
            return rowText(m, position: p, info: index.info(at: p), width: textWidth).0.count
        }
        var used = 0
        for r in m.top...m.cursor { used += height(r) }
        while used > body.height, m.top < m.cursor {
            used -= height(m.top)
            m.top += 1
        }
    }

    static func highlight(_ pattern: TextPattern, in line: String, g: inout CellGrid, row: Int, x: Int, right: Int, skip: Int) {
        for r in pattern.ranges(in: line) {
            let start = DisplayWidth.of(line[line.startIndex..<r.lowerBound]) - skip
            let width = DisplayWidth.of(line[r])
            let from = max(0, start)
            let w = width - (from - start)
            guard w > 0 else { continue }
            g.restyle(row: row, col: x + from, width: min(w, right - x - from)) { s in
                s.fg = .searchMatch
                s.bold = true
                s.underline = true
            }
        }
    }
}
