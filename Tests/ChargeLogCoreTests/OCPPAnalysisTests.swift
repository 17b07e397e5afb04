import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

@Suite("OCPP analysis of seed bundles")
struct OCPPAnalysisTests {
    @Test("transaction 667: connector 1, idTag 201ACCBF, meterStart 7854588, RFID, counted once")
    func transaction667() throws {
        let b = try sungrowSeedBundle()
        defer { b.remove() }
        let a = try b.analysis()
        let t = try #require(a.transaction(id: "667"))
        #expect(t.connector == 1)
        #expect(t.idTag == "201ACCBF")
        #expect(t.meterStart == 7_854_588)
        #expect(t.auth == "RFID")
        #expect(t.start == CivilTime.millis(year: 2024, month: 5, day: 1, hour: 14, minute: 42, second: 14, millis: 0))
        #expect(t.isOpen)
        #expect(!t.startedBeforeLog)
        #expect(a.transactions.filter { $0.transactionId == "667" }.count == 1)
        // Both copies of the start and both answers are correlated.
        let roles = a.correlatedRecords(transactionId: "667")
        #expect(roles.map(\.role) == ["authorize", "StartTransaction", "StartTransaction", "StartTransaction answer", "StartTransaction answer"])
        #expect(a.index.text(of: roles[0].0).contains("Rfid_Authorize"))
    }

    @Test("proxy copies: pipe ↔ websocket, request ↔ answer")
    func hops() throws {
        let b = try sungrowSeedBundle()
        defer { b.remove() }
        let a = try b.analysis()
        let pipeCall = try #require(a.messages(containing: "060349123358459bad89d758458796ef=StartTransaction=").first)
        let wsCall = try #require(a.messages(containing: #"Sending: [2,"db8df750"#).first)
        let wsAnswer = try #require(a.messages(containing: #"Received: [3,"db8df750"#).first)
        let pipeAnswer = try #require(a.messages(containing: "=StartTransactionResponse=").first)
        #expect(a.hopCopy(of: pipeCall.ref) == wsCall.ref)
        #expect(a.hopCopy(of: wsCall.ref) == pipeCall.ref)
        #expect(a.counterpart(of: wsCall.ref) == wsAnswer.ref)
        #expect(a.counterpart(of: pipeAnswer.ref) == pipeCall.ref)
        #expect(a.hopCopy(of: wsAnswer.ref) == pipeAnswer.ref)
        #expect(wsAnswer.action == "StartTransaction")
        #expect(wsAnswer.direction == .centralToCharger)
        #expect(pipeCall.direction == .chargerToCentral)
        #expect(wsCall.isCounted && !pipeCall.isCounted)
        #expect(pipeCall.connection.channel == .pipe)
        // The pipe copy carries a connectorId the 1.6 answer schema does not know: noted, not an error.
        #expect(pipeAnswer.issues.map(\.kind) == [.unknownField])
        let x = try #require(a.exchange(containing: wsAnswer.ref))
        #expect(x.latencyMs == 1129)
        #expect(x.result == .callResult)
        #expect(x.request == wsCall.ref)
        // A CPO-initiated call uses the websocket id on both sides; still two connections.
        let remote = a.messages.filter { $0.action == "RemoteStartTransaction" && $0.type == .call }
        #expect(remote.count == 2)
        #expect(Set(remote.map(\.uniqueId)) == ["b68ba114-9957-4cd5-bcac-bbcfeaf9671d"])
        #expect(a.hopCopy(of: remote[0].ref) == remote[1].ref)
        #expect(remote.allSatisfy { $0.direction == .centralToCharger })
        #expect(a.counterpart(of: remote[1].ref).map { a.index.text(of: $0).contains("RemoteStartTransactionResponse") } == true)
    }

    @Test("transaction 670: stopped Remote, meterStop 11730144, two OCMF readings, once")
    func transaction670() throws {
        let b = try sungrowSeedBundle()
        defer { b.remove() }
        let a = try b.analysis()
        let t = try #require(a.transaction(id: "670"))
        #expect(t.reason == "Remote")
        #expect(t.meterStop == 11_730_144)
        #expect(t.connector == 2)
        #expect(t.stopStatus == "Accepted")
        #expect(t.startedBeforeLog)
        #expect(t.auth == "Unknown")
        #expect(t.signedValues.count == 2)
        #expect(t.signedValues.map(\.context) == [.transactionBegin, .transactionEnd])
        #expect(t.signedValues.compactMap { $0.document?.pagination } == ["T653", "T652"])
        #expect(t.samples.count == 11)
        // The seed's OCMF end reading is not meterStop: 11727.040 kWh against 11730144 Wh.
        let end = try #require(t.ocmfChecks.first { $0.which == .end })
        #expect(end.differenceWh == -3104)
        #expect(!end.agrees)
        #expect(t.issues.contains { $0.kind == .meterMismatch })
        // The Transaction.Begin/End Raw samples say "Wh" for a kWh number.
        #expect(t.issues.contains { $0.kind == .registerDecreased && $0.message.contains("kWh value labelled Wh") })
        let roles = a.correlatedRecords(transactionId: "670").map(\.role)
        #expect(roles == ["StopTransaction", "StopTransaction", "StopTransaction answer", "StopTransaction answer"])
    }

