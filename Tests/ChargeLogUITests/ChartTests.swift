import ChargeLogCore
import Testing
@testable import ChargeLogUI
import TestSupport

@Suite struct ChartTests {
    @Test func brailleDotsMapToUnicodePatterns() {
        var c = BrailleCanvas(cols: 2, rows: 1)
        c.set(x: 0, y: 0)
        c.set(x: 1, y: 3)
        #expect(c.glyph(col: 0, row: 0) == "\u{2881}")
        #expect(c.glyph(col: 1, row: 0) == " ")
        c.line(x0: 0, y0: 3, x1: 3, y1: 0)
        #expect(c.glyph(col: 1, row: 0) != " ")
    }

    @Test func risingSeriesGoesFromBottomLeftToTopRightWithLabelledAxes() {
        let t0 = CivilTime.parseUserTime("2024-05-01T14:42:00Z")!
        let s = MeterSeries(quantity: .soc, name: "SoC", unit: "%",
                            points: (0...10).map { .init(t0 + Int64($0) * 360_000, 20 + Double($0) * 6) })
        var g = CellGrid(rows: 6, cols: 40)
        LineChart.draw(s, into: &g, rect: Rect(row: 0, col: 0, width: 40, height: 6))
        let rows = (0..<6).map(g.rowText)
        #expect(rows[0] == "SoC %  last 80  min 20  max 80")
        #expect(rows[1].hasPrefix("80┤"))
        #expect(rows[4].hasPrefix("20┤"))
        #expect(rows[5].hasPrefix("  └14:42") && rows[5].hasSuffix("15:42"))
        // The curve starts in the bottom-left cell and ends in the top-right one.
        #expect(g[4, 3].glyph != " ")
        #expect(g[1, 39].glyph != " ")
        #expect(g[1, 3].glyph == " " && g[4, 39].glyph == " ")
        #expect(g[1, 20].style.fg == .chartSoC || g[2, 20].style.fg == .chartSoC || g[3, 20].style.fg == .chartSoC)
    }

    @Test func flatAndSinglePointSeriesStillDraw() {
        let t0: Int64 = 1_714_574_534_000
        var g = CellGrid(rows: 5, cols: 44)
        LineChart.draw(MeterSeries(quantity: .power, name: "Power.Active.Import", unit: "kW", points: [.init(t0, 0.00107)]),
                       into: &g, rect: Rect(row: 0, col: 0, width: 44, height: 5))
        #expect(g.rowText(0) == "Power kW  last 0.001  min 0.001  max 0.001")
        #expect((1...3).contains { r in (0..<44).contains { g[r, $0].glyph.unicodeScalars.first!.value >= 0x2800 } })
    }

    @Test func numbersAreShort() {
        #expect(LineChart.number(11727.04) == "11727")
        #expect(LineChart.number(142.3) == "142.3")
        #expect(LineChart.number(0.00107) == "0.001")
        #expect(LineChart.number(35.619) == "35.6")
        #expect(LineChart.number(-2.5) == "-2.5")
    }
}

@Suite struct LargeBundleTests {
    /// Rendering reads only the rows on screen: on a bundle of 50,000 records a frame asks for about
    /// one screenful of summaries, wherever the cursor is.
    @Test func renderTouchesOnlyVisibleRows() throws {
        var lines: [String] = []
        lines.reserveCapacity(50_000)
        for i in 0..<50_000 {
            let ms = i % 1000, s = (i / 1000) % 60, m = (i / 60_000) % 60
            lines.append("2024-05-01 10:\(m < 10 ? "0" : "")\(m):\(s < 10 ? "0" : "")\(s).\(String(repeating: "0", count: 3 - String(ms).count))\(ms) +0000 INFO WebSocketTransmitter - Sending: [2,\"id\(i)\",\"Heartbeat\",{}]")
        }
        let bundle = try TempBundle(["ocpp/big.log": lines.joined(separator: "\n") + "\n"])
        defer { bundle.remove() }
        let index = try bundle.index()
        #expect(index.count == 50_000)
        let insights = FakeInsights(index: index)
        let model = ViewerModel(rows: 24, cols: 80)
        model.attach(index: index, insights: insights)
        _ = model.render()
        #expect(insights.summaryCalls <= 24)
        insights.summaryCalls = 0
        _ = model.handle(.char("G"))
        _ = model.render()
        #expect(insights.summaryCalls <= 24)
        #expect(model.cursorPosition == 49_999)
        insights.summaryCalls = 0
        _ = model.handle(.char(":"))
        for c in "goto 2024-05-01 10:00:30" { _ = model.handle(.char(c)) }
        _ = model.handle(.enter)
        _ = model.render()
        #expect(insights.summaryCalls <= 24)
        #expect(index.text(at: model.cursorPosition!).hasPrefix("2024-05-01 10:00:30.000"))
    }
}
