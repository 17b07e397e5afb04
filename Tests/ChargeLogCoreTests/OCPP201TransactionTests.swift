import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

@Suite("OCPP 2.0.1 transactions from TransactionEvent")
struct OCPP201TransactionTests {
    /// What `scripts/facts/count_201_transactions.py` (reads each `send [2,…,"TransactionEvent",…]`
    /// line of the file with Python's json module) prints for ../shared/real-logs/client_ocpp_sim_201.log:
    /// id, EVSE, connector in it, events (type/trigger counts), first and last register reading in Wh,
    /// the last event, and whether an Ended event is present.
    struct Fact {
        var id: String
        var evse: Int
        var events: Int
        var energy: (first: Double, last: Double)?
        var last: String
        var ended: Bool
    }

    static let facts: [Fact] = [
        Fact(id: "3bec9460-8b0d-470a-8f22-9cfc3fea88d9", evse: 1, events: 1, energy: nil, last: "Started CablePluggedIn 0", ended: false),
        Fact(id: "31010c29-ae7f-4785-9aa0-5fd0aa9315d0", evse: 2, events: 1, energy: nil, last: "Started CablePluggedIn 0", ended: false),
        Fact(id: "a0a66078-0eb9-48d4-8b07-117841da0e17", evse: 1, events: 1, energy: nil, last: "Started CablePluggedIn 0", ended: false),
        Fact(id: "7a56fcfe-2f7a-4cd5-9e0b-cb4c1099cbbe", evse: 1, events: 737, energy: (100, 73500), last: "Updated MeterValuePeriodic 736", ended: false),
        Fact(id: "46e3c475-cb68-4b06-8579-a1c33e289512", evse: 2, events: 23, energy: (100, 2100), last: "Updated MeterValuePeriodic 22", ended: false),
        Fact(id: "cb5966b7-0adb-460b-990d-c5418bb96cf7", evse: 2, events: 2, energy: nil, last: "Ended EVDeparted 1", ended: true),
        Fact(id: "b28f6f2f-f538-490e-94ee-63249b24fe40", evse: 2, events: 29, energy: (100, 2700), last: "Updated MeterValuePeriodic 28", ended: false),
        Fact(id: "a13335c9-f4f7-4a92-94bb-b8fb99d432e9", evse: 1, events: 7, energy: (100, 400), last: "Ended EVDeparted 6", ended: true),
        Fact(id: "964cdab6-8a36-4f03-9f91-3286505ae39a", evse: 1, events: 2, energy: nil, last: "Ended EVDeparted 1", ended: true),
        Fact(id: "e0d4e84e-ab0d-421d-bcc9-04821a09f7b9", evse: 2, events: 14, energy: (100, 1100), last: "Updated StopAuthorized 13", ended: false),
    ]

