import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// The OCPP version per connection: the WebSocket subprotocol the log names, else the messages'
/// shapes, else 1.6; `--ocpp-version` overrides. Expected values read from the logs named.
@Suite struct OCPPVersionInferenceTests {
    static func version(_ line: String) -> String? {
        Array(line.utf8).withUnsafeBufferPointer { SubprotocolMention.version(in: $0) }
    }

    static var sampleLogs: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SampleLogs")
    }

    static func analysis(_ path: String, _ overrides: [OCPPVersionOverride] = []) throws -> [OCPPVersionInference] {
        let a = OCPPAnalysis.build(Indexer.build(try BundleLoader.load(paths: [path]), options: IndexOptions()), threads: 1)
        return OCPPVersionInference.sorted(OCPPVersionInference.infer(a, overrides: overrides)).map(\.inference)
    }

    @Test("a line naming one subprotocol is a mention; an offer of two, a URL path or a Java package is not")
    func mentions() throws {
        // Seed 004 line 10 (the charger's handshake) and ha_ocpp_carfeeder.log line 394.
        #expect(Self.version("Sec-WebSocket-Protocol: ocpp1.6") == "1.6")
        #expect(Self.version(try RealLogs.line("ha_ocpp_carfeeder.log", 394)) == "1.6")
        #expect(Self.version("2025-01-01 10:00:00 INFO connection open, subprotocol ocpp2.0.1") == "2.0.1")
        #expect(Self.version("Sec-WebSocket-Protocol: ocpp2.1\r\n") == "2.1")
        // Near misses.
        #expect(Self.version("Sec-WebSocket-Protocol: ocpp1.6, ocpp2.0.1") == nil)          // an offer, not a choice
        #expect(Self.version("connecting to ws://192.0.2.1:9000/ocpp1.6/CP01") == nil)       // no "protocol"
        #expect(Self.version("receive data: HTTP/1.1 101 Web Socket Protocol Handshake") == nil)
        #expect(Self.version("INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) protocol ok") == nil)
    }

    @Test("SampleLogs TONLY: 1.6 from the server's Sec-WebSocket-Protocol answer, line 19")
    func tonlySubprotocol() throws {
        // tonly.log lines 10 (the charger's request) and 19 (the server's 101 answer) name ocpp1.6.
        let v = try Self.analysis(Self.sampleLogs.appendingPathComponent("TONLY-AC48A/tonly.log").path)
        #expect(v.count == 1)
        #expect(v.first?.version == "1.6" && v.first?.source == .subprotocol)
        #expect(v.first?.evidence == "Sec-WebSocket-Protocol: ocpp1.6 (line 19)")
    }

    @Test("the scan finds the mentions: TONLY read in ranges of 512 bytes on two threads still takes line 19, the last")
    func mentionsFromRanges() throws {
        // Lines 10 and 19 fall in different ranges, scanned in any order; the later line in the timeline wins.
        let path = Self.sampleLogs.appendingPathComponent("TONLY-AC48A/tonly.log").path
        let index = Indexer.build(try BundleLoader.load(paths: [path]), options: IndexOptions())
        let a = OCPPAnalysis.build(index, threads: 2, rangeBytes: 512)
        #expect(a.subprotocolMentions.map { index.files[$0.ref.file].index.lineNumber($0.ref.record) }.sorted() == [10, 19])
        let v = OCPPVersionInference.sorted(OCPPVersionInference.infer(a)).map(\.inference)
        #expect(v.first?.evidence == "Sec-WebSocket-Protocol: ocpp1.6 (line 19)")
    }

    @Test("text inside a frame's payload is the message's: a DataTransfer carrying «subprotocol ocpp2.0.1» is no mention")
    func mentionInsidePayloadIsNot() throws {
        // The line format of client_ocpp_sim_201.log; line 1 names the subprotocol, line 2 is a frame quoting another.
        let bundle = try TempBundle(["sim.log": """
            2025-10-03 13:09:12,100 - ocpp - INFO - connected, Sec-WebSocket-Protocol: ocpp1.6
            2025-10-03 13:09:13,380 - ocpp - INFO - 1: send [2,"a1","DataTransfer",{"vendorId":"x","data":"subprotocol ocpp2.0.1"}]
            2025-10-03 13:09:13,631 - ocpp - INFO - 1: receive message [3,"a1",{"status":"Accepted"}]

            """])
        defer { bundle.remove() }
        let a = OCPPAnalysis.build(try bundle.index(), threads: 1)
        #expect(a.messages.count == 2)
        #expect(a.subprotocolMentions.map(\.ref.record) == [0])
        let v = OCPPVersionInference.sorted(OCPPVersionInference.infer(a)).map(\.inference)
        #expect(v.first?.version == "1.6" && v.first?.source == .subprotocol)
    }

    @Test("ha_ocpp_carfeeder.log: 1.6 from «Websocket Subprotocol matched: ocpp1.6» (line 394)")
    func homeAssistantSubprotocol() throws {
        let v = try Self.analysis(try RealLogFile.path("ha_ocpp_carfeeder.log"))
        #expect(v.count == 1 && v.first?.version == "1.6" && v.first?.source == .subprotocol)
        #expect(v.first?.evidence == "…Websocket Subprotocol matched: ocpp1.6 (line 394)")
    }

    @Test("client_ocpp_sim_201.log names no subprotocol: 2.0.1 from its first call, a 2.0.1 BootNotification (line 1)")
    func realLog201Shapes() throws {
        // Line 1: `send [2,"fc773d18-…","BootNotification",{"chargingStation":{…}}]`; no `ocpp2.0.1` in the file.
        let v = try Self.analysis(try RealLogFile.path("client_ocpp_sim_201.log"))
        #expect(v.count == 1)
        #expect(v.first?.version == "2.0.1" && v.first?.source == .messages)
        #expect(v.first?.evidence == "BootNotification with chargingStation (line 1)")
        // summary says it, text and JSON.
        let summary = BundleSummary.build(try RealLogFile.analysis("client_ocpp_sim_201.log"))
        #expect(summary.text().contains("OCPP       2.0.1 from the messages: BootNotification with chargingStation (line 1)  [frames "))
        let versions = try JSONOracle.object(summary.json())["ocppVersions"] as? [[String: Any]]
        #expect(versions?.first?["version"] as? String == "2.0.1" && versions?.first?["source"] as? String == "messages")
    }

    @Test("a log with only calls both versions share is 1.6 by assumption, and says so")
    func fallback() throws {
        var l = FrameLog()
        l.call("08:00:00", "1", "Heartbeat", "{}", answer: #"{"currentTime":"2024-01-15T08:00:00Z"}"#)
        l.call("08:05:00", "2", "Heartbeat", "{}", answer: #"{"currentTime":"2024-01-15T08:05:00Z"}"#)
        let b = try l.bundle()
        defer { b.remove() }
        let v = OCPPVersionInference.infer(b.analysis)
        #expect(v.count == 1 && v.values.first?.source == .fallback && v.values.first?.version == "1.6")
        #expect(v.values.first?.evidence == "no call of one version only among 2 call(s)")
    }

    @Test("--ocpp-version overrides the inference, for one file or all; bad values are refused with the choices")
    func override() throws {
        let path = Self.sampleLogs.appendingPathComponent("TONLY-AC48A/tonly.log").path
        let one = try Self.analysis(path, [try OCPPVersionOverride(parsing: "tonly.log=2.0.1")])
        #expect(one.first?.version == "2.0.1" && one.first?.source == .override)
        #expect(one.first?.summary == "2.0.1, as given (--ocpp-version)")
        let other = try Self.analysis(path, [try OCPPVersionOverride(parsing: "other.log=2.0.1")])
        #expect(other.first?.source == .subprotocol)
        #expect(try OCPPVersionOverride(parsing: "ocpp2.1").version == "2.1")
        #expect(throws: ChargeLogError.self) { try OCPPVersionOverride(parsing: "1.7") }
        #expect(throws: ChargeLogError.self) { try OCPPVersionOverride(parsing: "=1.6") }
    }

    @Test("the trace export states the inferred version: TONLY's records are 1.6, or 2.0.1 when overridden")
    func traceUsesIt() throws {
        let path = Self.sampleLogs.appendingPathComponent("TONLY-AC48A/tonly.log").path
        let a = OCPPAnalysis.build(Indexer.build(try BundleLoader.load(paths: [path]), options: IndexOptions()), threads: 1)
        var lines: [String] = []
        OCPPTraceWriter.write(a, versions: [try OCPPVersionOverride(parsing: "2.0.1")]) { lines.append($0) }
        #expect(!lines.isEmpty && lines.allSatisfy { $0.contains(#""ocppVersion":"2.0.1""#) })
    }

    /// A 1.6 BootNotification (seed 004's TONLY boot): it fits 1.6, so no issue; pinned to 2.0.1 with
    /// `--ocpp-version`, it is checked against 2.0.1's BootNotificationRequest, which requires
    /// `chargingStation` and `reason`.
    @Test("--ocpp-version chooses the schema payloads are checked against")
    func overrideChoosesTheSchema() throws {
        let boot = #"[2,"100","BootNotification",{"chargePointVendor":"TONLY","chargePointModel":"TonlyCharger_48A"}]"#
        let bundle = try TempBundle(["frames.log": boot + "\n"])
        defer { bundle.remove() }
        let index = try bundle.index()
        func kinds(_ versions: [OCPPVersionOverride]) -> Set<String> {
            Set(OCPPAnalysis.build(index, versions: versions, threads: 1).messages.flatMap(\.issues)
                .filter { $0.kind == .missingField }.map(\.path))
        }
        #expect(kinds([]).isEmpty)
        #expect(kinds([try OCPPVersionOverride(parsing: "2.0.1")]) == ["chargingStation", "reason"])
        #expect(kinds([try OCPPVersionOverride(parsing: "other.log=2.0.1")]).isEmpty)
        #expect(kinds([try OCPPVersionOverride(parsing: "frames.log=1.6")]).isEmpty)
    }
}
