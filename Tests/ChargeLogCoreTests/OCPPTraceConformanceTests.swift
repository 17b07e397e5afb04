import Foundation
import Testing
import TestSupport
@testable import ChargeLogCore

/// Open OCPP Trace v1.1: the consumer view reproduces every fixture's `expected.json` (the corpus of
/// open-ocpp-trace/specification, copied in `OpenOCPPTrace/`, see its SOURCE.md), and the traces
/// chargelog writes validate against the specification's schema, `raw` verbatim.
@Suite struct OCPPTraceConformanceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("OpenOCPPTrace")

    static var fixtureNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("fixtures").path)) ?? []).sorted()
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    static func lines(_ text: String) -> [String] { text.split(whereSeparator: \.isNewline).map(String.init) }

    static func schema() throws -> JSONSchemaCheck {
        JSONSchemaCheck(schema: try JSONParser.parse(try read("schema/trace-v1.schema.json")).get())
    }

    /// Key order does not matter when comparing views.

    @Test("the corpus holds the 16 fixtures of the specification")
    func corpus() {
        #expect(Self.fixtureNames == ["connector-fault", "diagnostics-failure", "failed-auth", "heartbeat-irregular",
                                      "invalid-stop-reason", "meter-anomaly", "meter-value-gap", "normal-session",
                                      "orphan-response", "short-session", "slow-csms-response", "station-offline",
                                      "status-transition-violation", "unexpected-start", "unexpected-stop-reason",
                                      "unresponsive-csms"])
    }

    @Test("every fixture's consumer view is its expected.json", arguments: fixtureNames)
    func consumerView(_ name: String) throws {
        let records = try Self.lines(try Self.read("fixtures/\(name)/trace.jsonl")).map { try OCPPTraceRecord.parse($0).get() }
        let view = OCPPTraceView.derive(records)
        // Both read by JSONSerialization (JSONOracle) and compared as Foundation values (1 equals 1.0).
        let got = try JSONOracle.value(view.json()) as? NSObject
        let want = try JSONOracle.value(try Self.read("fixtures/\(name)/expected.json")) as? NSObject
        #expect(got != nil && got == want)
    }

    @Test("the fixtures' records validate against the schema; records breaking it do not")
    func schemaCheckerOnTheCorpus() throws {
        let schema = try Self.schema()
        var count = 0
        for name in Self.fixtureNames {
            for line in Self.lines(try Self.read("fixtures/\(name)/trace.jsonl")) {
                #expect(schema.errors(try JSONParser.parse(line).get()).isEmpty, "\(name): \(line.prefix(80))")
                count += 1
            }
        }
        // The counts of the corpus table (fixtures/README.md): 22+14+20+14+18+16+18+8+10+8+4+14+12+8+3+3.
        #expect(count == 192)
        let bad = [
            #"{"schemaVersion":"1.1","timestamp":"2024-01-15T10:00:00.000Z","transport":"json","direction":"cp-to-csms","messageType":"CALL","messageId":"1"}"#,
            #"{"schemaVersion":"1.1","timestamp":"2024-01-15T10:00:00.000Z","transport":"json","direction":"up","messageType":"CALLRESULT","messageId":"1"}"#,
            #"{"schemaVersion":"1.1","timestamp":"2024-01-15T10:00:00.000Z","transport":"json","direction":"cp-to-csms","messageType":"CALLRESULT","error":{"code":"x"}}"#,
            #"{"schemaVersion":"1.1","timestamp":"2024-01-15T10:00:00.000Z","transport":"json","direction":"cp-to-csms","messageType":"CALLERROR"}"#,
            #"{"schemaVersion":"1.1","timestamp":"yesterday","transport":"json","direction":"cp-to-csms","messageType":"CALLRESULT"}"#,
            #"{"schemaVersion":"1.1","timestamp":"2024-01-15T10:00:00.000Z","transport":"json","connectorId":-1,"direction":"cp-to-csms","messageType":"CALLRESULT"}"#,
        ]
        for b in bad { #expect(!schema.errors(try JSONParser.parse(b).get()).isEmpty, "\(b)") }
    }

    /// Exports the analysis as a trace and checks each record: valid against the schema, direction and
    /// charge point id filled, `raw` the logged frame text (or rebuilt and said so) decoding to the
    /// record's own fields.
    static func checkedExport(_ a: OCPPAnalysis) throws -> [JSONValue] {
        let schema = try schema()
        var lines: [String] = []
        OCPPTraceWriter.write(a) { lines.append($0) }
        // Record text by file and line, for the verbatim check.
        var texts: [String: [Int: String]] = [:]
        for (k, f) in a.index.files.enumerated() {
            for r in 0..<f.recordCount { texts[f.displayPath, default: [:]][f.index.lineNumber(r)] = a.index.text(of: RecordRef(file: k, record: r)) }
        }
        var out: [JSONValue] = []
        for line in lines {
            let r = try JSONParser.parse(line).get()
            #expect(schema.errors(r).isEmpty, "\(schema.errors(r)): \(line.prefix(120))")
            #expect(r["chargePointId"]?.stringValue?.isEmpty == false)
            let raw = try #require(r["raw"]?.stringValue)
            let frame = try JSONParser.parse(raw).get()
            #expect(frame[1]?.stringValue == r["messageId"]?.stringValue)
            switch r["messageType"]?.stringValue {
            case "CALL":
                #expect(frame[0] == .number("2") && frame[2]?.stringValue == r["action"]?.stringValue)
                #expect(frame[3].map(JSONPrinter.compact) == r["payload"].map(JSONPrinter.compact))
            case "CALLRESULT":
                #expect(frame[0] == .number("3") && frame[2].map(JSONPrinter.compact) == r["payload"].map(JSONPrinter.compact))
            default:
                #expect(frame[0] == .number("4") && frame[2]?.stringValue == r["error"]?["code"]?.stringValue)
            }
            if r["meta"]?["rawRebuilt"] == nil, let file = r["meta"]?["file"]?.stringValue, let line = r["meta"]?["line"]?.intValue {
                // Verbatim: the logged line holds exactly this text.
                let text = try #require(texts[file]?[line], "\(file):\(line)")
                #expect(text.contains(raw), "\(file):\(line)")
            }
            out.append(r)
        }
        return out
    }

    @Test("client_ocpp_sim_201.log as a trace: valid records, 2.0.1, every exchange correlated again")
    func exportRealLog() throws {
        let a = try RealLogFile.analysis("client_ocpp_sim_201.log")
        let records = try Self.checkedExport(a)
        #expect(records.count == a.messages.count)
        #expect(records.allSatisfy { $0["ocppVersion"] == .string("2.0.1") && $0["meta"]?["rawRebuilt"] == nil })
        // BootNotification serialNumber "afef3d68-1" (line 1).
        #expect(records.allSatisfy { $0["chargePointId"] == .string("afef3d68-1") })
        let view = OCPPTraceView.derive(try records.map { try OCPPTraceRecord.parse(JSONPrinter.compact($0)).get() })
        let paired = a.exchanges.filter { $0.requestMessage != nil && $0.answerMessage != nil }.count
        #expect(view.records.filter { $0.correlatesWith != nil }.count == paired)
        #expect(view.unansweredCalls.count == a.exchanges.filter { $0.requestMessage != nil && $0.answerMessage == nil }.count)
        #expect(view.orphanResponses.count == a.exchanges.filter { $0.requestMessage == nil }.count)
    }

    @Test("Sungrow proxy seeds as a trace: each message once, pipe-only frames rebuilt and said so, CALLERROR with its error")
    func exportProxy() throws {
        let b = try sungrowSeedBundle()
        defer { b.remove() }
        let a = try b.analysis()
        let records = try Self.checkedExport(a)
        #expect(records.count == a.messages.filter(\.isCounted).count)
        #expect(records.allSatisfy { $0["ocppVersion"] == .string("1.6") })
        let error = try #require(records.first { $0["messageType"] == .string("CALLERROR") })
        #expect(error["error"]?["code"] == .string("InternalError"))
        #expect(error["action"] == .string("StopTransaction"))
        // A StatusNotification the proxy logged on the pipe only (`1=StatusNotification={…}`).
        let pipe = records.filter { $0["meta"]?["channel"] == .string("pipe") }
        #expect(!pipe.isEmpty && pipe.allSatisfy { $0["meta"]?["rawRebuilt"] != nil })
        #expect(records.contains { $0["connectorId"] == .number("1") && $0["action"] == .string("StartTransaction") })
    }

    @Test("a secret in a payload is masked in payload and raw, and the record says raw was rebuilt")
    func exportMasksSecrets() throws {
        var log = FrameLog()
        log.callFromCentral("08:00:00", "c1", "ChangeConfiguration", #"{"key":"AuthorizationKey","value":"0123456789abcdef"}"#,
                            answer: #"{"status":"Accepted"}"#)
        let b = try log.bundle()
        defer { b.remove() }
        let records = try Self.checkedExport(b.analysis)
        let call = try #require(records.first { $0["messageType"] == .string("CALL") })
        #expect(call["raw"]?.stringValue?.contains("0123456789abcdef") == false)
        #expect(call["payload"]?["value"]?.stringValue?.contains("0123456789abcdef") == false)
        #expect(call["meta"]?["rawRebuilt"] == .string("secrets masked"))
        #expect(call["direction"] == .string("csms-to-cp"))
        let answer = try #require(records.first { $0["messageType"] == .string("CALLRESULT") })
        #expect(answer["meta"]?["rawRebuilt"] == nil && answer["action"] == .string("ChangeConfiguration"))
    }
}
