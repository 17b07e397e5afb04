import Testing
@testable import ChargeLogUI
import TestSupport

@Suite struct OCPPMessageTextTests {
    static func line(_ s: String, containing: String) -> String {
        s.split(separator: "\n").first { $0.contains(containing) }.map(String.init)!
    }

    @Test func pipeRequestFromTheChargingStation() throws {
        let m = try #require(OCPPMessageText.parse(Self.line(SeedBundles.proxyTx667, containing: "=StartTransaction="), stream: .ocpp))
        #expect(m.hop == .pipe && m.kind == .call && m.direction == .toCentral)
        #expect(m.uniqueId == "060349123358459bad89d758458796ef" && m.action == "StartTransaction")
        #expect(m.payload?["meterStart"] == .number("7854588"))
        #expect(OCPPSummaryText.summary(m).line == "→ StartTransaction conn 1 idTag 201ACCBF meterStart 7854588 (pipe)")
    }

    @Test func pipeResponseToTheChargingStation() throws {
        let m = try #require(OCPPMessageText.parse(Self.line(SeedBundles.proxyTx667, containing: "StartTransactionResponse"), stream: .ocpp))
        #expect(m.kind == .result && m.action == "StartTransaction" && m.direction == .toChargePoint)
        #expect(OCPPSummaryText.summary(m).line == "← StartTransaction.conf conn 1 tx 667 Accepted (pipe)")
    }

    @Test func webSocketCallAndBareResult() throws {
        let call = try #require(OCPPMessageText.parse(Self.line(SeedBundles.proxyTx667, containing: "Sending: [2,"), stream: .ocpp))
        #expect(call.hop == .websocket && call.direction == .toCentral && call.uniqueId == "db8df750-e2e2-409d-90f6-c746feacae89")
        #expect(OCPPSummaryText.summary(call).line == "→ StartTransaction conn 1 idTag 201ACCBF meterStart 7854588")
        let result = try #require(OCPPMessageText.parse(Self.line(SeedBundles.proxyTx667, containing: "Received: [3,"), stream: .ocpp))
        #expect(result.kind == .result && result.action == nil && result.direction == .toChargePoint)
        #expect(OCPPSummaryText.summary(result).line == "← CALLRESULT tx 667 Accepted")
        #expect(OCPPSummaryText.summary(result, resolvedAction: "StartTransaction").line == "← StartTransaction.conf tx 667 Accepted")
    }

    @Test func truncatedCallErrorStillNamesItsCode() throws {
        let line = Self.line(SeedBundles.proxyCallError, containing: "[4,")
        let m = try #require(OCPPMessageText.parse(line, stream: .ocpp))
        #expect(m.kind == .error && m.errorCode == "InternalError")
        #expect(m.errorDescription == "An internal error occured while stopping a charging session for the transaction.")
        let s = OCPPSummaryText.summary(m)
        #expect(s.line.hasPrefix("← CALLERROR InternalError \"An internal error") && s.isError)
        #expect(OCPPSummaryText.summary(m, resolvedAction: "StopTransaction").line.hasPrefix("← CALLERROR InternalError (StopTransaction) \""))
    }

    @Test func tonlyFramesWithLabelsAndStrayBytes() throws {
        let r = try #require(OCPPMessageText.parse(#"[2021-11-09 15:58:40:440] receive data: ?[3,"105",{}]"#, stream: .frames))
        #expect(r.kind == .result && r.uniqueId == "105" && r.direction == .toChargePoint)
        let hb = try #require(OCPPMessageText.parse(#"[2,"104","Heartbeat",{}] (47 bytes) "#, stream: .frames))
        #expect(hb.action == "Heartbeat" && hb.direction == .toCentral)
        let faulted = try #require(OCPPMessageText.parse(#"[2,"103","StatusNotification",{"connectorId":1,"errorCode":"ReaderFailure","status":"Faulted"}]"#, stream: .frames))
        let s = OCPPSummaryText.summary(faulted)
        #expect(s.line == "→ StatusNotification conn 1 Faulted ReaderFailure" && s.isError && s.connector == 1)
        let remote = try #require(OCPPMessageText.parse(#"[2,"20211191627106370","RemoteStopTransaction",{"transactionId":701}]"#, stream: .frames))
        #expect(remote.direction == .toChargePoint)
        #expect(OCPPMessageText.parse("//状态通知 空闲", stream: .frames) == nil)
        #expect(OCPPMessageText.parse("Apr/28 14:16:06 UTC --  this ocppin is about =  \"RemoteStartTransaction\"", stream: .mainprocess) == nil)
    }

