import ChargeLogCore
import Testing
@testable import ChargeLogUI

/// Clock times on the cursor's day, the ±N minutes window, and the connector filter keeping the
/// MainProcess/CCU lines about the connector. On the IDC180E sample (`SampleLogs/README.md`: tx 662
/// on connector 2 on 04-30 07:12..07:36, tx 667 on connector 1 on 05-01 14:41..15:19).
@Suite struct TimeConnectorTests {
    static func utc(_ s: String) -> Int64 { CivilTime.parseUserTime(s)! }

    @Test func gotoAndSinceTakeAClockTimeOnTheCursorsDay() throws {
        let f = try SampleLogsFixture()
        defer { f.remove() }
        f.press(.char("t")); f.type("667"); f.press(.enter)
        f.press(.char(":")); f.type("goto 09:10"); f.press(.enter)
        #expect(f.model.cursorPosition == f.index.firstPosition(atOrAfter: Self.utc("2024-05-01 09:10")))
        #expect(f.model.statusMessage == "at 2024-05-01 09:10:00 UTC")
        f.press(.char("t")); f.type("662"); f.press(.enter)
        f.press(.char(":")); f.type("since 07:30"); f.press(.enter)
        let first = f.index.time(at: f.model.timeline!.position(ofRow: 0))
        #expect(first >= Self.utc("2024-04-30 07:30") && first < Self.utc("2024-04-30 07:31"))
        #expect(f.model.statusMessage == "filter: since 2024-04-30 07:30:00")
        f.press(.char(":")); f.type("since 25:00"); f.press(.enter)
        #expect(f.model.statusMessage?.contains("or 07:30 on the cursor's day") == true)
    }

    @Test func tildeNarrowsToTenMinutesAroundTheCursor() throws {
        let f = try SampleLogsFixture()
        defer { f.remove() }
        let all = f.model.rowCount
        f.press(.char("t")); f.type("662"); f.press(.enter)
        let t = f.index.time(at: f.model.cursorPosition!)
        f.press(.char("~"))
        let times = (0..<f.model.rowCount).map { f.index.time(at: f.model.timeline!.position(ofRow: $0)) }
        #expect(!times.isEmpty && times.allSatisfy { abs($0 - t) <= 600_000 })
        // Everything within the window is there.
        #expect(times.count == (0..<f.index.count).filter { abs(f.index.time(at: $0) - t) <= 600_000 }.count)
        f.press(.char("~"))
        #expect(f.model.rowCount == all)
    }

    @Test func connectorFilterKeepsTheLinesAboutThatConnector() throws {
        let f = try SampleLogsFixture()
        defer { f.remove() }
        f.press(.char(":")); f.type("connector 2"); f.press(.enter)
        let kept = (0..<f.model.rowCount).map { f.index.text(at: f.model.timeline!.position(ofRow: $0)) }
        // MainProcess_0: `Connector 2 stop reason: Vehicle_Stop` (tx 662), `InterLayer_Start_Charging index: 2`.
        #expect(kept.contains { $0.hasSuffix("Connector 2 stop reason: Vehicle_Stop") })
        #expect(kept.contains { $0.hasSuffix("InterLayer_Start_Charging index: 2") })
        // Lines about connector 1 stay hidden, and so do the ones about none.
        #expect(!kept.contains { $0.hasSuffix("InterLayer_Start_Charging index: 1") || $0.contains("stop reason: SOC_Full") })
        #expect(!kept.contains { $0.contains("NTP") })
        f.press(.char("/")); f.type("Vehicle_Stop"); f.press(.enter)
        Snapshot.assert(f.model.render(), "connector-2-mainprocess-80x24")
        // Connector 1: the fault log's `CCU1->Err_Connector1_Cp_StateE_Alarm` block (05-01 06:21).
        f.press(.char(":")); f.type("connector 1"); f.press(.enter)
        let one = (0..<f.model.rowCount).map { f.index.text(at: f.model.timeline!.position(ofRow: $0)) }
        #expect(one.contains { $0.contains("CCU1->Err_Connector1_Cp_StateE_Alarm") })
    }

    @Test func connectorMentions() {
        #expect(ConnectorMention.connectors(in: "Connector: 2 enter energy transfer") == [2])
        #expect(ConnectorMention.connectors(in: "SET PENDING ID TAG for connector  1  TO:  \"04B7C8D9E0F180\"") == [1])
        #expect(ConnectorMention.connectors(in: "CCU1->Err_Connector1_TCU_Config_Fault") == [1])
        #expect(ConnectorMention.connectors(in: "Connector_Power_Info_Changed! V:2, C:0").isEmpty)
        #expect(ConnectorMention.connectors(in: "NTP sync offset 2").isEmpty)
    }
}
