import Testing
@testable import ChargeLogCore

/// A charger clock that jumps: stamps going backwards.
@Suite struct ProblemClockTests {
    @Test func stampsGoingBackAnHour() throws {
        let lines = SeedExcerpts.connectionMain + [
            mainLine("Apr/30 19:03:25", "OCPP_Connection_Restore"),
            mainLine("Apr/30 19:03:26", "Factory mode recevie network change: 2"),
        ]
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: lines])
        defer { b.remove() }
        let found = b.of(.clockJump)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(CivilTime.iso8601(f.time) == "2024-04-30T20:03:18.000Z")
        #expect(f.explanation.contains("went back 59 min 53 s"))
        #expect(b.texts(f)[0].hasSuffix("OCPP_Connection_Fail"))
        #expect(b.texts(f)[1].hasSuffix("OCPP_Connection_Restore"))
        // The last record of the merged order is earlier than the first: the span must still be a range.
        #expect(b.index.timeRange.map { CivilTime.iso8601($0.lowerBound) } == "2024-04-30T19:03:26.000Z")
    }

    @Test func aSecondBackIsNoJump() throws {
        // Near miss: threads of the proxy write stamps slightly out of order.
        let lines = SeedExcerpts.connectionMain + [mainLine("Apr/30 20:03:17", "Network state good, stop the reconnect check timer")]
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: lines])
        defer { b.remove() }
        #expect(b.of(.clockJump).isEmpty)
    }
}
