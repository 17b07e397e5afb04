import ChargeLogCore

/// The transactions table and, for the selected transaction, its meter charts.
enum TransactionsPane {
    struct Column: Sendable {
        var title: String
        var width: Int
        /// Lower shows first when space is short.
        var priority: Int
        var value: @Sendable (TransactionRow, DisplayZone) -> String
    }

    static let columns: [Column] = [
        Column(title: "id", width: 7, priority: 0) { t, _ in t.id },
        Column(title: "c", width: 3, priority: 1) { t, _ in t.connectorLabel ?? t.connector.map(String.init) ?? "-" },
        Column(title: "idTag", width: 14, priority: 8) { t, _ in t.idTag ?? "-" },
        Column(title: "auth", width: 8, priority: 9) { t, _ in t.auth ?? "-" },
        Column(title: "start", width: 11, priority: 2) { t, z in t.start.map { String(z.display($0, millis: false).dropFirst(5).prefix(11)) } ?? "-" },
        Column(title: "stop", width: 5, priority: 3) { tx, z in stopText(tx, zone: z) },
        Column(title: "dur", width: 5, priority: 4) { t, _ in t.duration.map(duration) ?? "-" },
        Column(title: "kWh", width: 6, priority: 1) { t, _ in t.energyWh.map { LineChart.number($0 / 1000) } ?? "-" },
        Column(title: "reason", width: 8, priority: 5) { t, _ in t.reason ?? "-" },
        Column(title: "charger", width: 12, priority: 6) { t, _ in t.chargerReason ?? "-" },
        Column(title: "verdict", width: 13, priority: 7) { t, _ in t.verdict ?? "-" },
    ]

    /// `15:19`, or `05-01` when it stopped on a later day than it started.
    static func stopText(_ tx: TransactionRow, zone: DisplayZone = .utc) -> String {
        guard let stop = tx.stop else { return tx.verdict == "open" ? "open" : "-" }
        let s = zone.display(stop, millis: false)
        if let start = tx.start, zone.display(start, millis: false).prefix(10) != s.prefix(10) {
            return String(s.dropFirst(5).prefix(5))
        }
        return String(s.dropFirst(11).prefix(5))
    }

    /// Ids too long for the column keep their end (`…26012`): ids that share a prefix stay apart.
    static func fitId(_ id: String, width: Int) -> String {
        guard id.count > width, width > 1 else { return VisibleText.fit(id, width: width) }
        return "…" + String(id.suffix(width - 1))
    }

    static func duration(_ ms: Int64) -> String {
        let m = ms / 60_000
        let mm = m % 60
        return m >= 60 ? "\(m / 60)h" + (mm < 10 ? "0" : "") + "\(mm)" : "\(m)m"
    }

    /// The columns that fit a width, in table order; the connector column as wide as its widest
    /// label (`2/1` for a 2.0.1 EVSE and connector).
    static func fitting(_ width: Int, rows: [TransactionRow] = []) -> [Column] {
        var columns = Self.columns
        let widest = rows.map { ($0.connectorLabel ?? "").count }.max() ?? 0
        if widest > columns[1].width { columns[1].width = min(widest, 5) }
        var chosen: [Int] = []
        var used = 0
        for (i, c) in columns.enumerated().sorted(by: { $0.element.priority < $1.element.priority }) {
            if used + c.width + 1 <= width { chosen.append(i); used += c.width + 1 }
        }
        return chosen.sorted().map { columns[$0] }
    }

