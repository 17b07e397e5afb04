import ChargeLogCore

/// Full-screen dialogs drawn over the panes: help, filters, files.
enum Overlays {
    static func frame(_ title: String, into g: inout CellGrid, rect: Rect) -> Rect {
        g.fill(rect, style: CellStyle())
        PaneTitle.draw(title, focused: true, into: &g, rect: rect)
        return Rect(row: rect.row + 1, col: rect.col + 1, width: rect.width - 2, height: rect.height - 1)
    }

    static func lines(_ lines: [(String, CellStyle)], scroll: Int, into g: inout CellGrid, rect: Rect) {
        for (i, (text, style)) in lines.dropFirst(scroll).prefix(rect.height).enumerated() {
            g.write(text, row: rect.row + i, col: rect.col, limit: rect.right, style: style)
        }
    }

    static func help(_ scroll: Int, into g: inout CellGrid, rect: Rect) {
        let body = frame("Keys", into: &g, rect: rect)
        var out: [(String, CellStyle)] = []
        for group in KeyHelp.groups {
            out.append((group.title, CellStyle(fg: .accent, bold: true)))
            let keyWidth = min(26, max(10, body.width / 3))
            for e in group.entries {
                // Keys in a column; the action wraps beside it.
                let wrapped = VisibleText.wrap(e.action, width: max(8, body.width - keyWidth - 1))
                for (k, part) in wrapped.enumerated() {
                    let keys = k == 0 ? VisibleText.fit(e.keys, width: keyWidth) : String(repeating: " ", count: keyWidth)
                    out.append((keys + " " + part, CellStyle()))
                }
            }
            out.append(("", CellStyle()))
        }
        out.append(("j/k scroll · q, ? or Esc closes", CellStyle(fg: .dim)))
        lines(out, scroll: min(scroll, max(0, out.count - body.height)), into: &g, rect: body)
    }

    static func files(_ m: ViewerModel, scroll: Int, into g: inout CellGrid, rect: Rect) {
        let body = frame("Files", into: &g, rect: rect)
        guard let index = m.index else { return }
        var out: [(String, CellStyle)] = []
        let versions = m.insights?.ocppVersions ?? []
        for f in index.files {
            let mark = f.recordCount == 0 ? "!" : " "
            out.append(("\(mark) \(f.displayPath)", CellStyle(bold: true)))
            var facts = "    \(f.formatName), \(f.recordCount) records, \(f.stats.lines) lines"
            if !f.stream.carriesYear { facts += ", year from \(f.yearSource)" }
            if f.cacheOutcome == .read { facts += ", index read from the on-disk index" }
            out.append((facts, CellStyle(fg: .dim)))
            var clock = "    clock: \(f.clock.summary)"
            if let r = f.role { clock += " · written by the \(r == .central ? "central system" : "charger")" }
            out.append((clock, CellStyle(fg: f.clock.moved ? .accent : .dim)))
            let family = OCPPConnection.family(of: f.displayPath)
            for v in versions where v.connection.log == family {
                out.append(("    ocpp \(v.connection.channel.label): \(v.inference.summary)", CellStyle(fg: .dim)))
            }
            for d in index.diagnostics where d.file == f.displayPath {
                out.append(("    \(d.severity.rawValue): \(d.message)", CellStyle(fg: role(d.severity))))
            }
        }
        let names = Set(index.files.map(\.displayPath))
        let others = index.diagnostics.filter { !names.contains($0.file) }
        if !others.isEmpty {
            out.append(("", CellStyle()))
            out.append(("Not read", CellStyle(fg: .accent, bold: true)))
            for d in others { out.append(("  \(d.file): \(d.severity.rawValue): \(d.message)", CellStyle(fg: role(d.severity)))) }
        }
        if let c = index.cache {
            out.append(("", CellStyle()))
            out.append(("on-disk index (\(c.directory)): \(c.summary)", CellStyle(fg: .dim)))
        }
        out.append(("", CellStyle()))
        out.append(("j/k scroll · q, ! or Esc closes", CellStyle(fg: .dim)))
        var wrapped: [(String, CellStyle)] = []
        for (t, s) in out {
            let parts = VisibleText.wrap(VisibleText.make(t), width: max(1, body.width))
            for p in parts { wrapped.append((p, s)) }
        }
        lines(wrapped, scroll: min(scroll, max(0, wrapped.count - body.height)), into: &g, rect: body)
    }

    static func role(_ s: Diagnostic.Severity) -> ColorRole {
        switch s {
        case .info: .dim
        case .warning: .levelWarn
        case .error: .levelError
        }
    }

    static func filters(_ m: ViewerModel, selected: Int, into g: inout CellGrid, rect: Rect) {
        let body = frame("Filters", into: &g, rect: rect)
        let f = m.draftFilter
        var out: [(String, CellStyle)] = []
        for (i, item) in m.filterItems.enumerated() {
            let text: String
            switch item {
            case .stream(let s):
                let on = f.streams?.contains(s) ?? true
                text = "[\(on ? "x" : " ")] stream \(s.tag.padding(toLength: 4, withPad: " ", startingAt: 0)) \(s.rawValue)"
            case .verbosity:
                text = "OCPP verbosity: " + OCPPVerbosity.allCases.map { $0 == f.verbosity ? "(\($0.label))" : " \($0.label) " }.joined(separator: " ")
            case .action: text = "action:      " + (f.action ?? "any")
            case .connector: text = "connector:   " + (f.connector.map(String.init) ?? "any")
            case .heartbeats: text = "[\(f.hideHeartbeats ? "x" : " ")] hide heartbeats"
            case .since: text = "since:       " + (f.since.map { m.displayZone.display($0, millis: false) } ?? "start")
            case .until: text = "until:       " + (f.until.map { m.displayZone.display($0, millis: false) } ?? "end")
            case .clearAll: text = "clear all"
            }
            let style = i == selected ? CellStyle(fg: .cursorText, bg: .cursorBackground, bold: true) : CellStyle()
            out.append(((i == selected ? "▸ " : "  ") + text, style))
        }
        out.append(("", CellStyle()))
        let notes = [
            "OCPP verbosity as ChargePilot defines it: Minimal keeps UpdateFirmware, BootNotification and "
                + "FirmwareStatusNotification; Info adds Authorize, StartTransaction, StatusNotification and "
                + "StopTransaction; Debug shows everything. Answers follow their request; other lines always show.",
            "Space/Enter toggle or edit · ←/→ change · x clear · Esc or f applies and closes",
        ]
        for n in notes {
            for part in VisibleText.wrap(n, width: max(1, body.width)) { out.append((part, CellStyle(fg: .dim))) }
        }
        let scroll = max(0, selected - body.height + 2)
        lines(out, scroll: scroll, into: &g, rect: body)
    }
}
