import Foundation
import Testing
@testable import ChargeLogCore

@Suite("OCPP analysis of a generated proxy bundle with known content")
struct OCPPGeneratedBundleTests {
    static let start = CivilTime.millis(year: 2024, month: 4, day: 27, hour: 12, minute: 0, second: 0, millis: 0)

    /// Two rounds of every scenario: RFID and remote starts, stops by card, vehicle, full SoC and
    /// remote, a refused authorisation, a stop the CPO rejects (3.48e-05), an outage with an
    /// unanswered heartbeat, and a transaction still open at the end.
    func generate() throws -> (String, ProxyBundleWriter) {
        let dir = NSTemporaryDirectory() + "chargelog-gen-" + UUID().uuidString
        var w = try ProxyBundleWriter(dir: dir, start: Self.start, seed: 42)
        w.boot()
        for k in 0..<2 { w.round(k) }
        w.session(connector: 2, remote: false, meterValues: 2, stop: .never)
        try w.finish()
        return (dir, w)
    }

    func transactions(_ a: OCPPAnalysis) -> [ProxyBundleWriter.Transaction] {
        a.transactions.map {
            .init(transactionId: $0.transactionId, connector: $0.connector, idTag: $0.idTag, auth: $0.auth, start: $0.start,
                  stop: $0.stop, meterStart: $0.meterStart, meterStop: $0.meterStop, reason: $0.reason,
                  stopStatus: $0.stopStatus, meterValues: $0.meterValues, internalId: $0.internalId)
        }
    }

    func exchanges(_ a: OCPPAnalysis) -> [ProxyBundleWriter.Exchange] {
        a.exchanges.map {
            .init(uniqueId: $0.uniqueId, action: $0.action, direction: $0.direction.label, requestTime: $0.requestTime,
                  responseTime: $0.responseTime, result: $0.result.rawValue, errorCode: $0.errorCode,
                  connection: $0.connection.channel.label)
        }.sorted()
    }

    @Test("transactions and exchanges match what was planted, exactly")
    func matches() throws {
        let (dir, w) = try generate()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = OCPPAnalysis.build(Indexer.build(try BundleLoader.load(paths: [dir])))
        #expect(w.transactions.count == 11)
        let got = transactions(a)
        #expect(got.count == w.transactions.count)
        for (g, e) in zip(got, w.transactions) { #expect(g == e) }
        let ex = exchanges(a)
        let want = w.exchanges.sorted()
        #expect(ex.count == want.count)
        for (g, e) in zip(ex, want) { #expect(g == e) }
        // Each exchange exists once per hop; every charger message has its copy paired.
        #expect(a.messages.filter { $0.connection.channel == .pipe && $0.type == .call }
            .allSatisfy { a.hopCopy(of: $0.ref) != nil })
        #expect(a.connectivity.filter { !$0.online }.count == w.outages)
    }

    @Test("the proxy's double logging counts every MeterValues once")
    func countedOnce() throws {
        let (dir, w) = try generate()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = OCPPAnalysis.build(Indexer.build(try BundleLoader.load(paths: [dir])))
        let planted = w.transactions.reduce(0) { $0 + $1.meterValues }
        let logged = a.messages.filter { $0.action == "MeterValues" && $0.type == .call }.count
        #expect(logged == 2 * planted)
        #expect(a.transactions.reduce(0) { $0 + $1.meterValues } == planted)
        // 4 samples per MeterValues, 1 or 2 in each stop.
        for t in a.transactions where !t.isOpen {
            let stopSamples = t.stopStatus == "CALLERROR:InternalError" ? 2 : 1
            #expect(t.samples.count == 4 * t.meterValues + stopSamples, "\(t.transactionId)")
        }
    }

    /// Not a test of speed (nothing is asserted on time): writes a large bundle for the benchmark
    /// when CHARGELOG_OCPP_BENCH_DIR is set (size in MB from CHARGELOG_OCPP_BENCH_MB, default 100).
    @Test("benchmark bundle", .enabled(if: ProcessInfo.processInfo.environment["CHARGELOG_OCPP_BENCH_DIR"] != nil))
    func benchmarkBundle() throws {
        let env = ProcessInfo.processInfo.environment
        let dir = env["CHARGELOG_OCPP_BENCH_DIR"]!
        let mb = UInt64(env["CHARGELOG_OCPP_BENCH_MB"] ?? "100") ?? 100
        var w = try ProxyBundleWriter(dir: dir, start: Self.start, seed: 7)
        w.boot()
        var k = 0
        while w.bytesWritten < mb << 20 {
            w.round(k)
            k += 1
            try w.flush()
        }
        try w.finish()
        print("benchmark bundle: \(w.bytesWritten >> 20) MB of proxy lines, \(w.transactions.count) transactions, \(w.exchanges.count) exchanges in \(dir)")
        if env["CHARGELOG_OCPP_BENCH_CORRELATE"] != nil {
            let a = OCPPAnalysis.build(Indexer.build(try BundleLoader.load(paths: [dir])))
            let t0 = Date()
            let tx = a.transactionId(of: a.transactions[a.transactions.count / 2].startRef!)
            print("record → transaction map of \(a.transactions.count) transactions in \(Date().timeIntervalSince(t0)) s (\(tx ?? "-"))")
        }
    }
}