    static func draw(_ m: ViewerModel, into g: inout CellGrid, rect: Rect, focused: Bool) {
        guard rect.height > 0 else { return }
        let all = m.insights?.transactions ?? []
        let selected = m.selectedTransactionRow
        let series = selected.map { m.insights?.meterSeries(transactionId: $0.id) ?? [] } ?? []
        var detail = "\(all.count)"
        if let s = selected { detail = "tx \(s.id) · \(all.count) in bundle" }
        if series.count > 1 { detail += " · v: next chart" }
        PaneTitle.draw("Transactions", detail: detail, focused: focused, into: &g, rect: rect)
        let body = Rect(row: rect.row + 1, col: rect.col, width: rect.width, height: rect.height - 1)
        guard body.height > 0 else { return }
        guard !all.isEmpty else {
            let why = (m.insights?.hasAnalysis ?? false) ? "no transactions in this bundle"
                : "transactions come from the OCPP analysis, not available yet; t still finds a transaction id in the text"
            var y = body.row
            for line in VisibleText.wrap(why, width: max(1, body.width - 2)) where y < body.bottom {
                g.write(line, row: y, col: body.col + 1, limit: body.right, style: CellStyle(fg: .dim))
                y += 1
            }
            return
        }
        // Table height: with charts to show, a third of a tall pane, or just the header and the
        // selected row in a short one; without charts, all of it.
        let tableRows: Int
        if !series.isEmpty && body.height >= 16 {
            tableRows = min(all.count + 1, max(2, body.height / 3))
        } else if !series.isEmpty && body.height >= 6 {
            tableRows = 2
        } else {
            tableRows = body.height
        }
        let cols = fitting(body.width - 1, rows: all)
        var x = body.col + 1
        let head = CellStyle(fg: .dim, underline: true)
        for c in cols {
            g.write(VisibleText.fit(c.title, width: c.width), row: body.row, col: x, limit: body.right, style: head)
            x += c.width + 1
        }
        let visible = max(1, tableRows - 1)
        let sel = m.selectedTransaction ?? 0
        let first = min(max(0, sel - visible / 2), max(0, all.count - visible))
        for (k, row) in all.dropFirst(first).prefix(visible).enumerated() {
            var tx = row
            tx.chargerReason = m.chargerReason(of: row)
            let y = body.row + 1 + k
            guard y < body.bottom else { break }
            let isSel = m.selectedTransaction == first + k
            let style = isSel ? CellStyle(fg: .cursorText, bg: .cursorBackground, bold: focused) : CellStyle()
            g.fill(row: y, col: body.col, width: body.width, style: style)
            x = body.col + 1
            for c in cols {
                var s = style
                if !isSel, c.title == "verdict", let v = tx.verdict, v != "Accepted" { s.fg = .ocppError }
                let text = c.title == "id" ? fitId(tx.id, width: c.width) : VisibleText.fit(c.value(tx, m.displayZone), width: c.width)
                g.write(text, row: y, col: x, limit: body.right, style: s)
                x += c.width + 1
            }
        }
        guard let tx = selected else {
            if body.height > tableRows {
                g.write("j/k select, Enter opens; t goes to a transaction id", row: body.row + tableRows, col: body.col + 1,
                        limit: body.right, style: CellStyle(fg: .dim))
            }
            return
        }
        let chartArea = Rect(row: body.row + tableRows, col: body.col + 1, width: body.width - 2, height: body.height - tableRows)
        drawCharts(m, tx: tx, series: series, into: &g, rect: chartArea)
    }

    static let minChartHeight = 5

    static func drawCharts(_ m: ViewerModel, tx: TransactionRow, series: [MeterSeries], into g: inout CellGrid, rect: Rect) {
        guard rect.height > 0 else { return }
        let ordered = MeterSeries.Quantity.allCases.flatMap { q in series.filter { $0.quantity == q } }
        guard !ordered.isEmpty else {
            g.write("no meter values for transaction \(tx.id)", row: rect.row, col: rect.col, limit: rect.right, style: CellStyle(fg: .dim))
            return
        }
        let n = max(1, min(ordered.count, rect.height / minChartHeight))
        let start = m.chartOffset % ordered.count
        let each = rect.height / n
        for k in 0..<n {
            let s = ordered[(start + k) % ordered.count]
            LineChart.draw(s, zone: m.displayZone, into: &g, rect: Rect(row: rect.row + k * each, col: rect.col, width: rect.width, height: each))
        }
    }
}
