import ChargeLogCore
import Testing
@testable import ChargeLogUI

/// Item 8 and 9 of the workflow issue on the IDC180E sample, which spans 2024-04-30 02:51 ..
/// 2024-05-01 17:10 (`SampleLogs/README.md`); its OCPP connection is lost at 04-30 19:40:05
/// (`OCPP_Connection_Fail`) and restored at 20:02:18 (`OCPP_Connection_Restore`).
@Suite struct ScreenDetailsTests {
    @Test func at80ColumnsTheDayStaysAndAMarkedCursorRowKeepsBoth() throws {
        let f = try SampleLogsFixture(rows: 24, cols: 80)
        defer { f.remove() }
        f.press(.char("j"), .char("m"), .char("k"))
        let g = f.model.render()
        // Row 2 is the first record: 04-30 02:51:36.
        #expect(g.rowText(2).hasPrefix("  04-30 02:51:36."))
        // The cursor's row 3 is marked: arrow and mark together.
        #expect(g.rowText(3).hasPrefix("▶*04-30 02:51:"))
        Snapshot.assert(g, "timeline-80x24-days-and-mark")
    }

    @Test func gAndGActInTheFocusedPane() throws {
        let f = try SampleLogsFixture(rows: 24, cols: 80)
        defer { f.remove() }
        // tx 665's StopTransaction on the pipe (long: meter readings and OCMF signatures).
        f.press(.char("/")); f.type("=StopTransaction=.*\"transactionId\": 665"); f.press(.enter)
        let stop = f.model.cursorPosition
        f.press(.tab)
        #expect(f.model.focusedPane == .detail)
        #expect(f.model.render().text().contains("↓ more"))
        f.press(.char("G"))
        let bottom = f.model.render().text()
        #expect(!bottom.contains("↓ more") && bottom.contains("A23C2706768Vocpp.log:3179"))
        #expect(f.model.cursorPosition == stop)
        f.press(.char("g"))
        #expect(f.model.detailScroll == 0 && f.model.cursorPosition == stop)
    }

    @Test func theAnswerComesBeforeLongTransactionData() throws {
        let f = try SampleLogsFixture(rows: 40, cols: 120)
        defer { f.remove() }
        // The WebSocket copy (ocpp line 3186), the hop the CPO answered.
        f.press(.char("/")); f.type("Sending: \\[2,\"fba4fc16"); f.press(.enter)
        let titles = DetailPane.lines(f.model).map(\.text)
        let answer = try #require(titles.firstIndex { $0.hasPrefix("Answer") })
        let data = try #require(titles.firstIndex { $0.hasPrefix("Request transactionData (5 entries)") })
        #expect(answer < data)
        // The CPO's CALLERROR InternalError (ocpp line 3187) is in the first screenful of the pane.
        f.press(.tab, .char("z"))
        #expect(f.model.render().text().contains("CALLERROR InternalError"))
        Snapshot.assert(f.model.render(), "detail-answer-first-120x40")
    }

    @Test func linkRowShowsOnlineOfflineAndUnknownWithALegend() throws {
        let f = try SampleLogsFixture(rows: 24, cols: 80)
        defer { f.remove() }
        f.press(.char(":")); f.type("goto 2024-04-30 19:45"); f.press(.enter)
        f.press(.tab, .tab, .char("z"))
        let screen = f.model.render().text()
        let link = try #require(screen.split(separator: "\n").first { $0.contains("link") && !$0.contains("link:") })
        // Before 19:40:05 no connection event says: unknown; from it, offline; the cursor is offline.
        #expect(link.contains("?") && link.contains("░") && link.hasSuffix("OFFLINE"))
        #expect(screen.contains("link: █online ░OFFLINE ?unknown"))
        Snapshot.assert(f.model.render(), "states-link-80x24")
        f.press(.char(":")); f.type("goto 2024-04-30 20:30"); f.press(.enter)
        let after = f.model.render().text()
        let link2 = try #require(after.split(separator: "\n").first { $0.contains("link") && !$0.contains("link:") })
        #expect(link2.contains("█") && link2.hasSuffix("online"))
    }
}
