import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

@Suite("OCPP transactions: 2.0.1, OCMF verification, other streams")
struct OCPPTransactionTests {
    @Test("2.0.1: RequestStartTransaction, TransactionEvent Started/Updated/Ended, resent event counted once")
    func transactionEvent() throws {
        let log = #"""
        [2025-08-22T02:50:56.688Z] << message received: [2,"r1","RequestStartTransaction",{"remoteStartId":7,"idToken":{"idToken":"ABC123","type":"Central"},"evseId":1}]
        [2025-08-22T02:50:56.702Z] >> message sent: [3,"r1",{"status":"Accepted"}] color: cyan;
        [2025-08-22T02:50:57.100Z] >> message sent: [2,"n1","StatusNotification",{"timestamp":"2025-08-22T02:50:57Z","connectorStatus":"Occupied","evseId":1,"connectorId":1}] color: cyan;
        [2025-08-22T02:50:57.180Z] << message received: [3,"n1",{}]
        [2025-08-22T02:50:57.300Z] >> message sent: [2,"m1","TransactionEvent",{"eventType":"Started","timestamp":"2025-08-22T02:50:57Z","triggerReason":"RemoteStart","seqNo":0,"transactionInfo":{"transactionId":"tx-9f2","remoteStartId":7,"chargingState":"EVConnected"},"idToken":{"idToken":"ABC123","type":"Central"},"evse":{"id":1,"connectorId":1},"meterValue":[{"timestamp":"2025-08-22T02:50:57Z","sampledValue":[{"value":1000.5,"measurand":"Energy.Active.Import.Register","context":"Transaction.Begin","unitOfMeasure":{"unit":"kWh"}}]}]}] color: cyan;
        [2025-08-22T02:50:57.410Z] << message received: [3,"m1",{"idTokenInfo":{"status":"Accepted"}}]
        [2025-08-22T02:51:57.000Z] >> message sent: [2,"m2","TransactionEvent",{"eventType":"Updated","timestamp":"2025-08-22T02:51:57Z","triggerReason":"MeterValuePeriodic","seqNo":1,"transactionInfo":{"transactionId":"tx-9f2","chargingState":"Charging"},"meterValue":[{"timestamp":"2025-08-22T02:51:57Z","sampledValue":[{"value":1006.1,"measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"kWh"}},{"value":11000,"measurand":"Power.Active.Import","unitOfMeasure":{"unit":"W"}}]}]}] color: cyan;
        [2025-08-22T02:52:27.000Z] >> message sent: [2,"m2b","TransactionEvent",{"eventType":"Updated","timestamp":"2025-08-22T02:51:57Z","triggerReason":"MeterValuePeriodic","seqNo":1,"transactionInfo":{"transactionId":"tx-9f2","chargingState":"Charging"},"meterValue":[{"timestamp":"2025-08-22T02:51:57Z","sampledValue":[{"value":1006.1,"measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"kWh"}},{"value":11000,"measurand":"Power.Active.Import","unitOfMeasure":{"unit":"W"}}]}]}] color: cyan;
        [2025-08-22T02:52:27.300Z] << message received: [3,"m2b",{}]
        [2025-08-22T02:53:00.000Z] << message received: [2,"r2","RequestStopTransaction",{"transactionId":"tx-9f2"}]
        [2025-08-22T02:53:00.050Z] >> message sent: [3,"r2",{"status":"Accepted"}] color: cyan;
        [2025-08-22T02:53:01.000Z] >> message sent: [2,"m3","TransactionEvent",{"eventType":"Ended","timestamp":"2025-08-22T02:53:01Z","triggerReason":"RemoteStop","seqNo":2,"transactionInfo":{"transactionId":"tx-9f2","stoppedReason":"Remote"},"meterValue":[{"timestamp":"2025-08-22T02:53:01Z","sampledValue":[{"value":1012.25,"measurand":"Energy.Active.Import.Register","context":"Transaction.End","unitOfMeasure":{"unit":"kWh"}}]}]}] color: cyan;
        [2025-08-22T02:53:01.200Z] << message received: [3,"m3",{}]
        """#
        let b = try TempBundle(["sim/console.log": log + "\n"])
        defer { b.remove() }
        let a = try b.analysis()
        #expect(a.messages.count == 13)
        // The first Updated got no answer, so the charger sent it again (same seqNo): counted once.
        #expect(a.messages.filter { !$0.issues.isEmpty }.map { "\($0.uniqueId): \($0.issues)" } == ["m2: [warning: no answer in the log]"])
        let t = try #require(a.transaction(id: "tx-9f2"))
        #expect(t.connector == 1)
        #expect(t.evse == 1)
        #expect(t.idTag == "ABC123")
        #expect(t.auth == "Remote")
        #expect(t.start == CivilTime.millis(year: 2025, month: 8, day: 22, hour: 2, minute: 50, second: 57, millis: 0))
        #expect(t.stop == CivilTime.millis(year: 2025, month: 8, day: 22, hour: 2, minute: 53, second: 1, millis: 0))
        #expect(t.meterStart == 1_000_500)
        #expect(t.meterStop == 1_012_250)
        #expect(t.energyWh == 11_750)
        #expect(t.reason == "Remote")
        #expect(t.stopStatus == "Accepted")
        #expect(t.meterValues == 1)
        #expect(t.remoteStartRef != nil && t.remoteStopRef != nil)
        #expect(t.samples.map(\.value) == [1_000_500, 1_006_100, 11_000, 1_012_250])
        let request = try #require(a.messages.first { $0.action == "RequestStartTransaction" && $0.type == .call })
        #expect(request.direction == .centralToCharger)
        #expect(request.connection.channel == .client)
        let states = try #require(a.connectorStates.first)
        #expect(states.entries.map(\.status) == ["Occupied"])
        #expect(states.entries.first?.evse == 1)
    }

    /// A TONLY-shaped transaction whose StopTransaction carries Chargy's BET 001-01 OCMF document
    /// (tests/fixtures/OCMF/BET_TariffTextExtension/001/001-01.txt: begin 1234.1 kWh, end 1241.925 kWh).
    func signedStopLog() -> String {
        #"""
        [2026-01-10 08:00:00:000] [2,"41","StartTransaction",{"connectorId":1,"idTag":"201ACCBF","meterStart":1234100,"timestamp":"2026-01-10T08:00:00Z"}]
        [2026-01-10 08:00:00:500] receive data: [3,"41",{"idTagInfo":{"status":"Accepted"},"transactionId":42}]
        [2026-01-10 09:15:01:000] [2,"43","StopTransaction",{"meterStop":1241925,"timestamp":"2026-01-10T09:15:00Z","transactionId":42,"reason":"EVDisconnected","transactionData":[{"timestamp":"2026-01-10T09:15:00Z","sampledValue":[{"value":\#(JSONText.quote(ChargyVectors.bet001)),"format":"SignedData","context":"Transaction.End","measurand":"Energy.Active.Import.Register"}]}]}]
        [2026-01-10 09:15:01:400] receive data: [3,"43",{"idTagInfo":{"status":"Accepted"}}]
        """#
    }

    @Test("OCMF in a StopTransaction verified with the meter's key; begin and end agree with the meter")
    func ocmfVerified() throws {
        let b = try TempBundle(["tonly/charger.log": signedStopLog() + "\n"])
        defer { b.remove() }
        let good = try b.analysis(ocmfKeys: OCMFKeyring(try OCMFPublicKey(parsing: ChargyVectors.betKeyPEM)))
        let t = try #require(good.transaction(id: "42"))
        #expect(t.signedValues.count == 1)
        #expect(t.signedValues[0].verification == .valid)
        #expect(t.signedValues[0].keySource == "--ocmf-key")
        #expect(t.ocmfChecks.map(\.which) == [.begin, .end])
        #expect(t.ocmfChecks.allSatisfy { $0.agrees })
        #expect(!t.issues.contains { $0.kind == .signatureInvalid || $0.kind == .meterMismatch || $0.kind == .readingNotBillable })
        #expect(t.signedValues[0].ref == t.stopRef)

        // Another meter's key (pyocmf's KEBA key, also P-256): INVALID.
        let wrong = try b.analysis(ocmfKeys: OCMFKeyring(try OCMFPublicKey(parsing: PyOCMFVectors.kebaKey)))
        let w = try #require(wrong.transaction(id: "42"))
        #expect(w.signedValues[0].verification == .invalid)
        #expect(w.issues.contains { $0.kind == .signatureInvalid })

        let none = try b.analysis()
        let n = try #require(none.transaction(id: "42"))
        #expect(n.signedValues[0].verification == .notChecked("no key given (--ocmf-key or --ocmf-keys)"))
        #expect(!n.issues.contains { $0.kind == .signatureInvalid })
    }

    @Test("fault and CCU lines of the transaction's connector are correlated; other connectors' are not")
    func otherStreams() throws {
        let ocpp = SeedLines.start667 + "\n" + #"""
        2024-05-01 14:50:02.100 +0000 INFO WebSocketTransmitter - Sending: [2,"4e0c7b8a-8c1e-4a3f-9d5e-2b1f0c6a7d21","StopTransaction",{"idTag":"201ACCBF","meterStop":7870012,"timestamp":"2024-05-01T14:50:01Z","transactionId":667,"reason":"Local"}]
        2024-05-01 14:50:02.700 +0000 INFO WebSocketTransmitter - Received: [3,"4e0c7b8a-8c1e-4a3f-9d5e-2b1f0c6a7d21",{"idTagInfo":{"status":"Accepted"}}]
        """# + "\n"
        let fault = """
        [May/01 14:00:00.000 UTC]2024/May/01 14:00:00.000
        [May/01 14:00:00.000 UTC]

        [May/01 14:45:06.873 UTC]CCU1->Err_Connector1_Cp_StateE_Alarm
        [May/01 14:45:06.873 UTC]CCU2->Err_Connector2_TCU_Config_Fault
        [May/01 14:45:06.873 UTC]
        [May/01 16:00:00.000 UTC]CCU1->Err_Connector1_Cp_StateE_Alarm
        """
        let ccu = """
        [May/01 14:46:46.384 UTC][D00 23:20:20.544] Connector_Power_Info_Changed! V:395, C:0
        [May/01 14:46:46.384 UTC][D00 23:20:20.623] SessionStopTrigger -- Init
        [May/01 17:46:46.384 UTC][D00 23:20:20.624] State update context to P_0, V_0, C_0
        """
        let b = try TempBundle(["2168Vocpp/A23C2706768Vocpp.log": ocpp, "2168Vfault/A23C2706768Vfault.log": fault + "\n",
                                "2168Vccu/A23C2706768Vccu.log": ccu + "\n"])
        defer { b.remove() }
        let a = try b.analysis()
        let t = try #require(a.transaction(id: "667"))
        #expect(t.energyWh == 15_424)
        let other = a.correlatedRecords(transactionId: "667").filter { a.index.files[$0.0.file].stream != .ocpp }
        #expect(other.map { "\($0.role): \(a.index.text(of: $0.0).split(separator: "]").last ?? "")" } == [
            "fault: CCU1->Err_Connector1_Cp_StateE_Alarm",
            "ccu:  Connector_Power_Info_Changed! V:395, C:0",
            "ccu:  SessionStopTrigger -- Init",
        ])
        #expect(a.codeEvents.count == 3)
    }

    @Test("copies sent late after an outage are not paired, yet the transaction is counted once with the CPO's verdict",
          arguments: [true, false])
    func lateCopies(pipeAnswered: Bool) throws {
        let log = #"""
        2024-05-02 08:00:00.100 +0000 INFO PipeSession - [From charging station]: 7a1c2a7be0e84f6f9a0c3cbe2f8d2a11=StartTransaction={    "connectorId": 1,    "idTag": "201ACCBF",    "meterStart": 7870012,    "timestamp": "2024-05-02T08:00:00Z"}
        2024-05-02 08:02:00.200 +0000 INFO WebSocketTransmitter - Sending: [2,"aa0c5d52-1b8e-4c47-a3e5-0f6b0e2c9d11","StartTransaction",{"connectorId":1,"idTag":"201ACCBF","meterStart":7870012,"timestamp":"2024-05-02T08:00:00Z"}]
        2024-05-02 08:02:00.900 +0000 INFO WebSocketTransmitter - Received: [3,"aa0c5d52-1b8e-4c47-a3e5-0f6b0e2c9d11",{"transactionId":650,"idTagInfo":{"status":"Accepted"}}]
        2024-05-02 08:02:01.000 +0000 INFO PipeSession - [To charging station]: 7a1c2a7be0e84f6f9a0c3cbe2f8d2a11=StartTransactionResponse={"idTagInfo":{"status":"Accepted"},"transactionId":650,"connectorId":1}
        2024-05-02 09:00:00.100 +0000 INFO PipeSession - [From charging station]: 8b1c2a7be0e84f6f9a0c3cbe2f8d2a11=StopTransaction={    "connectorId": 1,    "idTag": "201ACCBF",    "meterStop": 7900000,    "reason": "Local",    "timestamp": "2024-05-02T09:00:00Z",    "transactionId": 650}
        2024-05-02 09:01:00.200 +0000 INFO WebSocketTransmitter - Sending: [2,"bb0c5d52-1b8e-4c47-a3e5-0f6b0e2c9d11","StopTransaction",{"idTag":"201ACCBF","meterStop":7900000,"timestamp":"2024-05-02T09:00:00Z","transactionId":650,"reason":"Local"}]
        2024-05-02 09:01:00.800 +0000 INFO WebSocketTransmitter - Received: [4,"bb0c5d52-1b8e-4c47-a3e5-0f6b0e2c9d11","InternalError","An internal error occured while stopping a charging session for the transaction.",{}]
        """#
        // Without the pipe's answer the pipe copy of the start has no id of its own.
        let lines = log.split(separator: "\n").filter { pipeAnswered || !$0.contains("StartTransactionResponse") }
        let b = try TempBundle(["2168Vocpp/A23C2706768Vocpp.log": lines.joined(separator: "\n") + "\n"])
        defer { b.remove() }
        let a = try b.analysis()
        #expect(a.transactions.map(\.transactionId) == ["650"])
        #expect(a.transactions.first?.issues.filter { $0.kind == .unanswered }.isEmpty == true)
        let t = try #require(a.transaction(id: "650"))
        #expect(t.stopStatus == "CALLERROR:InternalError")
        #expect(t.energyWh == 29_988)
        #expect(a.messages.allSatisfy { a.hopCopy(of: $0.ref) == nil })
    }
}
