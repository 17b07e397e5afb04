import Foundation
import Testing
import TestSupport

/// The three stock questions of a technician on the shipped IDC180E sample, through the real binary
/// in tmux, each in a few keys. Answers from `SampleLogs/README.md` ("What happens").
/// Keys before this work: connector 2's stop needed the transactions pane zoomed (BTab z) and then a
/// search for the MainProcess `stop reason` line (about 16 keys); the outage a search for
/// `OCPP_Connection_Fail` and another for `OCPP_Connection_Restore` (about 50); the refused stop `e`,
/// Tab and scrolling the detail pane past the StopTransaction's meter data (about 20).
@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux is not installed: end-to-end viewer tests skipped"))
struct StockQuestionsTests {
    func openSample(cols: Int = 100, rows: Int = 30) throws -> TmuxSession {
        let sample = E2EBundle.sampleLogs.appendingPathComponent("IDC180E-A23C2706768")
        try #require(FileManager.default.fileExists(atPath: sample.path), "SampleLogs missing")
        let t = try TmuxSession("\(TmuxSession.quote(E2EBundle.binary)) \(TmuxSession.quote(sample.path))", cols: cols, rows: rows,
                                env: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
        try t.wait(forText: "OCPP analysis ready: 7 transaction(s)")
        return t
    }

    /// tx 662 on connector 2 was stopped by the vehicle: reason Local, MainProcess `Vehicle_Stop`;
    /// 668 with the card (`Card_Stop`); 664 and 670 remotely. Two keys: the transactions pane, zoomed.
    @Test func whyDidConnector2Stop() throws {
        let t = try openSample()
        defer { t.kill() }
        try t.keys("BTab")
        try t.keys("z")
        let s = try t.wait(forAll: ["Vehicle_Stop", "Card_Stop", "charger"])
        let lines = s.split(separator: "\n")
        let tx662 = try #require(lines.first { $0.contains(" 662 ") })
        #expect(tx662.contains(" 2 ") && tx662.contains("Local") && tx662.contains("Vehicle_Stop") && tx662.contains("07:36"))
        let tx664 = try #require(lines.first { $0.contains(" 664 ") })
        #expect(tx664.contains("Remote"))
        try t.keys("q")
        try t.wait(forText: "EXIT=0")
    }

    /// Offline 04-30 19:40:05 (`OCPP_Connection_Fail`) .. 20:02:18 (`OCPP_Connection_Restore`). Six keys:
    /// a search for the «connection lost» label, whose finding the status line states.
    @Test func whenWasItOffline() throws {
        let t = try openSample(cols: 120, rows: 30)
        defer { t.kill() }
        try t.keys("/")
        try t.type("lost")
        try t.keys("Enter")
        try t.wait(forAll: ["▶ 2024-04-30 19:40:05", "connection lost: OCPP connection to the CPO lost at 19:40:05",
                            "restored at 20:02:18", "OFFLINE"])
        try t.keys("q")
        try t.wait(forText: "EXIT=0")
    }

    /// The CPO answered tx 665's StopTransaction with CALLERROR InternalError; its Power.Active.Import
    /// is written `3.48e-05`. Eight keys: a search for the «stop rejected by CPO» label; the status line
    /// gives the finding, the detail pane the CPO's answer before the long meter data.
    @Test func whyDidTheCPORejectTheStop() throws {
        let t = try openSample(cols: 120, rows: 40)
        defer { t.kill() }
        try t.keys("/")
        try t.type("by CPO")
        try t.keys("Enter")
        try t.wait(forAll: ["stop rejected by CPO: The CPO rejected the StopTransaction of transaction 665: CALLERROR InternalError",
                            "→ StopTransaction", "CALLERROR InternalError"])
        try t.keys("q")
        try t.wait(forText: "EXIT=0")
    }
}
