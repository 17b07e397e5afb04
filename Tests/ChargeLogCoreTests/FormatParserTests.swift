import Testing
@testable import ChargeLogCore

/// Each parser on lines taken from the seeds.
@Suite struct FormatParserTests {
    @Test func mainProcessStampWithoutYear() {
        let v = classify(MainProcessFormat.self, [
            "Apr/30 20:02:13 UTC --  OCPP_Connection_Fail",
            "May/01 14:41:18 UTC --  Front connector choose authorize: \"Rfid_Authorize\"",
            "garbage without a stamp",
        ])
        #expect(v[0].kind == .start && v[0].yearless)
        #expect(CivilTime.iso8601(v[0].time) == "2000-04-30T20:02:13.000Z")
        #expect(CivilTime.iso8601(v[1].time) == "2000-05-01T14:41:18.000Z")
        #expect(v[2] == .unparsed)
    }

    @Test func proxyLineLevelAndStackTrace() {
        let v = classify(OCPPProxyFormat.self, [
            "2024-05-01 14:42:14.595 +0000 INFO PipeSession - [From charging station]: 060349123358459bad89d758458796ef=StartTransaction={    \"connectorId\": 1}",
            "2024-04-24 00:03:44.495 +0000 WARN PipeEventHandlerImpl - HandleStopTransaction ExecutionException",
            "\tat com.Sungrow.ocpp.Pipe.handle(Pipe.java:42)",
            "2024-04-27 12:58:59.094 +0000 INFO RequestQueue - Queue size: 0, Store time: 998.3 ?s, UUID: 8adc9fea",
        ])
        #expect(v[0].time == ms("2024-05-01T14:42:14.595Z") && v[0].level == .info && !v[0].yearless)
        #expect(v[1].level == .warn)
        #expect(v[2].kind == .continuation)
        #expect(v[3].kind == .start)
    }

    @Test func ccuSplitRecordIsRejoined() {
        let lines = [
            "[April/28 08:48:46.384 UTC][D00 23:20:20.624] Init_ev_buffer_array",
            "[April/28 08:48:46.384 UTC][D00 23:",
            "[April/28 08:48:46.385 UTC]20:20.624] SLAC INDICATOR PARALLEL -- ISR:0 init",
            "[April/28 08:48:46.386 UTC][D00 23:20:20.700] next",
        ]
        let v = classify(CCUFormat.self, lines)
        #expect(v.map(\.kind) == [.start, .start, .continuation, .start])
        let text = CCUFormat.recordText([Array(lines[1].utf8)[...], Array(lines[2].utf8)[...]])
        #expect(String(decoding: text, as: UTF8.self)
                == "[April/28 08:48:46.384 UTC][D00 23:20:20.624] SLAC INDICATOR PARALLEL -- ISR:0 init")
    }

    @Test func faultHeaderCarriesTheYear() {
        let v = classify(FaultFormat.self, [
            "[January/10 06:20:31.486 UTC]2024/January/10 06:20:31.485",
            "[January/10 06:20:31.486 UTC]",
            "",
            "[January/10 06:21:06.873 UTC]CCU1->Err_Connector1_Cp_StateE_Alarm",
        ])
        #expect(v[0].anchorYear == 2024 && v[0].flags.contains(.header))
        #expect(v[1].kind == .start && v[1].anchorYear == 0)
        #expect(v[2].kind == .untimed && !v[2].flags.contains(.unparsed))
        #expect(CivilTime.iso8601(v[3].time) == "2000-01-10T06:21:06.873Z")
    }

    @Test func framesPrefixLabelsAndWrappedFrames() {
        let v = classify(FramesFormat.self, [
            "//远程启动",
            "[2,\"2021119162036620\",\"RemoteStartTransaction\",{\"connectorId\":1,\"idTag\":\"13714319313\",\"chargingProfile\":{\"chargingProfileId\":1,",
            "\"transactionId\":701,\"stackLevel\":1,\"chargingProfilePurpose\":\"TxProfile\",\"chargingProfileKind\":\"Recurring\",\"chargingSchedule\":",
            "{\"duration\":0,\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":1,\"limit\":32.0,\"numberPhases\":3}]}}}]",
            "[3,\"2021119162036620\",{\"status\":\"Accepted\"}]",
            "[2021-11-09 15:58:40:440] receive data: ?[3,\"105\",{}]",
            "[2,\"104\",\"Heartbeat\",{}] (47 bytes) ",
        ])
        #expect(v.map(\.kind) == [.untimed, .untimed, .continuation, .continuation, .untimed, .start, .untimed])
        #expect(v[5].time == ms("2021-11-09T15:58:40.440Z"))
    }

    @Test func framesTruncatedFrameDoesNotSwallowTheNextFrame() {
        // Seed 004: a ChangeConfiguration frame cut short, then its answer on the next line.
        let v = classify(FramesFormat.self, [
            "[2,\"20211191617369433\",\"ChangeConfiguration\",{\"key\":\"config\",\"value\":\"[{\\\"key\\\":\\\"Rate_Price1\\\",\\\"value\\\":\\\"1.50",
            "[3,\"20211191617369433\",{\"status\":\"Accepted\"}]",
        ])
        #expect(v.map(\.kind) == [.untimed, .untimed])
    }

    @Test func moduleLinesAndOCRNoise() {
        let v = classify(ModuleFormat.self, [
            "704 2023-11-30T00:00:42+0000 [ocpp] availabilitySrc = 0x01,0x01",
            "711  2023-11-30T00:00:47+0000 [ocpp] <=Dbus:FF 21] 31 30",
            "726 2023-11-30100:00:49+0000 [of Need to convertitto HEX |, (o, {list",
            "[comproc) ocpp error Code :14,2097672",
        ])
        #expect(v[0].time == ms("2023-11-30T00:00:42Z"))
        #expect(v[1].kind == .start)
        #expect(v[2] == .unparsed && v[3] == .unparsed)
    }

    @Test func chargePilotCSVHeaderRowsAndQuotedBreaks() {
        let v = classify(ChargePilotCSVFormat.self, [
            "Datetime,Action,Charger ID,Connector ID,Request Vendor Error Code",
            "2024-11-26T10:03:49Z,StatusNotification,Charger 5,1,CHARGER_DOOR_OPEN",
            "2024-11-26T10:04:00Z,DataTransfer,Charger 5,1,\"two",
            "lines\"",
        ])
        #expect(v[0].flags.contains(.header) && v[0].kind == .untimed)
        #expect(v[1].time == ms("2024-11-26T10:03:49Z"))
        #expect(v[2].kind == .start && v[3].kind == .continuation)
    }

    @Test func genericBracketedISOWithContinuations() {
        let v = classify(GenericISOFormat.self, [
            "[2025-08-22T02:50:56.688Z] ERROR websocket closed",
            "  at reconnect()",
            "2025-08-22 02:50:57,100 INFO reconnected",
        ])
        #expect(v[0].time == ms("2025-08-22T02:50:56.688Z") && v[0].level == .error)
        #expect(v[1].kind == .continuation)
        #expect(v[2].level == .info && v[2].time == ms("2025-08-22T02:50:57.100Z"))
    }
}
