import ChargeLogCore
import ChargeLogGenerator
import Foundation
import Testing
import TestSupport

/// Bundle → `chargelog export --format ocpp-trace` → chargelog reading that trace: every exchange
/// survives (same calls, answers, pairing, directions, times, results) and so does every transaction.
/// A trace holds each message once (the proxy's WebSocket copy, what the CPO saw) and only OCPP, so a
/// Sungrow bundle's pipe hop and the MainProcess-only `internalId` are the only things left behind.
@Suite struct OCPPTraceRoundTripTests {
    typealias Row = [String: Any]

    static func text(_ v: Any?) -> String? { OCPPGeneratedBundleTests.text(v) }

    /// An exchange as comparable text: id, action, direction, request and answer time (ms), result, error.
    static func key(_ e: Row) -> String {
        [text(e["uniqueId"]), text(e["action"]), text(e["direction"]),
         text(e["requestTime"]).flatMap(CivilTime.parseUserTime).map(String.init),
         text(e["responseTime"]).flatMap(CivilTime.parseUserTime).map(String.init),
         text(e["result"]), text(e["errorCode"])].map { $0 ?? "-" }.joined(separator: "|")
    }

    static func ndjson(_ s: String) throws -> [Row] {
        try s.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? Row) }
    }

    static func run(_ args: [String]) throws -> String { try SummaryGeneratedBundleTests.run(args) }

    /// Exports `bundle` as a trace into `dir/trace.jsonl`; returns its path and its record count.
    static func trace(_ bundle: String, into dir: URL) throws -> (path: String, records: Int) {
        let out = try run(["export", bundle, "--format", "ocpp-trace"])
        let path = dir.appendingPathComponent("trace.jsonl").path
        try Data(out.utf8).write(to: URL(fileURLWithPath: path))
        return (path, out.split(separator: "\n").count)
    }

    static func exchanges(_ path: String) throws -> [Row] { try ndjson(try run(["exchanges", path, "--format", "ndjson"])) }

    static func transactions(_ path: String) throws -> [Row] {
        try #require(try JSONSerialization.jsonObject(with: Data(try run(["transactions", path, "--format", "json"]).utf8)) as? [Row])
    }

    /// Every transaction field the OCPP messages carry (all but `internalId`, which is MainProcess's).
    static let ocppFields = ["connector", "connectorLabel", "evse", "evseConnector", "idTag", "auth", "start", "stop",
                             "meterStart", "meterStop", "energyWh", "reason", "stopStatus", "meterValues"]

    static func sameTransactions(_ got: [Row], _ want: [Row], fields: [String] = ocppFields) {
        #expect(got.count == want.count)
        let byId = Dictionary(got.map { (text($0["transactionId"]) ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        for w in want {
            let id = text(w["transactionId"]) ?? ""
            guard let g = byId[id] else { Issue.record("transaction \(id) lost in the trace"); continue }
            for f in fields where w.keys.contains(f) {
                let a = text(w[f]), b = text(g[f])
                if f == "start" || f == "stop" {
                    #expect(a.flatMap(CivilTime.parseUserTime) == b.flatMap(CivilTime.parseUserTime), "tx \(id) \(f): \(a ?? "nil") vs \(b ?? "nil")")
                } else {
                    #expect(a == b, "tx \(id) \(f): \(a ?? "nil") vs \(b ?? "nil")")
                }
            }
        }
    }

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cl-trace-rt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("generated bundle: the trace's exchanges are the planted WebSocket exchanges, its transactions the planted ones")
    func generatedBundle() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.run(["generate", dir.appendingPathComponent("gen").path, "--size", "400kB", "--seed", "3", "--connectors", "2"])
        let manifest = try GeneratedManifest.load(path: dir.appendingPathComponent("gen/manifest.json").path)
        let (trace, _) = try Self.trace(dir.appendingPathComponent("gen/\(manifest.bundleFolder)").path, into: dir)

        // The manifest lists what the generator planted on each hop; the trace keeps the WebSocket one.
        let planted = try Self.ndjson(manifest.exchanges.filter { $0.connection == "websocket" }
            .map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }.joined(separator: "\n"))
        let got = try Self.exchanges(trace)
        #expect(!planted.isEmpty)
        #expect(got.allSatisfy { Self.text($0["connection"]) == "frames" })
        let want = planted.map(Self.key).sorted(), have = got.map(Self.key).sorted()
        #expect(have.count == want.count)
        #expect(Set(want).subtracting(have).isEmpty, "planted, lost in the trace: \(Set(want).subtracting(have).sorted().prefix(5))")
        #expect(Set(have).subtracting(want).isEmpty, "in the trace, not planted: \(Set(have).subtracting(want).sorted().prefix(5))")

        let plantedTx = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(manifest.transactions)) as? [Row])
        Self.sameTransactions(try Self.transactions(trace), plantedTx,
                              fields: ["connector", "idTag", "auth", "start", "stop", "meterStart", "meterStop", "energyWh",
                                       "reason", "stopStatus", "meterValues"])
    }

    @Test("SampleLogs: 770 WebSocket exchanges and transactions 662…670 come back from the trace unchanged")
    func sampleLogs() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundle = E2EBundle.sampleLogs.appendingPathComponent("IDC180E-A23C2706768").path
        let (trace, records) = try Self.trace(bundle, into: dir)
        // `unzip -p 2168Vocpp.zip | grep -c WebSocketTransmitter`: 1539 messages on the WebSocket (770
        // `[2,` calls, 768 `[3,` and 1 `[4,` answers); every charger message is on it, so the pipe adds none.
        #expect(records == 1539)
        let before = try Self.exchanges(bundle).filter { Self.text($0["connection"]) == "websocket" }
        let after = try Self.exchanges(trace)
        #expect(before.count == 770 && after.count == 770)
        #expect(after.map(Self.key).sorted() == before.map(Self.key).sorted())
        #expect(after.filter { Self.text($0["result"]) == "CALLRESULT" }.count == 768)
        #expect(after.filter { Self.text($0["result"]) == "CALLERROR" }.count == 1)
        #expect(after.filter { Self.text($0["result"]) == "none" }.count == 1)
        // Latency comes from the records' own times, as in the log.
        #expect(after.map { Self.text($0["latencyMs"]) ?? "-" }.sorted() == before.map { Self.text($0["latencyMs"]) ?? "-" }.sorted())

        let txBefore = try Self.transactions(bundle), txAfter = try Self.transactions(trace)
        // SampleLogs/README.md's table: transactions 662, 663, 664, 665, 667, 668, 670.
        #expect(Set(txAfter.compactMap { Self.text($0["transactionId"]) }) == ["662", "663", "664", "665", "667", "668", "670"])
        Self.sameTransactions(txAfter, txBefore)
        #expect(txAfter.allSatisfy { $0["internalId"] is NSNull })   // MainProcess's, not in a trace
    }

    @Test("client_ocpp_sim_201.log: 2762 exchanges and ten 2.0.1 transactions come back from the trace unchanged")
    func realLog201() throws {
        guard RealLogs.available else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("../shared/real-logs missing") }
            return
        }
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = RealLogs.path("client_ocpp_sim_201.log")
        let (trace, records) = try Self.trace(log, into: dir)
        // grep -c on the log: 2762 `[2,"` calls, 1967 `[3,"` results, 790 `[4,"` errors.
        #expect(records == 2762 + 1967 + 790)
        let before = try Self.exchanges(log), after = try Self.exchanges(trace)
        #expect(after.count == 2762)
        #expect(after.map(Self.key).sorted() == before.map(Self.key).sorted())
        #expect(after.filter { Self.text($0["result"]) == "CALLRESULT" }.count == 1967)
        #expect(after.filter { Self.text($0["result"]) == "CALLERROR" }.count == 790)
        #expect(after.map { Self.text($0["latencyMs"]) ?? "-" }.sorted() == before.map { Self.text($0["latencyMs"]) ?? "-" }.sorted())
        let txBefore = try Self.transactions(log), txAfter = try Self.transactions(trace)
        // 10 `"eventType":"Started"` TransactionEvents in the log.
        #expect(txAfter.count == 10)
        Self.sameTransactions(txAfter, txBefore)
    }
}