    @Test("StopTransaction with 3.48e-05 answered by CALLERROR InternalError")
    func rejectedStop() throws {
        let b = try sungrowSeedBundle()
        defer { b.remove() }
        let a = try b.analysis()
        let t = try #require(a.transaction(id: "544"))
        #expect(t.stopStatus == "CALLERROR:InternalError")
        #expect(t.meterStop == 6_851_429)
        #expect(t.reason == "Local")
        let power = try #require(t.samples.first { $0.measurand == .powerActiveImport })
        #expect(abs(power.value - 0.0348) < 1e-12)
        #expect(power.unit == .w)
        #expect(power.flags.contains(.scientific))
        #expect(t.issues.contains { $0.kind == .rejected })
        let stop = try #require(a.messages(containing: #""transactionId":544"#).first)
        #expect(stop.issues.contains { $0.kind == .scientificNotation })
        let x = try #require(a.exchange(containing: stop.ref))
        #expect(x.result == .callError)
        #expect(x.errorCode == "InternalError")
        #expect(x.latencyMs == 552)
        #expect(x.direction == .chargerToCentral)
        let err = try #require(x.answer.flatMap { a.message(at: $0) })
        #expect(err.label == "CALLERROR InternalError")
        #expect(err.direction == .centralToCharger)
        #expect(err.frame?.errorDescription?.hasPrefix("An internal error occured") == true)
    }

    @Test("states: status history once per proxied message, state switches, connectivity")
    func states() throws {
        let b = try sungrowSeedBundle()
        defer { b.remove() }
        let a = try b.analysis()
        let c2 = try #require(a.connectorStates.first { $0.connector == 2 })
        // 12:41:46 Finishing (pipe + websocket: once) and 14:16:27 Charging (pipe only).
        #expect(c2.entries.map(\.status) == ["Finishing", "Charging"])
        #expect(c2.entries[0].errorCode == "EVCommunicationError")
        #expect(a.chargerStates.map(\.to) == ["State_Energy_Transfer"])
        #expect(a.chargerStates.first?.from == "State_PayNotChosen_Plug")
        #expect(a.connectivity.map(\.online) == [true, false])
        #expect(a.connectivity[0].durationMs == 60_000)
        #expect(a.connectivity[1].end == nil)
        let lem = a.mainEvents.first { if case .internalTransaction = $0.kind { return true }; return false }
        #expect(lem?.kind == .internalTransaction(connector: 2, uuid: "a0fa3892688940f1a33558ab7628b23a"))
    }

