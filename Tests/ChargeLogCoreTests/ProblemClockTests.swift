import Testing
@testable import ChargeLogCore
import TestSupport

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

    /// A charger log at UTC+1 whose StatusNotification timestamps run `ahead` minutes before the back
    /// end's Heartbeat answers (made-up times in the shape of client_ocpp_sim_201.log's lines).
    func skewedLog(ahead: Int) -> [String] {
        (0..<4).flatMap { k -> [String] in
            let m = 10 + k * 5
            return [
                #"2024-03-01 11:\#(m):00,000 - ocpp - INFO - 1: send [2,"s\#(k)","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"2024-03-01T10:\#(m + ahead):00Z"}]"#,
                #"2024-03-01 11:\#(m):01,000 - ocpp - INFO - 1: send [2,"h\#(k)","Heartbeat",{}]"#,
                #"2024-03-01 11:\#(m):01,200 - ocpp - INFO - 1: receive message [3,"h\#(k)",{"currentTime":"2024-03-01T10:\#(m):01.100Z"}]"#,
            ]
        }
    }

    @Test func aChargerClockAheadOfTheCentralSystemIsAProblem() throws {
        let b = try DiagnosedBundle(["charger/ocpp.log": skewedLog(ahead: 4)])
        defer { b.remove() }
        let found = b.of(.chargerClockSkew)
        #expect(found.count == 1)
        #expect(found.first?.explanation.contains("The charger's clock is 4 min 0 s ahead") == true)
        #expect(found.first.map { CivilTime.iso8601($0.time) } == "2024-03-01T10:10:00.000Z")
    }

    @Test func aChargerClockASecondOffIsNoProblem() throws {
        // Near miss: 0 min ahead (the StatusNotification a second before the Heartbeat answer).
        let b = try DiagnosedBundle(["charger/ocpp.log": skewedLog(ahead: 0)])
        defer { b.remove() }
        #expect(b.of(.chargerClockSkew).isEmpty)
    }
}
