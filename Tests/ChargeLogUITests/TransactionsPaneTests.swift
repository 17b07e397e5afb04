import ChargeLogCore
import Testing
@testable import ChargeLogUI

/// The transactions pane on the IDC180E sample (`SampleLogs/README.md`, "What happens"): stop time,
/// duration, OCPP and charger stop reasons; it follows the cursor; `{` / `}` go to the start and stop.
@Suite struct TransactionsPaneTests {
    @Test func showsStopTimeDurationAndBothReasons() throws {
        let f = try SampleLogsFixture(rows: 24, cols: 80)
        defer { f.remove() }
        f.press(.char("t")); f.type("662"); f.press(.enter)
        f.press(.backTab, .char("z"))
        let screen = f.model.render().text()
        // tx 662: connector 2, 04-30 07:12:03 → 07:36:35 (24 min), 11602310 → 11631877 Wh = 29.567 kWh,
        // reason Local, MainProcess `Connector 2 stop reason: Vehicle_Stop`.
        let row = try #require(screen.split(separator: "\n").first { $0.hasPrefix(" 662 ") })
        for part in ["04-30 07:1", "07:36", "24m", "29.6", "Local", "Vehicle_Stop"] {
            #expect(row.contains(part), "\(part) in \(row)")
        }
        // tx 665 crosses midnight: its stop shows the day (05-01); stopped with the card (Card_Stop).
        let tx665 = try #require(screen.split(separator: "\n").first { $0.hasPrefix(" 665 ") })
        #expect(tx665.contains("05-01") && tx665.contains("Card_Stop"))
        Snapshot.assert(f.model.render(), "transactions-sample-80x24")
    }

    /// tx 663's StopTransaction on either hop (pipe: `"transactionId": 663`, WebSocket: `"transactionId":663`).
    static func isStop663(_ text: String) -> Bool {
        text.contains("StopTransaction") && (text.contains("\"transactionId\": 663") || text.contains("\"transactionId\":663"))
    }

    @Test func followsTheCursorAndJumpsToStartAndStop() throws {
        let f = try SampleLogsFixture(rows: 30, cols: 120)
        defer { f.remove() }
        // A MeterValues request of tx 663 (connector 1, 04-30 11:05 .. 11:39).
        f.press(.char("/")); f.type("\"transactionId\": 663"); f.press(.enter)
        #expect(f.model.selectedTransactionRow?.id == "663")
        f.press(.char("}"))
        #expect(Self.isStop663(f.cursorText))
        f.press(.char("{"))
        #expect(f.cursorText.contains("StartTransaction") && f.cursorText.contains("04C3D2E1F0A980"))
        // Away from any transaction the choice stays, and } goes to the chosen one's stop.
        f.press(.char("g"))
        #expect(f.model.selectedTransactionRow?.id == "663")
        f.press(.char("}"))
        #expect(Self.isStop663(f.cursorText))
    }

    @Test func idsSharingAPrefixStayApart() {
        // 2.0.1 string ids and long 1.6 ids: the column keeps their ends.
        #expect(TransactionsPane.fitId("1771263000111", width: 7) == "…000111")
        #expect(TransactionsPane.fitId("1771263000222", width: 7) == "…000222")
        #expect(TransactionsPane.fitId("667", width: 7) == "667    ")
    }
}
