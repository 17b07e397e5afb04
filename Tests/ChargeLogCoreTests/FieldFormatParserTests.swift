import Testing
@testable import ChargeLogCore
import TestSupport

/// The field formats' parsers on excerpts. Lines come byte for byte from the real logs of
/// `../shared/real-logs/` (read from the files by line number, or copied) or from public samples named
/// in each test; expected times and levels are read off the lines by hand. Times are the lines' own
/// (local where the log is local): shifting them to UTC is the clock inference's job, not the parser's.
@Suite struct FieldFormatParserTests {
    func lines(_ file: String, _ numbers: [Int]) throws -> [String] {
        try numbers.map { try RealLogs.line(file, $0) }
    }

    @Test func pythonBasicLinesHaveLevelsNoTimeAndKeepTracebacks() throws {
        // gresgying_central.txt lines 1, 4, 12, 33-41 (uvicorn, logger lines, an ERROR and its chained traceback).
        let v = classify(PythonBasicFormat.self, try lines("gresgying_central.txt", [1, 4, 12, 33, 34, 35, 38, 39, 40, 41, 42]))
        #expect(v[0] == LineVerdict(kind: .untimed, level: .info))   // INFO:     Started server process [10152]
        #expect(v[1] == LineVerdict(kind: .untimed, level: .info))   // INFO:websockets.server:server listening on 0.0.0.0:9000
        #expect(v[2] == LineVerdict(kind: .untimed, level: .warn))   // WARNING:root:Timeout fetching GetConfiguration; …
        #expect(v[3] == LineVerdict(kind: .untimed, level: .error))  // ERROR:ocpp:Error while handling request …
        // Traceback, its frames, `KeyError: 'DataTransfer'`, the blank lines and the second traceback.
        #expect(v[4...].allSatisfy { $0.kind == .continuation })
    }

    @Test func pythonBasicNearMissLowerCaseLevelIsNotARecord() {
        let v = classify(PythonBasicFormat.self, ["info:root:lower case is text", "KeyError: 'DataTransfer'"])
        #expect(v.allSatisfy { $0.kind == .continuation })
    }

    @Test func uvicornLines() throws {
        // gresgying_central.txt lines 2 and 6: uvicorn's own lines in the same app's log.
        let v = classify(UvicornFormat.self, try lines("gresgying_central.txt", [2, 6]) + ["  File \"x.py\", line 1"])
        #expect(v[0] == LineVerdict(kind: .untimed, level: .info))
        #expect(v[1] == LineVerdict(kind: .untimed, level: .info))
        #expect(v[2].kind == .continuation)
        let only = try lines("gresgying_central.txt", [1, 2, 3, 6]).map { Array($0.utf8)[...] }
        #expect(UvicornFormat.score(only) == 8 && PythonBasicFormat.score(only) == 4)
    }

    @Test func pythonLoggingStampNameLevel() throws {
        // client_ocpp_sim_201.log lines 1, 2 and 117 (a WARNING).
        let v = classify(PythonLoggingFormat.self, try lines("client_ocpp_sim_201.log", [1, 2, 117]) + ["Traceback (most recent call last):"])
        #expect(v[0] == .start(ms("2025-10-03T13:09:13.380Z"), level: .info))   // 2025-10-03 13:09:13,380 - ocpp - INFO - 1: send […]
        #expect(v[1] == .start(ms("2025-10-03T13:09:13.631Z"), level: .info))
        #expect(v[2] == .start(ms("2025-10-03T13:17:44.680Z"), level: .warn))   // 2025-10-03 13:17:44,680 - ocpp - WARNING - …
        #expect(v[3].kind == .continuation)
    }

    @Test func homeAssistantStampLevelThreadLogger() throws {
        // ha_ocpp_carfeeder.log lines 1, 19, 20, 355, 409, 212, 213.
        let v = classify(HomeAssistantFormat.self, try lines("ha_ocpp_carfeeder.log", [1, 19, 20, 355, 409, 212, 213]))
        #expect(v[0] == .start(ms("2026-02-16T18:06:42.035Z"), level: .warn))   // … WARNING (SyncWorker_0) [homeassistant.loader] …
        #expect(v[1] == .start(ms("2026-02-16T18:06:42.842Z"), level: .info))   // … INFO (MainThread) [homeassistant.bootstrap] Setting up stage labs …
        #expect(v[2].kind == .continuation)                                       // Dependencies: {}; already set up: {}
        #expect(v[3] == .start(ms("2026-02-16T18:06:44.879Z"), level: .error))  // … ERROR (MainThread) [custom_components.pyscript…]
        #expect(v[4] == .start(ms("2026-02-16T18:06:46.507Z"), level: .info))   // … receive message [2,…"StatusNotification"…]
        #expect(v[5].kind == .continuation && v[6].kind == .continuation)        // For developers, … / Traceback (most recent call last):
    }

