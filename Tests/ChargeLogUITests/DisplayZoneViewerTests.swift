import ChargeLogCore
import Testing
@testable import ChargeLogUI

/// `:tz` in the viewer: every time on screen moves into the chosen zone, typed times are read in it,
/// and `:tz` alone goes back to UTC. On the IDC180E sample (`SampleLogs/README.md`: tx 667 on
/// connector 1 on 2024-05-01 14:41..15:19 UTC); the expected texts add the offset by hand.
@Suite struct DisplayZoneViewerTests {
    static func utc(_ s: String) -> Int64 { CivilTime.parseUserTime(s)! }

    @Test func tzMovesTheHeaderAndTheTimeColumnAndBack() throws {
        let f = try SampleLogsFixture(cols: 120)
        defer { f.remove() }
        f.press(.char("t")); f.type("667"); f.press(.enter)
        let t = f.index.time(at: f.model.cursorPosition!)
        let utcText = CivilTime.display(t, millis: false)
        #expect(f.model.render().rowText(0).contains(utcText + " UTC"))
        f.press(.char(":")); f.type("tz +02:00"); f.press(.enter)
        let shifted = CivilTime.display(t + 7_200_000, millis: false)
        let grid = f.model.render().text()
        #expect(grid.components(separatedBy: "\n")[0].contains(shifted + " UTC+02:00"))
        // The cursor row's time column (full date at 120 columns) is in the zone too.
        #expect(grid.contains("▶" ) && grid.components(separatedBy: "\n").contains { $0.hasPrefix("▶") && $0.contains(shifted) })
        #expect(f.model.statusMessage?.contains("+02:00") == true)
        f.press(.char(":")); f.type("tz"); f.press(.enter)
        #expect(f.model.render().rowText(0).contains(utcText + " UTC"))
        #expect(f.model.statusMessage == "times in UTC again (were +02:00)")
    }

    @Test func typedTimesAreReadInTheDisplayZone() throws {
        let f = try SampleLogsFixture()
        defer { f.remove() }
        f.press(.char("t")); f.type("667"); f.press(.enter)
        f.press(.char(":")); f.type("tz Europe/Berlin"); f.press(.enter)
        // 16:41 in Berlin on 2024-05-01 (summer time, UTC+02:00) is 14:41 UTC.
        f.press(.char(":")); f.type("goto 16:41"); f.press(.enter)
        #expect(f.model.cursorPosition == f.index.firstPosition(atOrAfter: Self.utc("2024-05-01 14:41")))
        #expect(f.model.statusMessage == "at 2024-05-01 16:41:00 UTC+02:00")
        // A time that names its zone is taken as written.
        f.press(.char(":")); f.type("goto 2024-05-01 09:10Z"); f.press(.enter)
        #expect(f.model.cursorPosition == f.index.firstPosition(atOrAfter: Self.utc("2024-05-01 09:10")))
    }

    @Test func anUnknownZoneIsRefusedAndNothingChanges() throws {
        let f = try SampleLogsFixture()
        defer { f.remove() }
        f.press(.char(":")); f.type("tz Mars/Base"); f.press(.enter)
        #expect(f.model.displayZone.isUTC)
        #expect(f.model.statusMessage?.contains(":tz") == true)
    }
}