    @Test func mainProcessLinesGiveOnlyClientConsoleFrames() throws {
        // A bare frame quoted in a MainProcess line is not a message of its own ...
        #expect(OCPPMessageText.parse(#"Apr/28 14:16:06 UTC --  got [2,"1","Heartbeat",{}]"#, stream: .mainprocess) == nil)
        #expect(OCPPMessageText.parse(#"Apr/28 14:16:06 UTC --  got [2,"1","Heartbeat",{}]"#, stream: .frames) != nil)
        // ... but another client's console line is.
        let sent = try #require(OCPPMessageText.parse(#">> message sent: [2,"7","Heartbeat",{}] color: cyan;"#, stream: .mainprocess))
        #expect(sent.action == "Heartbeat" && sent.direction == .toCentral && sent.hop == .websocket)
    }

    @Test func callErrorDetailsAndStringConnectors() throws {
        let e = try #require(OCPPMessageText.parse(#"[4,"9","InternalError","boom",{"exception":"NPE"}]"#, stream: .frames))
        #expect(e.payload?["exception"]?.stringValue == "NPE")
        let s = try #require(OCPPMessageText.parse(#"[2,"5","StatusNotification",{"connectorId":"2","errorCode":"NoError","status":"Charging"}]"#, stream: .frames))
        #expect(s.connector == 2 && OCPPSummaryText.summary(s).line == "→ StatusNotification conn 2 Charging")
    }
}

@Suite struct DetailJSONTests {
    @Test func payloadLinesKeepNumbersAsWrittenAndSayWhatTheyMean() throws {
        let frame = #"[2,"9","StopTransaction",{"meterStop":11730144,"reason":"Remote","transactionData":[{"sampledValue":[{"value":"3.48e-05"}]}]}]"#
        let m = try #require(OCPPMessageText.parse(frame, stream: .frames))
        let lines = OCPPDetail.json(m.payload, action: m.action, isAnswer: false)
        let stop = try #require(lines.first { $0.text.contains("meterStop") })
        #expect(stop.text.contains("11730144") && stop.annotation == "= 11730.144 kWh")
        let reason = try #require(lines.first { $0.text.contains("\"reason\"") })
        #expect(reason.annotation == "stopped by the back end (RemoteStop)")
        #expect(lines.contains { $0.text.contains("\"3.48e-05\"") })
        #expect(OCPPDetail.json(nil, action: nil, isAnswer: true).map(\.text) == ["(no payload)"])
    }

    @Test("a CALLERROR row carries its description; a MeterValues row its energy register as written")
    func callErrorDescriptionAndMeterRegister() throws {
        // Seed: `Received: [4,"9c5b687a-…","InternalError","An internal error occured while stopping a charging session for the transaction.",{…}]`.
        let e = try #require(OCPPMessageText.parse(OCPPMessageTextTests.line(SeedBundles.proxyCallError, containing: "Received: [4,"), stream: .ocpp))
        #expect(OCPPSummaryText.summary(e, resolvedAction: "StopTransaction").line
                == "← CALLERROR InternalError (StopTransaction) \"An internal error occured while stopping a charging session…\"")
        // (the description's first 59 characters and an ellipsis: 60 at most)
        // OCPP 1.6 MeterValues: the register without a unit is Wh (the specification's default);
        // the last energy reading counts, a SignedData value is not a reading.
        let mv = #"2024-01-15T10:00:00.000Z INFO OCPP - Sending: [2,"7","MeterValues",{"connectorId":1,"transactionId":667,"meterValue":[{"timestamp":"2024-01-15T10:00:00Z","sampledValue":[{"value":"7854588","context":"Sample.Periodic"},{"value":"11.2","measurand":"Power.Active.Import","unit":"kW"},{"value":"OCMF|{}|{}","format":"SignedData","measurand":"Energy.Active.Import.Register"}]}]}]"#
        let m = try #require(OCPPMessageText.parse(mv, stream: .ocpp))
        #expect(OCPPSummaryText.summary(m).line == "→ MeterValues conn 1 tx 667 register 7854588 Wh")
        // 2.0.1 TransactionEvent: a number value and unitOfMeasure.
        let te = #"2024-01-15T10:00:00.000Z INFO OCPP - Sending: [2,"8","TransactionEvent",{"eventType":"Updated","meterValue":[{"timestamp":"2024-01-15T10:00:00Z","sampledValue":[{"value":12.5,"measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"kWh"}}]}],"transactionInfo":{"transactionId":"a1"}}]"#
        let t = try #require(OCPPMessageText.parse(te, stream: .ocpp))
        #expect(OCPPSummaryText.summary(t).line.hasSuffix("register 12.5 kWh"))
        // Near miss: a MeterValues with only power has no register on its row.
        let power = mv.replacingOccurrences(of: #"{"value":"7854588","context":"Sample.Periodic"},"#, with: "")
            .replacingOccurrences(of: #",{"value":"OCMF|{}|{}","format":"SignedData","measurand":"Energy.Active.Import.Register"}"#, with: "")
        let p = try #require(OCPPMessageText.parse(power, stream: .ocpp))
        #expect(OCPPSummaryText.summary(p).line == "→ MeterValues conn 1 tx 667")
    }
}
