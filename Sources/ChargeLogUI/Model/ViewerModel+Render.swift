import ChargeLogCore

extension ViewerModel {
    /// Draws the screen.
    public func render() -> CellGrid {
        var g = CellGrid(rows: rows, cols: cols)
        guard rows >= 1, cols >= 1 else { return g }
        drawTitle(&g)
        guard index != nil else {
            drawLoading(&g)
            drawStatus(&g)
            return g
        }
        let area = Rect(row: 1, col: 0, width: cols, height: max(0, rows - 2))
        if let o = overlay, area.height > 0 {
            switch o {
            case .help(let s): Overlays.help(s, into: &g, rect: area)
            case .files(let s): Overlays.files(self, scroll: s, into: &g, rect: area)
            case .filters(let s): Overlays.filters(self, selected: s, into: &g, rect: area)
            case .problems(let s): ProblemsOverlay.draw(self, selected: s, into: &g, rect: area)
            case .kpis(let s): KPIOverlay.draw(self, scroll: s, into: &g, rect: area)
            }
        } else {
            let l = layout
            for (pane, rect) in l.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let focused = pane == focus
                switch pane {
                case .timeline: TimelinePane.draw(self, into: &g, rect: rect, focused: focused)
                case .detail: DetailPane.draw(self, into: &g, rect: rect, focused: focused)
                case .states: StatesPane.draw(self, into: &g, rect: rect, focused: focused)
                case .transactions: TransactionsPane.draw(self, into: &g, rect: rect, focused: focused)
                }
            }
            if let sep = l.separator() {
                for r in sep.row..<sep.bottom { g.write("│", row: r, col: sep.col, style: CellStyle(fg: .dim)) }
            }
        }
        drawStatus(&g)
        return g
    }

    func drawTitle(_ g: inout CellGrid) {
        let style = CellStyle(fg: .titleText, bg: .titleBackground, bold: true)
        g.fill(row: 0, style: style)
        var left = " chargelog"
        if !bundleName.isEmpty { left += "  " + bundleName }
        // Right side, most important first; parts are dropped from the end until it fits.
        var parts: [String] = []
        if let index {
            if let p = cursorPosition {
                // UTC unless the user chose a display zone (--display-tz, :tz); a file moved from its local
                // time says so with * (the files dialog, !, says how).
                let moved = index.files[index.ref(at: p).file].clock.moved
                let t = index.time(at: p)
                parts.append(displayZone.display(t, millis: false) + " " + displayZone.label(at: t) + (moved ? "*" : ""))
            }
            if layout.single { parts.insert("[\(focus.rawValue)]", at: 0) }
            parts.append(index.stillIndexing.isEmpty ? "\(index.files.count) files"
                                                     : "\(index.files.count) of \(index.files.count + index.stillIndexing.count) files")
            parts.append("\(index.count) records")
        }
        var right = ""
        while !parts.isEmpty {
            right = parts.joined(separator: "  ") + " "
            if DisplayWidth.of(right) + min(DisplayWidth.of(left), 11) <= cols { break }
            parts.removeLast()
            right = ""
        }
        let rw = DisplayWidth.of(right)
        g.write(left, row: 0, col: 0, limit: max(0, cols - rw - 1), style: style)
        if rw > 0, rw < cols { g.write(right, row: 0, col: cols - rw, style: style) }
    }

    func drawLoading(_ g: inout CellGrid) {
        let mid = max(1, rows / 2 - 1)
        let pct = loadTotal > 0 ? min(1, Double(loadDone) / Double(loadTotal)) : 0
        let label = "\(loadPhase) \(Int(pct * 100))%" + (loadTotal > 0 ? "  \(loadDone / 1_000_000) of \(loadTotal / 1_000_000) MB" : "")
        let barWidth = max(4, min(60, cols - 4))
        let filled = Int(Double(barWidth) * pct)
        let x = max(0, (cols - barWidth) / 2)
        g.write(label, row: mid, col: x, style: CellStyle(fg: .accent, bold: true))
        if mid + 1 < rows - 1 {
            g.write(String(repeating: "█", count: filled), row: mid + 1, col: x, style: CellStyle(fg: .accent))
            g.write(String(repeating: "░", count: barWidth - filled), row: mid + 1, col: x + filled, style: CellStyle(fg: .dim))
        }
        if mid + 2 < rows - 1 { g.write("q quits", row: mid + 2, col: x, style: CellStyle(fg: .dim)) }
    }

    func drawStatus(_ g: inout CellGrid) {
        guard rows >= 2 else { return }
        let y = rows - 1
        let base = CellStyle(fg: .statusText, bg: .statusBackground)
        g.fill(row: y, style: base)
        if let p = prompt {
            let x = g.write(p.label, row: y, col: 0, style: base.with(fg: .prompt).bolded)
            // Keep the end of a long input visible.
            let room = max(1, cols - x - 1)
            let shown = String(p.text.suffix(room))
            let end = g.write(shown, row: y, col: x, style: base)
            g.write("▏", row: y, col: end, style: base.with(fg: .prompt))
            return
        }
        if let msg = message {
            g.write(" " + msg.text, row: y, col: 0, style: base.with(fg: msg.isError ? .errorMessage : .message).bolded)
            return
        }
        if let j = job {
            g.write(" \(j.label)… \(j.tested) rows checked (Esc stops)", row: y, col: 0, style: base.with(fg: .message))
            return
        }
        if let t = timeline, !t.isComplete {
            g.write(" filtering… \(Int(t.progress * 100))%  (keys work meanwhile)", row: y, col: 0, style: base.with(fg: .message))
            return
        }
        if analysisRunning {
            g.write(" analysing OCPP messages… (transactions and states follow; keys work meanwhile)", row: y, col: 0,
                    style: base.with(fg: .message))
            return
        }
        let hints = index == nil ? " q quit"
            : " ? help  / search  t tx  i idTag  Enter pair  f filter  : cmd  Tab pane  z zoom  q quit"
        g.write(hints, row: y, col: 0, style: base)
    }
}
