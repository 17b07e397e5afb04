import ChargeLogCore
import Testing
@testable import ChargeLogUI

/// The first screen and the filters pair a reused id as the engine does (`ExchangePairing`, OCPP-J's
/// FIFO rule with CALLERRORs): in issue 15's log the CALLERROR answers the StatusNotification and the
/// CALLRESULT (Heartbeat.conf's `currentTime`) the Heartbeat.
@Suite struct ReusedIdPairingTests {
    static let log = #"""
    [2021-11-10 10:00:00:000] [2,"7","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available"}]
    [2021-11-10 10:00:01:000] [2,"7","Heartbeat",{}]
    [2021-11-10 10:00:02:000] receive data: [4,"7","InternalError","status not stored",{}]
    [2021-11-10 10:00:03:000] receive data: [3,"7",{"currentTime":"2021-11-10T10:00:03.000Z"}]
    """#

    @Test func plainInsightsPairInArrivalOrder() throws {
        let f = try Fixture(files: ["fw.log": Self.log + "\n"])
        defer { f.remove() }
        let insights = PlainInsights(index: f.index)
        let status = try #require(f.ref(containing: "StatusNotification"))
        let heartbeat = try #require(f.ref(containing: "Heartbeat"))
        let error = try #require(f.ref(containing: "[4,"))
        let result = try #require(f.ref(containing: "[3,"))
        // Each asked first from the answer's side, then from the call's (a fresh source each time, no cache).
        #expect(insights.counterpart(of: result) == heartbeat)
        #expect(insights.counterpart(of: error) == status)
        let fresh = PlainInsights(index: f.index)
        #expect(fresh.counterpart(of: status) == error)
        #expect(fresh.counterpart(of: heartbeat) == result)
        let s = try #require(PlainInsights(index: f.index).summary(of: result, text: f.index.text(of: result)))
        #expect(s.action == "Heartbeat")
    }

    @Test func aFilterOnHeartbeatKeepsItsResultNotTheOtherCallsError() throws {
        let f = try Fixture(files: ["fw.log": Self.log + "\n"])
        defer { f.remove() }
        f.press(.char(":")); f.type("action Heartbeat"); f.press(.enter)
        let t = try #require(f.model.timeline)
        let shown = (0..<t.count).map { f.index.text(at: t.position(ofRow: $0)) }
        #expect(shown.count == 2)
        #expect(shown.contains { $0.contains("\"Heartbeat\"") })
        #expect(shown.contains { $0.contains("[3,\"7\"") })
        #expect(!shown.contains { $0.contains("[4,\"7\"") })
    }
}
