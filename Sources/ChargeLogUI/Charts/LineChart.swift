import ChargeLogCore

/// A text line chart of one meter series: a title with the latest, minimum and maximum value, a
/// labelled value axis, the curve in braille dots, and a time axis with clock labels.
///
///     Power kW  last 0.001  min 0  max 142.3
///      142.3┤      ⣀⡠⠤⠒⠉⠉⠉⠒⠢⢄
///           │   ⡠⠊           ⠑⢄
///          0┤⣀⠔⠁               ⠈⠢⣀
///           └14:42────15:36────16:30
enum LineChart {
    static func role(_ q: MeterSeries.Quantity) -> ColorRole {
        switch q {
        case .power: .chartPower
        case .energy: .chartEnergy
        case .current: .chartCurrent
        case .voltage: .chartVoltage
        case .soc: .chartSoC
        }
    }

    /// Short number text: 4 significant digits at most, no needless decimals.
    static func number(_ v: Double) -> String {
        if v == 0 { return "0" }
        let a = abs(v)
        let decimals = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 1 : a >= 1 ? 2 : 3
        var s = NumberText.plain(v.rounded(to: decimals))
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    static func draw(_ series: MeterSeries, zone: DisplayZone = .utc, into g: inout CellGrid, rect: Rect) {
        guard rect.height >= 3, rect.width >= 16 else { return }
        // A value that is not finite has no place on an axis (the core does not pass one on; this
        // keeps the chart from trapping on `Int(NaN)` if anything ever does).
        var series = series
        series.points.removeAll { !$0.value.isFinite }
        let role = role(series.quantity)
        let values = series.points.map(\.value)
        var title = "\(series.quantity.rawValue) \(series.unit)"
        if let last = values.last, let lo = values.min(), let hi = values.max() {
            title += "  last \(number(last))  min \(number(lo))  max \(number(hi))"
        }
        g.write(title, row: rect.row, col: rect.col, limit: rect.right, style: CellStyle(fg: role, bold: true))
        guard !series.points.isEmpty else {
            g.write("no readings", row: rect.row + 1, col: rect.col + 2, limit: rect.right, style: CellStyle(fg: .dim))
            return
        }
        var lo = values.min()!, hi = values.max()!
        if lo == hi { lo -= max(1, abs(lo) * 0.05); hi += max(1, abs(hi) * 0.05) }
        let plotRows = rect.height - 2
        let loLabel = number(lo), hiLabel = number(hi), midLabel = number((lo + hi) / 2)
        let labelWidth = max(DisplayWidth.of(loLabel), DisplayWidth.of(hiLabel), plotRows >= 5 ? DisplayWidth.of(midLabel) : 1)
        let axisCol = rect.col + labelWidth
        let plotCol = axisCol + 1
        let plotCols = rect.right - plotCol
        guard plotCols >= 4 else { return }
        let axis = CellStyle(fg: .axis)
        for r in 0..<plotRows {
            let y = rect.row + 1 + r
            var label = ""
            if r == 0 { label = hiLabel } else if r == plotRows - 1 { label = loLabel } else if plotRows >= 5, r == plotRows / 2 {
                label = midLabel
            }
            let labelled = !label.isEmpty
            g.write(String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(label))) + label, row: y, col: rect.col,
                    limit: axisCol, style: axis)
            g.write(labelled ? "┤" : "│", row: y, col: axisCol, limit: plotCol, style: axis)
        }
        // The curve.
        var canvas = BrailleCanvas(cols: plotCols, rows: plotRows)
        let t0 = series.points.first!.time, t1 = series.points.last!.time
        let span = max(1, t1 - t0)
        func dot(_ p: MeterSeries.Point) -> (Int, Int) {
            let x = series.points.count == 1 ? 0
                : CheckedNumber.clamp((Double(p.time - t0) / Double(span) * Double(canvas.dotWidth - 1)).rounded(.down),
                                      to: 0...max(0, canvas.dotWidth - 1))
            let y = CheckedNumber.clamp((hi - p.value) / (hi - lo) * Double(canvas.dotHeight - 1), to: 0...max(0, canvas.dotHeight - 1))
            return (x, y)
        }
        var prev: (Int, Int)?
        for p in series.points {
            let d = dot(p)
            if let q = prev { canvas.line(x0: q.0, y0: q.1, x1: d.0, y1: d.1) } else { canvas.set(x: d.0, y: d.1) }
            prev = d
        }
        for r in 0..<plotRows {
            for c in 0..<plotCols {
                let ch = canvas.glyph(col: c, row: r)
                if ch != " " { g.put(Cell(ch, style: CellStyle(fg: role)), row: rect.row + 1 + r, col: plotCol + c) }
            }
        }
        // Time axis: └ then clock labels at the start, middle and end, joined by rules.
        let y = rect.row + rect.height - 1
        g.write(String(repeating: " ", count: labelWidth), row: y, col: rect.col, limit: axisCol, style: axis)
        g.write("└", row: y, col: axisCol, limit: plotCol, style: axis)
        g.write(String(repeating: "─", count: plotCols), row: y, col: plotCol, limit: rect.right, style: axis)
        let fmt = { (t: Int64) in span >= 86_400_000 ? String(zone.display(t, millis: false).dropFirst(5).prefix(11))
                                                     : String(zone.clock(t).prefix(span < 600_000 ? 8 : 5)) }
        let first = fmt(t0), last = fmt(t1), mid = fmt(t0 + span / 2)
        g.write(first, row: y, col: plotCol, limit: rect.right, style: axis)
        if series.points.count > 1 {
            g.write(last, row: y, col: rect.right - DisplayWidth.of(last), limit: rect.right, style: axis)
            let midCol = plotCol + plotCols / 2 - DisplayWidth.of(mid) / 2
            if midCol > plotCol + DisplayWidth.of(first) + 1, midCol + DisplayWidth.of(mid) < rect.right - DisplayWidth.of(last) - 1 {
                g.write(mid, row: y, col: midCol, limit: rect.right, style: axis)
            }
        }
    }
}

extension Double {
    func rounded(to decimals: Int) -> Double {
        var p = 1.0
        for _ in 0..<decimals { p *= 10 }
        return (self * p).rounded() / p
    }
}
