import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// OCPP-J's pairing rule, one implementation for the engine, the per-file schema check, the viewer's
/// first screen and its filters. Expected pairs follow the spec's rule (OCPP-J 1.6 §4.1.1/§4.2: an
/// answer carries its CALL's id, a CALLERROR answers a CALL like a CALLRESULT, a peer handles one
/// connection's messages in order), read off the lines written here.
@Suite struct ExchangePairingTests {
    /// Issue 15's case: the charger reuses id 7 while its StatusNotification is open. The central system
    /// answers in arrival order: the CALLERROR answers the StatusNotification, the CALLRESULT (its
    /// `currentTime` is Heartbeat.conf's only field) answers the Heartbeat.
    static let reusedIdLog = #"""
    [2021-11-10 10:00:00:000] [2,"7","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available"}]
    [2021-11-10 10:00:01:000] [2,"7","Heartbeat",{}]
    [2021-11-10 10:00:02:000] receive data: [4,"7","InternalError","status not stored",{}]
    [2021-11-10 10:00:03:000] receive data: [3,"7",{"currentTime":"2021-11-10T10:00:03.000Z"}]
    """#

    @Test("a reused id: the CALLERROR answers the first call, the CALLRESULT the Heartbeat, validated as Heartbeat.conf")
    func reusedIdWithCallError() throws {
        let b = try TempBundle(["fw.log": Self.reusedIdLog + "\n"])
        defer { b.remove() }
        let a = try b.analysis()
        let m = Array(a.messages)
        #expect(m.map(\.type) == [.call, .call, .callError, .callResult])
        #expect(a.counterpart(of: m[0].ref) == m[2].ref)
        #expect(a.counterpart(of: m[1].ref) == m[3].ref)
        #expect(m[3].action == "Heartbeat")
        // The per-file schema check paired the same way: no "field not in the schema" for currentTime.
        let all = m.flatMap(\.issues).map(\.description)
        #expect(!all.contains { $0.contains("currentTime") }, "\(all)")
        #expect(m[1].issues.map(\.kind) == [.reusedId])
        #expect(m[2].issues.isEmpty && m[3].issues.isEmpty)
    }

    @Test("near miss: without the CALLERROR the CALLRESULT answers the StatusNotification and is checked as its answer")
    func withoutTheCallError() throws {
        let log = Self.reusedIdLog.split(separator: "\n").enumerated().filter { $0.offset != 2 }.map(\.element).joined(separator: "\n")
        let b = try TempBundle(["fw.log": log + "\n"])
        defer { b.remove() }
        let a = try b.analysis()
        let m = Array(a.messages)
        #expect(a.counterpart(of: m[0].ref) == m[2].ref)
        #expect(m[1].issues.contains { $0.kind == .unanswered })
        // StatusNotification.conf has no fields, so currentTime is flagged there.
        #expect(m[2].issues.contains { $0.description.contains("currentTime") })
    }

    @Test func fifoPerConnectionAndId() {
        var p = ExchangePairing<Int, String, String>()
        p.open("a", id: "7", on: 1)
        #expect(p.open("b", id: "7", on: 1).reusing == "a")
        p.open("other connection", id: "7", on: 2)
        #expect(p.answer(id: "7", on: 1).call == "a")
        #expect(p.answer(id: "7", on: 1).call == "b")
        guard case .again(let c) = p.answer(id: "7", on: 1) else { Issue.record("a third answer is a second answer to b"); return }
        #expect(c == "b")
        guard case .none = p.answer(id: "8", on: 1) else { Issue.record("id 8 was never open"); return }
        #expect(p.unanswered == ["other connection"])
    }

    @Test("bounded: past the capacity the oldest open call is given up")
    func bounded() {
        var p = ExchangePairing<Int, Int, Int>(capacity: 3, recentCapacity: 2)
        for i in 0..<3 { #expect(p.open(i, id: i, on: 0).givenUp.isEmpty) }
        #expect(p.open(3, id: 3, on: 0).givenUp == [0])
        #expect(p.answer(id: 0, on: 0).call == nil)
        #expect(p.answer(id: 2, on: 0).call == 2)
        #expect(p.openCount == 2)
        // Many calls opened and answered keep no more than the capacity.
        for i in 10..<50_000 {
            p.open(i, id: i, on: 0)
            if i % 2 == 0 { _ = p.answer(id: i, on: 0) }
        }
        #expect(p.openCount == 3)
        #expect(p.unanswered == [49_995, 49_997, 49_999])
    }
}
