import Testing
@testable import ChargeLogCore
import TestSupport

/// Why a transaction stopped: by card, by the vehicle, at full SoC, remotely, other reasons.
@Suite struct ScenarioStopTests {
    static let stopKinds: [FindingKind] = [.stopByCard, .stopByVehicle, .stopAtFullSoC, .stopRemote, .stopOther]

    func stopKinds(_ b: DiagnosedBundle) -> [FindingKind] {
        b.findings.filter { Self.stopKinds.contains($0.kind) }.map(\.kind)
    }

    @Test func remoteStop() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.stopRemoteOCPP])
        defer { b.remove() }
        #expect(stopKinds(b) == [.stopRemote])
        let f = try #require(b.of(.stopRemote).first)
        #expect(f.transactionId == "670")
        #expect(f.connector == 2, "the connector comes from the pipe copy")
        #expect(f.explanation.contains("reason Remote"))
        #expect(b.texts(f)[0].contains(#""StopTransaction""#))
    }

    @Test func stopByTheVehicle() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.stopVehicleOCPP])
        defer { b.remove() }
        #expect(stopKinds(b) == [.stopByVehicle], "the Sungrow proxy echoes the idTag, so it does not show a card")
        let f = try #require(b.of(.stopByVehicle).first)
        #expect(f.transactionId == "601")
        #expect(f.explanation.contains("SoC 49 %"))
        #expect(CivilTime.iso8601(f.time) == "2024-04-27T12:38:33.254Z")
    }

    @Test func stopAtFullSoC() throws {
        // The notebook's "100% SOC" excerpt with the SoC it is named for.
        let lines = SeedExcerpts.stopLocalSoC58OCPP.replacing(#""value": "58""#, with: #""value": "100""#)
            .replacing(#"{"value":"58","format":"Raw","measurand":"SoC""#, with: #"{"value":"100","format":"Raw","measurand":"SoC""#)
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: lines])
        defer { b.remove() }
        #expect(stopKinds(b) == [.stopAtFullSoC])
        #expect(b.of(.stopAtFullSoC).first?.transactionId == "602")
        #expect(b.of(.stopAtFullSoC).first?.explanation.contains("SoC 100 %") == true)
    }

    @Test func soc58IsNotFull() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.stopLocalSoC58OCPP])
        defer { b.remove() }
        #expect(stopKinds(b) == [.stopByVehicle])
    }

    @Test func stopByCardPresentedAtTheCharger() throws {
        let card = [mainLine("Apr/27 12:38:10", #"Front connector choose authorize: "Rfid_Authorize""#)]
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.stopVehicleOCPP, DiagnosedBundle.mainProcess: card])
        defer { b.remove() }
        #expect(stopKinds(b) == [.stopByCard])
        let f = try #require(b.of(.stopByCard).first)
        #expect(b.texts(f).contains { $0.contains("Rfid_Authorize") })
    }

    @Test func chargerLoggedCardStop() throws {
        // SampleLogs (seed 000) MainProcess line 77: `May/01 00:00:55 UTC --  Connector 1 stop reason: Card_Stop`
        // one second before the StopTransaction of transaction 665; here for 601 on connector 2.
        let card = [mainLine("Apr/27 12:38:31", "Connector 2 stop reason: Card_Stop")]
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.stopVehicleOCPP, DiagnosedBundle.mainProcess: card])
        defer { b.remove() }
        #expect(stopKinds(b) == [.stopByCard])
        let f = try #require(b.of(.stopByCard).first)
        #expect(f.explanation.contains("the charger logged Card_Stop for connector 2"))
        #expect(b.texts(f).contains { $0.contains("stop reason: Card_Stop") })
    }

    @Test func cardStopOfAnotherConnectorOrAVehicleStopIsNotACard() throws {
        let other = [mainLine("Apr/27 12:38:31", "Connector 1 stop reason: Card_Stop"),
                     mainLine("Apr/27 12:38:31", "Connector 2 stop reason: Vehicle_Stop")]
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.stopVehicleOCPP, DiagnosedBundle.mainProcess: other])
        defer { b.remove() }
        #expect(stopKinds(b) == [.stopByVehicle])
        #expect(b.analysis.mainEvents.map(\.kind) == [.stopReason(connector: 1, reason: "Card_Stop"), .stopReason(connector: 2, reason: "Vehicle_Stop")])
    }

    @Test func cardPresentedLongBeforeTheStopIsNotTheStop() throws {
        let card = [mainLine("Apr/27 12:20:10", #"Front connector choose authorize: "Rfid_Authorize""#)]
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.stopVehicleOCPP, DiagnosedBundle.mainProcess: card])
        defer { b.remove() }
        #expect(stopKinds(b) == [.stopByVehicle])
    }

    /// Bare frames of a charger that sends an idTag in StopTransaction only when a card was presented.
    static func bareStop(idTag: String?, reason: String) -> [String] {
        let tag = idTag.map { #""idTag":"\#($0)","# } ?? ""
        return [
            #"[2021-11-09 16:20:35:100] [2,"112","StartTransaction",{"connectorId":1,"idTag":"13714319313","meterStart":0,"reservationId":0,"timestamp":"2021-11-09T16:20:35"}]"#,
            #"[2021-11-09 16:20:35:400] receive data: [3,"112",{"idTagInfo":{"status":"Accepted"},"transactionId":701}]"#,
            #"[2021-11-09 16:27:09:100] [2,"134","StopTransaction",{\#(tag)"meterStop":5200,"timestamp":"2021-11-09T16:27:09","transactionId":701,"reason":"\#(reason)"}]"#,
            #"[2021-11-09 16:27:09:300] receive data: [3,"134",{}]"#,
        ]
    }

    @Test func idTagInTheStopOfANonEchoingCharger() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.frames: Self.bareStop(idTag: "13714319313", reason: "Local")], year: nil)
        defer { b.remove() }
        #expect(stopKinds(b) == [.stopByCard])
    }

    @Test func noIdTagInTheStopIsTheVehicle() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.frames: Self.bareStop(idTag: nil, reason: "EVDisconnected")], year: nil)
        defer { b.remove() }
        #expect(stopKinds(b) == [.stopByVehicle])
    }

    @Test func otherReasons() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.frames: Self.bareStop(idTag: nil, reason: "PowerLoss")], year: nil)
        defer { b.remove() }
        #expect(stopKinds(b) == [.stopOther])
        #expect(b.of(.stopOther).first?.explanation.contains("PowerLoss") == true)
    }

    @Test func remoteStopTransactionMakesARemoteStop() throws {
        // TONLY: RemoteStopTransaction, then a StopTransaction naming no reason (the default, Local).
        let b = try DiagnosedBundle([DiagnosedBundle.frames: [SeedExcerpts.tonly]], year: nil)
        defer { b.remove() }
        #expect(stopKinds(b) == [.stopRemote])
        let f = try #require(b.of(.stopRemote).first)
        #expect(b.texts(f).contains { $0.contains("RemoteStopTransaction") })
    }
}
