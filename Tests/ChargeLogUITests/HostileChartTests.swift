import ChargeLogCore
import Testing
@testable import ChargeLogUI

/// A meter value of `1e400` (a JSON number: infinity) used to trap the chart (`Int(NaN)`) mid-curses.
@Suite struct HostileChartTests {
    @Test("points that are not finite are left out; huge finite ones still draw inside the plot")
    func nonFinitePointsDoNotTrap() {
        let t0: Int64 = 1_714_574_534_000
        let values: [Double] = [1, .infinity, .nan, -.infinity, 1e300, -1e300, 3]
        let s = MeterSeries(quantity: .power, name: "Power.Active.Import", unit: "kW",
                            points: values.enumerated().map { .init(t0 + Int64($0.offset) * 60_000, $0.element) })
        var g = CellGrid(rows: 6, cols: 60)
        LineChart.draw(s, into: &g, rect: Rect(row: 0, col: 0, width: 60, height: 6))
        // Title from the finite values only: last 3, min -1e300, max 1e300.
        #expect(g.rowText(0) == "Power kW  last 3  min -1e+300  max 1e+300")
        #expect((1...4).contains { r in (0..<60).contains { g[r, $0].glyph.unicodeScalars.first!.value >= 0x2800 } })
    }

    @Test("a series of only infinite values says it has no readings")
    func onlyInfinite() {
        let s = MeterSeries(quantity: .energy, name: "Energy.Active.Import.Register", unit: "kWh",
                            points: [.init(0, .infinity), .init(1000, .infinity)])
        var g = CellGrid(rows: 4, cols: 30)
        LineChart.draw(s, into: &g, rect: Rect(row: 0, col: 0, width: 30, height: 4))
        #expect(g.rowText(1).contains("no readings"))
    }
}