    @Test("client_ocpp_sim_201.log: every transaction with its EVSE, energy and event sequence, as counted in the file")
    func realLog() throws {
        let a = try RealLogFile.analysis("client_ocpp_sim_201.log")
        #expect(a.transactions.map(\.transactionId) == Self.facts.map(\.id))
        for f in Self.facts {
            let t = try #require(a.transaction(id: f.id))
            #expect(t.evse == f.evse, "\(f.id)")
            #expect(t.connector == f.evse, "\(f.id): the EVSE is the connector key")
            #expect(t.evseConnector == 1, "\(f.id)")
            #expect(t.connectorLabel == "\(f.evse)/1", "\(f.id)")
            #expect(t.events.count == f.events, "\(f.id)")
            #expect(t.events.first?.eventType == "Started" && t.events.first?.triggerReason == "CablePluggedIn", "\(f.id)")
            let last = t.events.last.map { "\($0.eventType) \($0.triggerReason ?? "-") \($0.seqNo ?? -1)" }
            #expect(last == f.last, "\(f.id)")
            #expect(t.meterStart == f.energy?.first, "\(f.id)")
            #expect(t.meterStop == f.energy?.last, "\(f.id)")
            #expect(t.energyWh == f.energy.map { $0.last - $0.first }, "\(f.id)")
            #expect(t.isOpen == !f.ended, "\(f.id)")
            #expect(!t.startedBeforeLog, "\(f.id)")
            // No seqNo gaps in this log (the script finds none), no offline replays.
            #expect(!t.issues.contains { $0.kind == .sequenceGap || $0.kind == .offlineReplay }, "\(f.id)")
            if f.ended { #expect(t.reason == "Local", "\(f.id): Ended without stoppedReason (spec default)") }
        }
        // 7a56fcfe: seqNo 0 Started CablePluggedIn, 1 Updated RemoteStart, 2–736 MeterValuePeriodic (735).
        let long = try #require(a.transaction(id: "7a56fcfe-2f7a-4cd5-9e0b-cb4c1099cbbe"))
        #expect(long.eventRuns.map(\.text) == ["Started CablePluggedIn (seqNo 0)", "Updated RemoteStart (seqNo 1)",
                                                "Updated MeterValuePeriodic ×735 (seqNo 2–736)"])
        #expect(long.triggerReasons.map { "\($0.reason)=\($0.count)" } == ["CablePluggedIn=1", "RemoteStart=1", "MeterValuePeriodic=735"])
        // The RemoteStart trigger follows the RequestStartTransaction of line 138 (evseId 1, idToken "1").
        #expect(long.auth == "Remote")
        #expect(long.idTag == "1")
        #expect(long.remoteStartRef.map { a.index.files[$0.file].index.lineNumber($0.record) } == 138)
        #expect(long.issues.contains { $0.kind == .inferred })
        // a13335c9 (EVSE 1) got its RemoteStart trigger 1 ms after a RequestStartTransaction for evseId 2 (line 6149).
        let swapped = try #require(a.transaction(id: "a13335c9-f4f7-4a92-94bb-b8fb99d432e9"))
        #expect(swapped.issues.contains { $0.kind == .evseMismatch })
        // Started by plugging in, never remote-started: no idToken anywhere.
        let plain = try #require(a.transaction(id: "964cdab6-8a36-4f03-9f91-3286505ae39a"))
        #expect(plain.idTag == nil && plain.auth == "Local")

