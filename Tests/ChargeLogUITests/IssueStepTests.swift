import ChargeLogCore
import Testing
@testable import ChargeLogUI

/// `e`/`E` and `w`/`W` on the IDC180E sample, analysed by the real engine. What they must visit is
/// taken from `SampleLogs/README.md` ("What happens") and the lines of `A23C2706768Vocpp.log`,
/// `A23C2706768VMainProcess_0.log` and `A23C2706768Vfault.log` in the sample's zips.
@Suite struct IssueStepTests {
    /// Presses `key` until it finds nothing more; the records visited.
    static func visit(_ f: SampleLogsFixture, _ key: Character) -> [String] {
        var seen: [String] = []
        for _ in 0..<400 {
            let before = f.model.cursorPosition
            f.press(.char(key))
            guard f.model.cursorPosition != before else { break }
            seen.append(f.cursorText)
        }
        return seen
    }

    static func firstIndex(_ seen: [String], _ test: (String) -> Bool) -> Int? { seen.firstIndex(where: test) }

    @Test func eStepsThroughEveryKindOfErrorInTimeOrder() throws {
        let f = try SampleLogsFixture()
        defer { f.remove() }
        let seen = Self.visit(f, "e")
        // README: 04-30 13:20:41 Authorize 0400000000DEAD → Invalid (ocpp line 1692, the answer).
        let invalid = try #require(Self.firstIndex(seen) { $0.contains("13:20:43.487") && $0.contains("\"Invalid\"") })
        // 19:39:58 a Heartbeat sent and never answered (ocpp line 2610, the pipe request).
        let heartbeat = try #require(Self.firstIndex(seen) { $0.contains("19:39:58") && $0.contains("Heartbeat") })
        // 05-01 00:00:58 the CPO's CALLERROR InternalError to the StopTransaction of tx 665 (line 3187).
        let callError = try #require(Self.firstIndex(seen) { $0.contains("[4,\"fba4fc16") })
        // 06:21:06 the fault log's alarm block, then StatusNotification connector 1 Faulted (line 3805).
        let alarm = try #require(Self.firstIndex(seen) { $0.contains("CCU1->Err_Connector1_Cp_StateE_Alarm") })
        let faulted = try #require(Self.firstIndex(seen) { $0.contains("\"status\": \"Faulted\"") || $0.contains("\"status\":\"Faulted\"") })
        #expect(invalid < heartbeat && heartbeat < callError && callError < alarm && alarm < faulted)
        // E walks back: from the end, the first error above is the last one e found.
        f.press(.char("G"), .char("E"))
        #expect(f.cursorText == seen.last)
    }

    @Test func theStatusLineSaysWhatTheErrorIs() throws {
        let f = try SampleLogsFixture()
        defer { f.remove() }
        f.press(.char("/")); f.type("Sending: \\[2,\"fba4fc16"); f.press(.enter)
        f.press(.char("e"))
        #expect(f.cursorText.contains("[4,\"fba4fc16"))
        // The CALLERROR is a key record of «stop rejected by CPO», which says why.
        #expect(f.model.statusMessage?.hasPrefix("error: stop rejected by CPO — The CPO rejected the StopTransaction of transaction 665: CALLERROR InternalError") == true)
        Snapshot.assert(f.model.render(), "issues-e-callerror-80x24")
    }

    @Test func wStepsThroughWarnings() throws {
        let f = try SampleLogsFixture()
        defer { f.remove() }
        let seen = Self.visit(f, "w")
        // README: 19:40:05 OCPP_Connection_Fail (MainProcess_0 line 1004) starts the connection loss.
        let lost = try #require(Self.firstIndex(seen) { $0.contains("OCPP_Connection_Fail") })
        // 00:00:58.601 the proxy's own WARN line (ocpp line 3188).
        let warn = try #require(Self.firstIndex(seen) { $0.contains("WARN PipeEventHandlerImpl - HandleStopTransaction ExecutionException") })
        #expect(lost < warn)
        // Errors are e's, not w's.
        #expect(!seen.contains { $0.contains("[4,\"fba4fc16") })
        f.press(.char("G"), .char("W"))
        #expect(f.cursorText == seen.last)
    }
}
