import ChargeLogCore

/// Around the cursor time: a strip per connector (its status over the window, one glyph per time
/// slice, the cursor's slice reversed), the online/offline strip, the charger's state, and the
/// latest changes. Glyphs differ per status, so the strips read without colour too.
enum StatesPane {
    static func glyph(_ state: String) -> (Character, ColorRole) {
        switch state {
        case "Available": ("·", .stateAvailable)
        case "Preparing": ("P", .stateBusy)
        case "Charging": ("█", .stateCharging)
        case "SuspendedEV": ("s", .stateSuspended)
        case "SuspendedEVSE": ("S", .stateSuspended)
        case "Finishing": ("F", .stateBusy)
        case "Reserved": ("R", .stateBusy)
        case "Occupied": ("O", .stateBusy)
        case "Unavailable": ("-", .stateUnavailable)
        case "Faulted": ("X", .stateFaulted)
        default: ("?", .text)
        }
    }

    static let legend = "·Available P Preparing █Charging s/S Suspended F Finishing X Faulted -Unavailable"
    static let linkLegend = "link: █online ░OFFLINE ?unknown (no connection event says)"

    static func spanLabel(_ ms: Int64) -> String {
        if ms >= 86_400_000 { return "\(ms / 86_400_000) d" }
        if ms >= 3_600_000 { return "\(ms / 3_600_000) h" }
        return "\(ms / 60_000) min"
    }

    static func draw(_ m: ViewerModel, into g: inout CellGrid, rect: Rect, focused: Bool) {
        guard rect.height > 0 else { return }
        let changes = m.insights?.stateChanges ?? []
        let periods = m.insights?.onlinePeriods ?? []
        let cursorTime = m.cursorPosition.flatMap { m.index?.time(at: $0) }
        var detail = "window \(spanLabel(m.statesSpan)) (+/-)"
        if let t = cursorTime { detail = "around \(m.displayZone.clock(t).prefix(8)) · " + detail }
        PaneTitle.draw("States", detail: detail, focused: focused, into: &g, rect: rect)
        let body = Rect(row: rect.row + 1, col: rect.col + 1, width: rect.width - 1, height: rect.height - 1)
        guard body.height > 0, body.width > 12 else { return }
        guard !changes.isEmpty || !periods.isEmpty, let now = cursorTime else {
            let why = (m.insights?.hasAnalysis ?? false) ? "no status notifications or state switches in this bundle"
                : "connector states come from the OCPP analysis, not available yet"
            var y = body.row
            for line in VisibleText.wrap(why, width: body.width - 1) where y < body.bottom {
                g.write(line, row: y, col: body.col, limit: body.right, style: CellStyle(fg: .dim))
                y += 1
            }
            return
        }
        let labelWidth = 7
        let stripCols = max(4, body.width - labelWidth - 14)
        let from = now - m.statesSpan / 2
        let slice = max(1, m.statesSpan / Int64(stripCols))
        let cursorCol = Int((now - from) / slice)
        var lines: [(String, [(Character, ColorRole)], String)] = []
        // One strip per connector (2.0.1: per EVSE and connector).
        var strips: [String: Int] = [:]
        for s in changes where s.connector != nil { strips[s.who] = s.connector }
        let connectors = strips.keys.sorted { (strips[$0]!, $0) < (strips[$1]!, $1) }
        for c in connectors {
            let mine = changes.filter { $0.connector != nil && $0.who == c }
            var strip: [(Character, ColorRole)] = []
            for k in 0..<stripCols {
                let t = from + Int64(k + 1) * slice
                if let s = mine.last(where: { $0.time < t }) { strip.append(glyph(s.state)) } else { strip.append((" ", .text)) }
            }
            let nowState = mine.last { $0.time <= now }
            let text = nowState.map { $0.state + ($0.errorCode.map { " " + $0 } ?? "") } ?? "-"
            lines.append((c, strip, text))
        }
        if !periods.isEmpty {
            var strip: [(Character, ColorRole)] = []
            for k in 0..<stripCols {
                let t = from + Int64(k) * slice + slice / 2
                if let p = periods.first(where: { $0.start <= t && t < $0.end }) {
                    strip.append(p.online ? ("█", .online) : ("░", .offline))
                } else {
                    strip.append(("?", .dim))
                }
            }
            let p = periods.first { $0.start <= now && now < $0.end }
            lines.append(("link", strip, p.map { $0.online ? "online" : "OFFLINE" } ?? "unknown"))
        }
        var y = body.row
        for (label, strip, text) in lines where y < body.bottom {
            g.write(label, row: y, col: body.col, limit: body.col + labelWidth, style: CellStyle(fg: .dim))
            for (k, (ch, role)) in strip.enumerated() {
                var s = CellStyle(fg: role)
                if k == cursorCol { s.reverse = true }
                g.put(Cell(ch, style: s), row: y, col: body.col + labelWidth + k)
            }
            g.write(" " + text, row: y, col: body.col + labelWidth + stripCols, limit: body.right, style: CellStyle())
            y += 1
        }
        // The charger's own state at the cursor time.
        if y < body.bottom, let s = changes.last(where: { $0.connector == nil && $0.time <= now }) {
            g.write("main", row: y, col: body.col, limit: body.col + labelWidth, style: CellStyle(fg: .dim))
            g.write("\(s.state) since \(m.displayZone.clock(s.time).prefix(8))", row: y, col: body.col + labelWidth,
                    limit: body.right, style: CellStyle(fg: .accent))
            y += 1
        }
        // The latest changes up to the cursor, newest first.
        let recent = changes.filter { $0.time <= now }.reversed().dropFirst(m.statesScroll)
        let legendRows = body.height > 6 ? (periods.isEmpty || body.height <= 9 ? 1 : 2) : 0
        for s in recent where y < body.bottom - legendRows {
            let who = s.who
            let (_, role) = s.connector == nil ? ("·", ColorRole.accent) : glyph(s.state)
            let line = "\(m.displayZone.clock(s.time).prefix(8)) \(who) \(s.state)" + (s.errorCode.map { " " + $0 } ?? "")
            g.write(line, row: y, col: body.col, limit: body.right, style: CellStyle(fg: role))
            y += 1
        }
        if legendRows > 0 {
            g.write(legend, row: body.bottom - 1, col: body.col, limit: body.right, style: CellStyle(fg: .dim))
        }
        if legendRows > 1 {
            g.write(linkLegend, row: body.bottom - 2, col: body.col, limit: body.right, style: CellStyle(fg: .dim))
        }
    }
}