    @Test func homeAssistantNearMissProxyLineScoresNothing() {
        // The Sungrow proxy's shape (seed 000): stamp with zone, level, class, no thread in parentheses.
        let proxy = ["2024-05-01 14:42:14.595 +0000 INFO PipeSession - [From charging station]: 1=Heartbeat={}"].map { Array($0.utf8)[...] }
        #expect(HomeAssistantFormat.score(proxy) == 0 && PythonLoggingFormat.score(proxy) == 0 && JavaLogFormat.score(proxy) == 0)
    }

    @Test func javaThreadLevelLogger() {
        // Spring Boot / logback startup lines as quoted in public READMEs (code search), and a stack trace.
        let v = classify(JavaLogFormat.self, [
            "2021-03-19 13:45:54.129 [main] INFO  org.apache.coyote.http11.Http11NioProtocol - Starting ProtocolHandler [\"http-nio-8081\"]",
            "2025-11-12 23:32:04.380 [main] INFO  o.s.b.w.e.tomcat.TomcatWebServer - Tomcat initialized with port 5000 (http)",
            "2024-01-05 10:00:00,123 ERROR [ws-1] c.e.ocpp.Session - closed",
            "\tat com.example.ocpp.Session.close(Session.java:42)",
            "Caused by: java.io.EOFException",
            "2024-01-05 10:00:01.500  WARN 4242 --- [main] c.e.ocpp.App : slow start",
        ])
        #expect(v[0] == .start(ms("2021-03-19T13:45:54.129Z"), level: .info))
        #expect(v[1] == .start(ms("2025-11-12T23:32:04.380Z"), level: .info))
        #expect(v[2] == .start(ms("2024-01-05T10:00:00.123Z"), level: .error))
        #expect(v[3].kind == .continuation && v[4].kind == .continuation)
        #expect(v[5] == .start(ms("2024-01-05T10:00:01.500Z"), level: .warn))
    }

    @Test func syslogYearlessWithTagAndPriority() {
        // A Wallbox charger's syslog line, as quoted in a public Go test of Wallbox log parsing (code search).
        let wallbox = "Nov 23 22:49:54 WB225619 ocppwallbox[13222]: OCPP_STACK|2025-11-23|22:49:54.647|INFO |13222|WebSocketJsonClient.cpp|63|dropMessages::Sending Request to CS:[2,\"1115475570\",\"StatusNotification\",{\"info\": \"\",\"vendorId\": \"com.wallbox\",\"vendorErrorCode\": \"\",\"connectorId\": 1,\"errorCode\": \"NoError\",\"status\": \"Available\",\"timestamp\": \"2025-11-23T22:49:54Z\"}]"
        let v = classify(SyslogFormat.self, [
            wallbox,
            "Jan  5 09:00:01 cp kernel: usb 1-1: new device",
            "<11>Jan  5 09:00:02 cp ocppd[7]: connection refused",
            "2024-01-05T10:00:00.123456+01:00 cp ocppd[7]: error: handshake failed",
            "    continued text",
        ])
        #expect(v[0].kind == .start && v[0].yearless && CivilTime.iso8601(v[0].time) == "2000-11-23T22:49:54.000Z")
        #expect(v[1].yearless && CivilTime.iso8601(v[1].time) == "2000-01-05T09:00:01.000Z")
        #expect(v[2].level == .error)   // <11>: facility 1, severity 3 (err)
        #expect(v[3] == .start(ms("2024-01-05T09:00:00.123Z"), level: .error))
        #expect(v[4].kind == .continuation)
        #expect(SyslogFormat.score([Array("Apr/30 20:02:13 UTC --  OCPP_Connection_Fail".utf8)[...]]) == 0)
    }

