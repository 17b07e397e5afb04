import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// Each field log opens in its own format, by content; the seed formats keep their files.
@Suite struct FieldFormatDetectionTests {
    func detect(_ lines: [String], name: String = "x.log") -> FormatDetector.Detection {
        FormatDetector.detect(sample: Array(lines.joined(separator: "\n").utf8), nameHint: name)
    }

    /// The first 64 KiB of a real log, as the indexer samples it.
    func detectReal(_ name: String) throws -> FormatDetector.Detection {
        FormatDetector.detect(sample: Array(try RealLogs.bytes(name).prefix(64 * 1024)), nameHint: name)
    }

    @Test func eachRealLogPicksItsFormat() throws {
        #expect(try detectReal("gresgying_central.txt").stream == .pybasic)
        #expect(try detectReal("ha_ocpp_carfeeder.log").stream == .homeassistant)
        #expect(try detectReal("client_ocpp_sim_201.log").stream == .python)
    }

    @Test func realLogsIndexWithTheirLevels() throws {
        // Counted by hand with grep on the files: 22 ERROR and 17 WARNING lines in the Home Assistant log;
        // 790 WARNING lines in the simulator's log.
        let bundle = try BundleLoader.load(paths: [try RealLogs.url("ha_ocpp_carfeeder.log").path,
                                                   try RealLogs.url("client_ocpp_sim_201.log").path])
        let index = Indexer.build(bundle, options: IndexOptions(threads: 1))
        func count(_ file: String, _ level: LogLevel) -> Int {
            guard let f = index.file(named: file) else { return -1 }
            return (0..<f.recordCount).filter { f.index.level($0) == level }.count
        }
        #expect(count("ha_ocpp_carfeeder.log", .error) == 22)
        #expect(count("ha_ocpp_carfeeder.log", .warn) == 17)
        #expect(count("client_ocpp_sim_201.log", .warn) == 790)
        #expect(count("client_ocpp_sim_201.log", .info) == 5519)
    }

    @Test func eachFieldShapeIsRecognised() {
        #expect(detect(["Jan  5 10:00:00 cp ocppd[123]: connected", "Jan  5 10:00:01 cp ocppd[123]: Heartbeat"]).stream == .syslog)
        #expect(detect(["2024-01-05 10:00:00,123 [main] INFO  com.example.Ocpp - started", "\tat x.y(Z.java:1)"]).stream == .java)
        #expect(detect(["INFO:     Started server process [1]", "INFO:     Waiting for application startup."]).stream == .uvicorn)
        #expect(detect(["Test Start Time : 21-08-2024 12:24:30", "[12:24:30:733] Send: [2,\"1\",\"Heartbeat\",{}]"]).stream == .timeofday)
        #expect(detect([#"{"timestamp": "2024-06-13T14:57:02.879302", "level": "INFO", "message": "CSMS Started ..."}"#]).stream == .jsonl)
        #expect(detect(FieldFormatParserTests.traceLines).stream == .trace)
        #expect(detect(FieldFormatParserTests.everestLines).stream == .everest)
    }

    @Test func seedShapesAreNotStolen() {
        // The seed lines of FormatDetectionTests, again: the new formats score nothing on them.
        #expect(detect(["Apr/30 20:02:13 UTC --  OCPP_Connection_Restore"]).stream == .mainprocess)
        #expect(detect(["2024-04-27 12:41:12.903 +0000 INFO PipeSession - Pipe Ready"]).stream == .ocpp)
        #expect(detect(["//心跳", "[2,\"104\",\"Heartbeat\",{}] (47 bytes) ", "[2021-11-09 15:54:38:613] Socket Connect Server Successful"]).stream == .frames)
        #expect(detect(["704 2023-11-30T00:00:42+0000 [ocpp] availabilitySrc = 0x01,0x01"]).stream == .module)
        #expect(detect(["[2025-08-22T02:50:56.688Z] connected", "  detail"]).stream == .generic)
        #expect(detect(["Datetime,Action,Charger ID,Connector ID", "2024-11-26T10:03:49Z,StatusNotification,Charger 5,1"]).stream == .csv)
    }

    @Test func ansiColouredLinesAreDetectedAndParsedWithoutTheirCodes() {
        // The shape issue 9 quotes: `\x1b[94m2025-09-02 22:53:09,498 - …`, colour reset at the end.
        let lines = [
            "\u{1b}[94m2025-09-02 22:53:09,498 - ocpp - INFO - CP_1: send [2,\"42\",\"Heartbeat\",{}]\u{1b}[0m",
            "\u{1b}[93m2025-09-02 22:53:10,002 - ocpp - WARNING - slow answer\u{1b}[0m",
        ]
        let d = detect(lines)
        #expect(d.stream == .python && d.ansi)
        var p = ANSIStripped<PythonLoggingFormat>()
        let v = lines.map { l in Array(l.utf8).withUnsafeBufferPointer { p.classify($0) } }
        #expect(v[0] == .start(ms("2025-09-02T22:53:09.498Z"), level: .info))
        #expect(v[1] == .start(ms("2025-09-02T22:53:10.002Z"), level: .warn))
        // Uvicorn colours only its level word.
        #expect(detect(["\u{1b}[32mINFO\u{1b}[0m:     Started server process [1]", "\u{1b}[32mINFO\u{1b}[0m:     Application startup complete."]).stream == .uvicorn)
    }
}