        // StatusNotification per EVSE and connector: 16 each for 1/1 and 2/1 (hand count with the same script).
        #expect(a.connectorStates.map(\.label) == ["1/1", "2/1"])
        #expect(a.connectorStates.map(\.entries.count) == [16, 16])
        #expect(a.connectorStates[1].entries.map(\.status).prefix(4) == ["Available", "Occupied", "Occupied", "Available"])
        #expect(a.connectorStates[1].entries.last?.status == "Unavailable")
    }

    /// Lines in the simulator's carrier (`YYYY-MM-DD HH:MM:SS,mmm - ocpp - INFO - 1: send [...]`).
    static func sim(_ time: String, _ frame: String, send: Bool = true) -> String {
        "2025-10-03 \(time),000 - ocpp - INFO - 1: \(send ? "send" : "receive message") \(frame)"
    }

    @Test("Offline replays, a seqNo gap, per-phase-only readings, a unit multiplier, a transaction running before the log")
    func replaysGapsPhases() throws {
        let log = [
            // Running before the log: the first event is an Updated with seqNo 5.
            Self.sim("10:00:00", #"[2,"u1","TransactionEvent",{"eventType":"Updated","timestamp":"2025-10-03T10:00:00Z","triggerReason":"MeterValuePeriodic","seqNo":5,"transactionInfo":{"transactionId":"run-1","chargingState":"Charging"},"evse":{"id":1,"connectorId":1},"meterValue":[{"timestamp":"2025-10-03T10:00:00Z","sampledValue":[{"value":7.5,"measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"Wh","multiplier":3}}]}]}]"#),
            Self.sim("10:00:00", #"[3,"u1",{}]"#, send: false),
            Self.sim("10:05:00", #"[2,"u2","TransactionEvent",{"eventType":"Ended","timestamp":"2025-10-03T10:05:00Z","triggerReason":"EVDeparted","seqNo":6,"transactionInfo":{"transactionId":"run-1","stoppedReason":"EVDisconnected"},"evse":{"id":1,"connectorId":1},"meterValue":[{"timestamp":"2025-10-03T10:05:00Z","sampledValue":[{"value":8.25,"context":"Transaction.End","measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"Wh","multiplier":3}}]}]}]"#),
            Self.sim("10:05:00", #"[3,"u2",{}]"#, send: false),
            // EVSE 2 connector 1: RFID start with per-phase readings only, seqNo 2 and 3 lost, the rest replayed offline.
            Self.sim("11:00:00", #"[2,"s0","TransactionEvent",{"eventType":"Started","timestamp":"2025-10-03T11:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"tx-2","chargingState":"EVConnected"},"idToken":{"idToken":"AB12CD","type":"ISO14443"},"evse":{"id":2,"connectorId":1},"meterValue":[{"timestamp":"2025-10-03T11:00:00Z","sampledValue":[{"value":100,"context":"Transaction.Begin","measurand":"Energy.Active.Import.Register","phase":"L1"},{"value":100,"context":"Transaction.Begin","measurand":"Energy.Active.Import.Register","phase":"L2"},{"value":100,"context":"Transaction.Begin","measurand":"Energy.Active.Import.Register","phase":"L3"}]}]}]"#),
            Self.sim("11:00:00", #"[3,"s0",{"idTokenInfo":{"status":"Accepted"}}]"#, send: false),
            Self.sim("11:01:00", #"[2,"s1","TransactionEvent",{"eventType":"Updated","timestamp":"2025-10-03T11:01:00Z","triggerReason":"ChargingStateChanged","seqNo":1,"transactionInfo":{"transactionId":"tx-2","chargingState":"Charging"},"evse":{"id":2,"connectorId":1}}]"#),
            Self.sim("11:01:00", #"[3,"s1",{}]"#, send: false),
            Self.sim("11:30:00", #"[2,"s4","TransactionEvent",{"eventType":"Updated","timestamp":"2025-10-03T11:20:00Z","triggerReason":"ChargingStateChanged","seqNo":4,"offline":true,"transactionInfo":{"transactionId":"tx-2","chargingState":"SuspendedEV"},"evse":{"id":2,"connectorId":1}}]"#),
            Self.sim("11:30:00", #"[3,"s4",{}]"#, send: false),
            Self.sim("11:30:01", #"[2,"s5","TransactionEvent",{"eventType":"Ended","timestamp":"2025-10-03T11:25:00Z","triggerReason":"EVDeparted","seqNo":5,"offline":true,"transactionInfo":{"transactionId":"tx-2","stoppedReason":"EVDisconnected","chargingState":"Idle"},"evse":{"id":2,"connectorId":1},"meterValue":[{"timestamp":"2025-10-03T11:25:00Z","sampledValue":[{"value":1100,"context":"Transaction.End","measurand":"Energy.Active.Import.Register","phase":"L1"},{"value":1200,"context":"Transaction.End","measurand":"Energy.Active.Import.Register","phase":"L2"},{"value":1300,"context":"Transaction.End","measurand":"Energy.Active.Import.Register","phase":"L3"}]}]}]"#),
            Self.sim("11:30:01", #"[3,"s5",{}]"#, send: false),
        ].joined(separator: "\n") + "\n"
        let b = try TempBundle(["sim/ocpp.log": log])
        defer { b.remove() }
        let a = try b.analysis()

        let run = try #require(a.transaction(id: "run-1"))
        #expect(run.startedBeforeLog)
        #expect(run.auth == "Unknown")
        // 7.5 Wh × 10³ and 8.25 Wh × 10³.
        #expect(run.meterStart == 7500)
        #expect(run.meterStop == 8250)
        #expect(run.energyWh == 750)
        #expect(run.reason == "EVDisconnected")
        // Before the log, the earlier seqNos are not a gap.
        #expect(!run.issues.contains { $0.kind == .sequenceGap })

        let t = try #require(a.transaction(id: "tx-2"))
        #expect(t.connectorLabel == "2/1")
        #expect(t.idTag == "AB12CD" && t.auth == "RFID")
        // Per-phase readings only: 100+100+100 = 300 Wh at the start, 1100+1200+1300 = 3600 Wh at the end.
        #expect(t.meterStart == 300)
        #expect(t.meterStop == 3600)
        #expect(t.energyWh == 3300)
        #expect(t.start == ms("2025-10-03T11:00:00Z"))
        #expect(t.stop == ms("2025-10-03T11:25:00Z"))
        #expect(t.offlineEvents == 2)
        #expect(t.issues.contains { $0.kind == .sequenceGap && $0.message == "2 TransactionEvents missing: seqNo 2–3" })
        #expect(t.issues.contains { $0.kind == .offlineReplay })
        #expect(t.chargingStateChanges.map { $0.chargingState ?? "" } == ["EVConnected", "Charging", "SuspendedEV", "Idle"])
        #expect(t.eventRuns.map(\.text) == ["Started Authorized (seqNo 0)", "Updated ChargingStateChanged ×2 (seqNo 1–4, 1 offline)",
                                             "Ended EVDeparted (seqNo 5, 1 offline)"])
    }

    @Test("Near miss: a resent TransactionEvent (same seqNo) is one event, and no gap; a 1.6 connector keeps its number")
    func resendNoGap() throws {
        let log = [
            Self.sim("12:00:00", #"[2,"a","TransactionEvent",{"eventType":"Started","timestamp":"2025-10-03T12:00:00Z","triggerReason":"CablePluggedIn","seqNo":0,"transactionInfo":{"transactionId":"tx-3"},"evse":{"id":1,"connectorId":2}}]"#),
            Self.sim("12:00:30", #"[2,"b","TransactionEvent",{"eventType":"Started","timestamp":"2025-10-03T12:00:00Z","triggerReason":"CablePluggedIn","seqNo":0,"transactionInfo":{"transactionId":"tx-3"},"evse":{"id":1,"connectorId":2}}]"#),
            Self.sim("12:00:30", #"[3,"b",{}]"#, send: false),
            Self.sim("12:10:00", #"[2,"c","TransactionEvent",{"eventType":"Ended","timestamp":"2025-10-03T12:10:00Z","triggerReason":"EVDeparted","seqNo":1,"transactionInfo":{"transactionId":"tx-3","stoppedReason":"EVDisconnected"},"evse":{"id":1,"connectorId":2}}]"#),
            Self.sim("12:10:00", #"[3,"c",{}]"#, send: false),
        ].joined(separator: "\n") + "\n"
        let b = try TempBundle(["sim/ocpp.log": log])
        defer { b.remove() }
        let a = try b.analysis()
        let t = try #require(a.transaction(id: "tx-3"))
        #expect(t.events.count == 2)
        #expect(t.connectorLabel == "1/2")
        #expect(!t.issues.contains { $0.kind == .sequenceGap || $0.kind == .offlineReplay || $0.kind == .evseMismatch })
        #expect(t.meterStart == nil && t.energyWh == nil)
        #expect(ConnectorLabel.text(connector: 3, evse: nil, evseConnector: nil) == "3")
        #expect(ConnectorLabel.parse("2/1")! == (2, 1))
        #expect(ConnectorLabel.parse("evse 2")! == (2, nil))
        #expect(ConnectorLabel.parse("x") == nil)
    }
}