    @Test func timeOfDayDatedByItsHeaderAndRollingOverMidnight() {
        // The shape issue 9 names: `[12:24:30:733] …` under `Test Start Time : 21-08-2024 12:24:30`.
        let v = classify(TimeOfDayFormat.self, [
            "Test Start Time : 21-08-2024 12:24:30",
            "[12:24:30:733] Send: [2,\"1\",\"BootNotification\",{}]",
            "  wrapped",
            "[23:59:59:900] Received: [3,\"1\",{}]",
            "[00:00:01:100] ERROR timeout",
        ])
        #expect(v[0] == .start(ms("2024-08-21T12:24:30Z"), flags: .header))
        #expect(v[1] == .start(ms("2024-08-21T12:24:30.733Z")))
        #expect(v[2].kind == .continuation)
        #expect(v[3].time == ms("2024-08-21T23:59:59.900Z"))
        #expect(v[4] == .start(ms("2024-08-22T00:00:01.100Z"), level: .error))
    }

    @Test func timeOfDayWithoutHeaderSaysSo() {
        // logback's default pattern (time of day only), as quoted in a public README (code search).
        let v = classify(TimeOfDayFormat.self, [
            "08:37:47.979 [main] INFO  o.a.coyote.http11.Http11NioProtocol - Starting ProtocolHandler [\"http-nio-8080\"]",
            "15:14:13.880 [main] ERROR o.s.boot.SpringApplication - Application run failed",
        ])
        #expect(v[0].timeOfDayOnly && v[0].time == 8 * 3_600_000 + 37 * 60_000 + 47_979 && v[0].level == .info)
        #expect(v[1].timeOfDayOnly && v[1].level == .error)
    }

    @Test func jsonLinesTimeLevelAndNoTime() {
        // cgiacomini/OCPP_GW README: the charge station script's JSON log lines.
        let v = classify(JSONLinesFormat.self, [
            #"{"timestamp": "2024-06-13T15:06:50.054303", "level": "INFO", "message": "CP_1: send [2,\"bddb4be5-592e-449e-a746-069f5b3e9551\",\"BootNotification\",{\"chargingStation\":{\"model\":\"Wallbox 123\",\"vendorName\":\"anewone\"},\"reason\":\"PowerUp\"}]"}"#,
            #"{"timestamp": "2024-06-13T15:06:51.117960", "level": "INFO", "message": "Connected to central system."}"#,
            #"{"level":50,"time":1704448800123,"msg":"pino: socket closed"}"#,
            #"{"ts": 1704448800.5, "lvl": "warning", "log": "epoch seconds"}"#,
            #"{"message": "no time here"}"#,
            "not json at all",
        ])
        #expect(v[0] == .start(ms("2024-06-13T15:06:50.054Z"), level: .info))
        #expect(v[1] == .start(ms("2024-06-13T15:06:51.117Z"), level: .info))
        #expect(v[2] == .start(ms("2024-01-05T10:00:00.123Z"), level: .error))
        #expect(v[3] == .start(ms("2024-01-05T10:00:00.500Z"), level: .warn))
        #expect(v[4].kind == .untimed && !v[4].flags.contains(.unparsed))
        #expect(v[5] == .unparsed)
    }

    @Test func ocppTraceRecords() {
        // open-ocpp-trace/specification fixtures/normal-session/trace.jsonl, first two records.
        let v = classify(OCPPTraceFormat.self, Self.traceLines)
        #expect(v[0] == .start(ms("2024-01-15T10:00:00.000Z")))
        #expect(v[1] == .start(ms("2024-01-15T10:00:00.500Z")))
        let sample = Self.traceLines.map { Array($0.utf8)[...] }
        #expect(OCPPTraceFormat.score(sample) > JSONLinesFormat.score(sample))
    }

    static let traceLines = [
        #"{"schemaVersion":"1.1","timestamp":"2024-01-15T10:00:00.000Z","ocppVersion":"1.6","transport":"json","chargePointId":"CS-SYNTHETIC-001","direction":"cp-to-csms","messageType":"CALL","messageId":"msg-001","action":"BootNotification","payload":{"chargePointVendor":"SyntheticVendor","chargePointModel":"SM-100","chargePointSerialNumber":"CS-SYNTHETIC-001","firmwareVersion":"1.0.0"},"raw":"[2,\"msg-001\",\"BootNotification\",{\"chargePointVendor\":\"SyntheticVendor\",\"chargePointModel\":\"SM-100\",\"chargePointSerialNumber\":\"CS-SYNTHETIC-001\",\"firmwareVersion\":\"1.0.0\"}]"}"#,
        #"{"schemaVersion":"1.1","timestamp":"2024-01-15T10:00:00.500Z","ocppVersion":"1.6","transport":"json","chargePointId":"CS-SYNTHETIC-001","direction":"csms-to-cp","messageType":"CALLRESULT","messageId":"msg-001","payload":{"currentTime":"2024-01-15T10:00:00.500Z","interval":300,"status":"Accepted"},"raw":"[3,\"msg-001\",{\"currentTime\":\"2024-01-15T10:00:00.500Z\",\"interval\":300,\"status\":\"Accepted\"}]"}"#,
    ]

