import ChargeLogCore
import Testing
@testable import ChargeLogUI
import TestSupport

/// Text snapshots of every pane and screen, from the cell grid.
@Suite struct SnapshotTests {
    /// The Sungrow bundle with insights standing in for the OCPP analysis: transaction 667 with its
    /// curves, connector states, online periods.
    static func analysed(rows: Int = 24, cols: Int = 80) throws -> Fixture {
        try Fixture(rows: rows, cols: cols, insights: { index in
            let pipeReq = (0..<index.count).map(index.ref(at:)).first { index.text(of: $0).contains("=StartTransaction=") }
            return FakeInsights(index: index, transactions: SampleTransactions.rows(firstRecord: pipeReq),
                                series: ["667": SampleTransactions.series()],
                                states: SampleTransactions.states(), online: SampleTransactions.online())
        })
    }

    @Test func fullScreenAt80x24AfterGoingToATransaction() throws {
        let f = try Self.analysed()
        defer { f.remove() }
        f.press(.char("t")); f.type("667"); f.press(.enter)
        Snapshot.assert(f.model.render(), "screen-80x24-tx667")
    }

    @Test func fullScreenAt80x24OnACallErrorWithPlainInsights() throws {
        let f = try Fixture()
        defer { f.remove() }
        f.press(.char("e"))
        Snapshot.assert(f.model.render(), "screen-80x24-callerror-plain")
    }

    @Test func tinyTerminalShowsOnePaneAtATime() throws {
        let f = try Self.analysed(rows: 10, cols: 40)
        defer { f.remove() }
        f.press(.char("t")); f.type("667"); f.press(.enter)
        Snapshot.assert(f.model.render(), "tiny-40x10-timeline")
        f.press(.tab)
        Snapshot.assert(f.model.render(), "tiny-40x10-detail")
        f.press(.tab, .tab)
        Snapshot.assert(f.model.render(), "tiny-40x10-transactions")
    }

    @Test func doubleWidthChineseComments() throws {
        let f = try Fixture(files: ["tonly/frames.log": SeedBundles.tonlyStart + "\n"])
        defer { f.remove() }
        f.press(.char("/")); f.type("状态通知 就绪"); f.press(.enter)
        Snapshot.assert(f.model.render(), "timeline-tonly-chinese-80x24")
        // Every row's cells add up to the screen width: no glyph spills over.
        let g = f.model.render()
        for r in 0..<g.rows {
            #expect((0..<g.cols).reduce(0) { $0 + Int(g[r, $1].width) } == 80)
        }
    }

    @Test func detailPaneMaximised() throws {
        let f = try Fixture(rows: 30, cols: 100)
        defer { f.remove() }
        f.press(.char("/")); f.type("Received: \\[3,\"db8df750"); f.press(.enter)
        f.press(.tab, .char("z"))
        Snapshot.assert(f.model.render(), "detail-maximised-100x30")
    }

    @Test func transactionsPaneWithChartsAt80Columns() throws {
        let f = try Self.analysed()
        defer { f.remove() }
        f.press(.char("t")); f.type("667"); f.press(.enter)
        f.press(.backTab, .char("z"))
        Snapshot.assert(f.model.render(), "transactions-maximised-80x24")
        f.press(.char("v"), .char("v"))
        Snapshot.assert(f.model.render(), "transactions-maximised-80x24-next-charts")
    }

    @Test func statesPane() throws {
        let f = try Self.analysed(rows: 24, cols: 80)
        defer { f.remove() }
        f.press(.char(":")); f.type("goto 2024-05-01 14:42"); f.press(.enter)
        f.press(.tab, .tab, .char("z"))
        Snapshot.assert(f.model.render(), "states-maximised-80x24")
    }

    @Test func wideLayout() throws {
        let f = try Self.analysed(rows: 30, cols: 130)
        defer { f.remove() }
        f.press(.char(":")); f.type("goto 2024-05-01 14:42:15"); f.press(.enter)
        Snapshot.assert(f.model.render(), "screen-130x30")
    }

    @Test func rawTextWrapped() throws {
        let f = try Fixture(rows: 30, cols: 100)
        defer { f.remove() }
        f.press(.char("r"), .ctrl("w"), .char("z"))
        Snapshot.assert(f.model.render(), "timeline-raw-wrapped-100x30")
        // Scrolling down keeps the cursor's record on screen although rows take several lines.
        f.press(.down, .down, .down, .down)
        #expect(f.model.render().text().contains("▶ 04-28 14:16:06.000 MAIN   Apr/28 14:16:06 UTC --  this ocppin is about"))
        f.press(.char("G"))
        #expect(f.model.render().text().contains("▶ 05-01 14:42:15.835 OCPP I 2024-05-01 14:42:15.835 +0000 INFO PipeSession"))
        f.press(.char("g"))
        #expect(f.model.render().text().contains("▶ 04-24 00:03:43.924 OCPP I 2024-04-24 00:03:43.924"))
    }

    @Test func helpFiltersFilesAndLoading() throws {
        let f = try Fixture()
        defer { f.remove() }
        f.press(.char("?"))
        Snapshot.assert(f.model.render(), "help-80x24")
        f.press(.escape, .char("f"), .down, .down)
        Snapshot.assert(f.model.render(), "filters-80x24")
        f.press(.escape, .char("!"))
        Snapshot.assert(f.model.render(), "files-80x24")
        let loading = ViewerModel(rows: 24, cols: 80, bundleName: "bundle")
        loading.loadingProgress(done: 123_000_000, total: 410_000_000, phase: "indexing 12 files")
        Snapshot.assert(loading.render(), "loading-80x24")
    }
}
