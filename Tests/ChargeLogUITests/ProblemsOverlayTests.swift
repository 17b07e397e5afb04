import ChargeLogCore
import Testing
@testable import ChargeLogUI

/// The `p` list of scenarios and problems, and the labels on the timeline rows that start them, on the
/// seeds' Sungrow bundle analysed by the real OCPP engine and diagnostics.
@Suite struct ProblemsOverlayTests {
    static func analysed(rows: Int = 24, cols: Int = 80) throws -> Fixture {
        try Fixture(rows: rows, cols: cols, insights: { OCPPInsights(analysis: OCPPAnalysis.build($0)) })
    }

    @Test func listsFindingsInTimeOrderAndEnterJumpsToTheFirstKeyRecord() throws {
        let f = try Self.analysed()
        defer { f.remove() }
        let found = try #require(f.model.insights?.findings)
        #expect(found.map(\.kind) == [.stopByVehicle, .meterUnitMismatch, .stopRejected, .callError, .remoteStart,
                                      .chargingStarted, .rfidAuthorization, .chargingStarted, .transactionNotStopped])
        f.press(.char("p"))
        #expect(f.model.overlay == .problems(selected: 0))
        let screen = f.model.render().text()
        #expect(screen.contains("Scenarios and problems · 6 scenario(s), 3 problem(s)"))
        #expect(screen.contains("! 04-24 00:03:44  CALLERROR        CALLERROR InternalError answering StopTrans"))
        f.press(.char("G"))
        #expect(f.model.overlay == .problems(selected: 8))
        f.press(.char("k"), .char("k"))
        #expect(f.model.render().text().contains("Enter jumps to 2168Vqt/A23C2706768VMainProcess.log:"))
        f.press(.enter)
        #expect(f.model.overlay == nil)
        #expect(f.cursorText.contains("Front connector choose authorize: \"Rfid_Authorize\""))
        #expect(f.model.statusMessage?.hasPrefix("RFID authorisation: 2168Vqt/A23C2706768VMainProcess.log:") == true)
        f.press(.char("p"), .char("q"))
        #expect(f.model.overlay == nil)
    }

    @Test func opensOnTheFirstFindingAtTheCursorTime() throws {
        let f = try Self.analysed()
        defer { f.remove() }
        f.press(.char("/")); f.type("Rfid_Authorize"); f.press(.enter)
        f.press(.char("p"))
        #expect(f.model.overlay == .problems(selected: 6))
    }

    @Test func timelineRowsThatStartAFindingCarryItsLabel() throws {
        let f = try Self.analysed(cols: 120)
        defer { f.remove() }
        f.press(.char("/")); f.type("Rfid_Authorize"); f.press(.enter)
        let row = try #require(f.model.render().text().split(separator: "\n").first { $0.contains("Rfid_Authorize") })
        #expect(row.contains("MAIN   «RFID authorisation» Front connector choose authorize"))
        // The StopTransaction that the CPO refused starts three findings at once.
        f.press(.char("g"), .char("/")); f.type("Sending: \\[2,\"9c5b687a"); f.press(.enter)
        let stop = try #require(f.model.render().text().split(separator: "\n").first { $0.contains("StopTransaction") })
        #expect(stop.contains("«stop by vehicle, meter unit mismatch, stop rejected by CPO» → StopTransaction"))
        // Raw text shows the line as written.
        f.press(.char("r"))
        #expect(!f.model.render().text().contains("«"))
    }

    @Test func withoutTheAnalysisTheKeySaysWhy() throws {
        let f = try Fixture()
        defer { f.remove() }
        f.press(.char("p"))
        #expect(f.model.overlay == nil)
        #expect(f.model.statusMessage == "scenarios and problems come from the OCPP analysis, not available yet")
    }

    @Test func problemsDialogAt80x24() throws {
        let f = try Self.analysed()
        defer { f.remove() }
        f.press(.char("p"), .char("j"), .char("j"))
        Snapshot.assert(f.model.render(), "problems-80x24")
    }
}