    /// Anmirazik/Open-Source-Ev-charger-End-to-End-Solution README: EVerest's OCPP message log
    /// (trailing spaces as there).
    static let everestLines = [
        "2023-12-07T04:03:32.454Z: SYS> Connected ",
        "",
        "",
        "2023-12-07T04:03:32.455Z: ChargePoint>CentralSystem BootNotification ",
        "[",
        "  2,",
        "  \"7e348825-d154-4b38-a5ba-c3624b8ea09f\",",
        "  \"BootNotification\",",
        "  {",
        "    \"chargeBoxSerialNumber\": \"cp001\",",
        "    \"chargePointModel\": \"Yeti\",",
        "    \"chargePointVendor\": \"Pionix\",",
        "    \"firmwareVersion\": \"0.1\"",
        "  }",
        "]",
        "",
        "2023-12-07T04:03:32.467Z: CentralSystem>ChargePoint  BootNotificationResponse",
        "[",
        "  3,",
        "  \"7e348825-d154-4b38-a5ba-c3624b8ea09f\",",
        "  {",
        "    \"currentTime\": \"2023-12-07T04:03:32.459Z\",",
        "    \"interval\": 14400,",
        "    \"status\": \"Accepted\"",
        "  }",
        "]",
        "",
    ]

    @Test func everestHeaderStartsARecordTheFrameContinuesIt() {
        let v = classify(EVerestMessageFormat.self, Self.everestLines)
        #expect(v[0] == .start(ms("2023-12-07T04:03:32.454Z")))
        #expect(v[1].kind == .continuation && v[2].kind == .continuation)
        #expect(v[3] == .start(ms("2023-12-07T04:03:32.455Z")))
        #expect(v[4...15].allSatisfy { $0.kind == .continuation })
        #expect(v[16] == .start(ms("2023-12-07T04:03:32.467Z")))
        #expect(v[17...].allSatisfy { $0.kind == .continuation })
        // The shown text drops the blank lines that close a record.
        let text = EVerestMessageFormat.recordText(Self.everestLines[16...26].map { Array($0.utf8)[...] })
        #expect(String(decoding: text, as: UTF8.self).hasSuffix("  }\n]"))
    }
}

/// Level names as the formats read them (the proxy's, the generic format's, the field formats').
@Suite struct LevelNameTests {
    @Test func logLevelParseReadsTheNamesInAnyCaseAndNothingElse() {
        let names: [(String, LogLevel)] = [("TRACE", .trace), ("verbose", .trace), ("Debug", .debug), ("DBG", .debug),
            ("INFO", .info), ("notice", .info), ("WARN", .warn), ("WARNING", .warn), ("error", .error), ("ERR", .error),
            ("SEVERE", .error), ("CRIT", .error), ("CRITICAL", .error), ("FATAL", .fatal), ("panic", .fatal)]
        for (word, level) in names { #expect(LogLevel.parse(Array(word.utf8)) == level, "\(word)") }
        for miss in ["", "INF", "INFOS", "WARNINGS", "[INFO]", "\u{0}INFO", "INFO\u{0}", "ÉRROR"] {
            #expect(LogLevel.parse(Array(miss.utf8)) == .none, "\(miss)")
        }
        // Only the first eight bytes count, as before: a ninth letter after CRITICAL is not looked at.
        #expect(LogLevel.parse(Array("CRITICALX".utf8)) == .error)
    }

    @Test func levelWordNeedsAWholeWord() {
        func word(_ s: String) -> LogLevel? { LevelWord.parse(Array(s.utf8), at: 0)?.level }
        #expect(word("WARNING - x") == .warn && word("info:") == .info && word("error]") == .error)
        #expect(word("INFORMATION") == nil && word("errors") == nil && word("CRITICALX") == nil && word("") == nil)
        #expect(LevelWord.parseUpper(Array("info".utf8), at: 0) == nil)
    }
}