    @Test("remote start: internal uuid and correlated MainProcess lines of the connector")
    func remoteStartCorrelation() throws {
        // The QR session of seed 000 with a StartTransaction / answer added in the proxy's shape.
        let start = #"""
        2024-04-28 14:16:07.120 +0000 INFO PipeSession - [From charging station]: 5d1c2a7be0e84f6f9a0c3cbe2f8d2a11=StartTransaction={    "connectorId": 2,    "idTag": "AT-EST-CDPATEVN1-X",    "meterStart": 11026400,    "timestamp": "2024-04-28T14:16:06Z"}
        2024-04-28 14:16:07.160 +0000 INFO WebSocketTransmitter - Sending: [2,"7f0c5d52-1b8e-4c47-a3e5-0f6b0e2c9d11","StartTransaction",{"connectorId":2,"idTag":"AT-EST-CDPATEVN1-X","meterStart":11026400,"timestamp":"2024-04-28T14:16:06Z"}]
        2024-04-28 14:16:07.900 +0000 INFO WebSocketTransmitter - Received: [3,"7f0c5d52-1b8e-4c47-a3e5-0f6b0e2c9d11",{"transactionId":612,"idTagInfo":{"status":"Accepted"}}]
        2024-04-28 14:16:07.950 +0000 INFO PipeSession - [To charging station]: 5d1c2a7be0e84f6f9a0c3cbe2f8d2a11=StartTransactionResponse={"idTagInfo":{"status":"Accepted"},"transactionId":612,"connectorId":2}
        """#
        let lines = SeedLines.remoteStart.split(separator: "\n").map(String.init)
        let ocpp = (lines[0..<5] + [start] + lines[5...]).joined(separator: "\n") + "\n"
        let main = SeedLines.remoteStartMain + "\nApr/28 14:16:07 UTC --  Connector id: 1 Connector not chosen, trigger flag true\n"
        let b = try TempBundle(["2168Vocpp/A23C2706768Vocpp.log": ocpp, "2168Vqt/A23C2706768VMainProcess.log": main])
        defer { b.remove() }
        let a = try b.analysis()
        let t = try #require(a.transaction(id: "612"))
        #expect(t.auth == "Remote")
        #expect(t.internalId == "a0fa3892688940f1a33558ab7628b23a")
        #expect(t.remoteStartRef != nil)
        let records = a.correlatedRecords(transactionId: "612")
        let mainRoles = records.filter { a.index.files[$0.0.file].stream == .mainprocess }.map { "\($0.role): \(a.index.text(of: $0.0).dropFirst(24))" }
        #expect(mainRoles == [
            #"state switch: StateSwicthed:from "State_PayNotChosen_Plug" to: "State_Energy_Transfer""#,
            "connector: Connector: 2 enter energy transfer, trigger other connectors' not chosen",
            #"internal transaction id: void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : lem start transaction, index: 2 transactionId: "a0fa3892688940f1a33558ab7628b23a""#,
            "start meter: void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : Read start meter for connector 2 11026.4",
            #"remote start accepted: Accept remote start transaction: 2 "12345""#,
            "connector: Set CCU2 current limit to 250.000000",
        ])
        let ocppRoles = records.filter { a.index.files[$0.0.file].stream == .ocpp }.map(\.role)
        #expect(ocppRoles == ["RemoteStartTransaction", "RemoteStartTransaction", "RemoteStartTransaction answer",
                              "RemoteStartTransaction answer", "StartTransaction", "StartTransaction",
                              "StartTransaction answer", "StartTransaction answer", "StatusNotification"])
    }

    @Test("TONLY session: transaction 701 from a remote start with a charging profile, stopped remotely")
    func tonly() throws {
        let b = try TempBundle(["tonly/tonly.log": SeedLines.tonlyBoot + "\n" + SeedLines.tonlySession + "\n"])
        defer { b.remove() }
        let a = try b.analysis()
        #expect(a.index.files.first?.stream == .frames)
        #expect(a.transactions.count == 1)
        let t = try #require(a.transaction(id: "701"))
        #expect(t.connector == 1)
        #expect(t.idTag == "13714319313")
        #expect(t.auth == "Remote")
        #expect(t.meterStart == 0)
        #expect(t.meterStop == 0)
        #expect(t.energyWh == 0)
        #expect(t.reason == "Local")
        #expect(t.stopStatus == "Accepted")
        #expect(t.meterValues == 1)
        #expect(t.samples.filter { $0.measurand == .voltage }.map(\.phase) == [.l1, .l2, .l3])
        #expect(t.samples.first { $0.measurand == .temperature }?.unit == .celsius)
        let remote = try #require(t.remoteStartRef.flatMap { a.message(at: $0) })
        #expect(remote.action == "RemoteStartTransaction")
        #expect(remote.payload["chargingProfile"]?["transactionId"]?.intValue == 701)
        #expect(remote.direction == .centralToCharger)
        #expect(remote.payload["connectorId"]?.intValue == 1 && remote.payload["idTag"]?.stringValue == "13714319313")
        #expect(t.remoteStopRef.flatMap { a.message(at: $0) }?.action == "RemoteStopTransaction")
        let stopAnswer = try #require(a.messages.first { $0.uniqueId == "20211191627106370" && $0.type == .callResult })
        #expect(stopAnswer.direction == .chargerToCentral)
        #expect(stopAnswer.action == "RemoteStopTransaction")
    }

    @Test("TONLY: answers without a call, unanswered calls, stray bytes and suffixes")
    func tonlyExchanges() throws {
        let b = try TempBundle(["tonly/tonly.log": SeedLines.tonlyBoot + "\n"])
        defer { b.remove() }
        let a = try b.analysis()
        let rows = a.exchanges.map { "\($0.uniqueId) \($0.action ?? "-") \($0.direction.label) \($0.result.rawValue)" }
        #expect(rows == ["100 BootNotification cp->cs CALLRESULT", "101 StatusNotification cp->cs CALLRESULT",
                         "105 StatusNotification cp->cs CALLRESULT", "103 StatusNotification cp->cs none",
                         "102 - cp->cs CALLRESULT", "104 Heartbeat cp->cs CALLRESULT"])
        let orphan = try #require(a.messages.first { $0.uniqueId == "102" })
        #expect(orphan.issues.map(\.kind) == [.answerWithoutCall])
        #expect(orphan.direction == .centralToCharger)
        let lone = try #require(a.messages.first { $0.uniqueId == "103" })
        #expect(lone.issues.map(\.kind) == [.unanswered])
        // Bare logs borrow times from stamped lines: no latency is claimed.
        #expect(a.exchanges.allSatisfy { $0.latencyMs == nil })
        #expect(a.messages.allSatisfy { $0.connection.channel == .frames })
    }

    @Test("reused ids pair first-in first-out; a second answer is flagged")
    func reusedIds() throws {
        let log = #"""
        [2021-11-10 10:00:00:000] [2,"102","FirmwareStatusNotification",{"status":"Downloaded"}]
        [2021-11-10 10:00:01:000] [2,"102","FirmwareStatusNotification",{"status":"Installed"}]
        [2021-11-10 10:00:02:000] receive data: [3,"102",{}]
        [2021-11-10 10:00:03:000] receive data: [3,"102",{}]
        [2021-11-10 10:00:04:000] receive data: [3,"102",{}]
        """#
        let b = try TempBundle(["fw.log": log + "\n"])
        defer { b.remove() }
        let a = try b.analysis()
        let m = Array(a.messages)
        #expect(m.count == 5)
        #expect(m[1].issues.map(\.kind) == [.reusedId])
        #expect(a.counterpart(of: m[0].ref) == m[2].ref)
        #expect(a.counterpart(of: m[1].ref) == m[3].ref)
        #expect(a.exchanges.map { $0.latencyMs } == [2000, 2000, nil])
        #expect(m[4].issues.first?.message.contains("second answer") == true)
    }

    @Test("seed 002: the Aurora code line in a module log is decoded")
    func auroraModuleLog() throws {
        let log = """
        718  2023-11-30T00:00:49+0000 [comproc] icomCode = 4,index=3
        719 2023-11-30T00:00:49+0000 [comproc] pwrCom error Code :4,8,9
        720 2023-11-30T00:00:49+0000 [comproc] ocpp error Code :14,2097672
        721 2023-11-30T00:00:49+0000 [ocpp] <=Dbus:FF 6A A6 61 D9 00 04 [00 01] B8 95
        """
        let b = try TempBundle(["aurora/charger.log": log + "\n"])
        defer { b.remove() }
        let a = try b.analysis()
        #expect(a.index.files.first?.stream == .module)
        #expect(a.codeEvents.map(\.summary) == [#"UnderVoltage (14); vendor 0x200208 SR_UNDERVOL "Under voltage""#])
        #expect(a.messages.isEmpty)
    }

    @Test("fault log names decoded with their connector")
    func faultLog() throws {
        let log = """
        [January/10 06:20:31.486 UTC]2024/January/10 06:20:31.485
        [January/10 06:20:31.486 UTC]

        [January/10 06:21:06.873 UTC]CCU1->Err_Connector1_Cp_StateE_Alarm
        [January/10 06:21:06.873 UTC]CCU1->Err_Connector1_TCU_Config_Fault
        """
        let b = try TempBundle(["2168Vfault/A23C2706768Vfault.log": log + "\n"])
        defer { b.remove() }
        let a = try b.analysis()
        #expect(a.codeEvents.map(\.summary) == ["CCU1, connector 1, CP state E alarm (Err_Connector1_Cp_StateE_Alarm)",
                                              "CCU1, connector 1, TCU config fault (Err_Connector1_TCU_Config_Fault)"])
        #expect(a.codeEvents.allSatisfy { $0.connector == 1 })
    }

    @Test("broken frames stay in the message list, flagged")
    func brokenKept() throws {
        let log = #"""
        2024-04-27 12:38:33.254 +0000 INFO WebSocketTransmitter - Sending: [2,"8b351ba1-3e3d-4d45-97e7-34671d93040f","StopTransaction",{"idTag":"046679FA246C80","meterStop":10747765,"transactionData":[{"sampledValue":[{"form
        2024-04-27 12:38:33.865 +0000 INFO WebSocketTransmitter - Received: [3,"8b351ba1-3e3d-4d45-97e7-34671d93040f",{"idTagInfo":{"status":"Accepted"}}]
        """#
        let b = try TempBundle(["2168Vocpp/A23C2706768Vocpp.log": log + "\n"])
        defer { b.remove() }
        let a = try b.analysis()
        let m = Array(a.messages)
        #expect(m.count == 2)
        #expect(m[0].isBroken)
        #expect(m[0].issues.first?.kind == .brokenFrame)
        #expect(m[0].action == "StopTransaction")
        #expect(m[0].payload == .null)
        // Its answer still pairs with it by id.
        #expect(a.counterpart(of: m[1].ref) == m[0].ref)
        #expect(m[1].action == "StopTransaction")
        // Nothing can be built from the broken stop.
        #expect(a.transactions.isEmpty)
    }
}
