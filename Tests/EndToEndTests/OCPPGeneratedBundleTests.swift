import ChargeLogCore
import ChargeLogGenerator
import Foundation
import Testing

/// `chargelog transactions` and `chargelog exchanges` on generated bundles with known content
/// (every session kind of the seed catalogue, an outage, CPO errors) match the generator's manifest
/// exactly: every field of every transaction, every exchange on both proxy hops.
@Suite struct OCPPGeneratedBundleTests {
    static func json(_ s: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(s.utf8)) }

    /// A field as comparable text (numbers and strings alike; JSON null and missing are nil).
    static func text(_ v: Any?) -> String? {
        switch v {
        case nil, is NSNull: nil
        case let s as String: s
        case let n as NSNumber: n.stringValue
        default: "\(v!)"
        }
    }

    @Test(arguments: [(seed: UInt64(3), connectors: 2, zip: false), (seed: 21, connectors: 3, zip: true)])
    func transactionsAndExchangesMatchTheManifest(seed: UInt64, connectors: Int, zip: Bool) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cl-ocppgen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SummaryGeneratedBundleTests.run(["generate", dir.path, "--size", "400kB", "--seed", String(seed),
                                                 "--connectors", String(connectors)] + (zip ? ["--zip"] : []))
        let manifest = try GeneratedManifest.load(path: dir.appendingPathComponent("manifest.json").path)
        let bundle = dir.appendingPathComponent(manifest.bundleFolder).path

        // Transactions: same set of ids, every field equal.
        let txs = try #require(try Self.json(try SummaryGeneratedBundleTests.run(["transactions", bundle, "--format", "json"])) as? [[String: Any]])
        #expect(txs.count == manifest.transactions.count)
        let byId = Dictionary(txs.map { (Self.text($0["transactionId"]) ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let fields = ["connector", "idTag", "auth", "start", "stop", "meterStart", "meterStop", "energyWh", "reason",
                      "stopStatus", "meterValues", "internalId"]
        let planted = try #require(try Self.json(String(decoding: try JSONEncoder().encode(manifest.transactions), as: UTF8.self)) as? [[String: Any]])
        for p in planted {
            let id = Self.text(p["transactionId"]) ?? ""
            let got = try #require(byId[id], "transaction \(id) missing")
            for f in fields {
                let want = Self.text(p[f]), have = Self.text(got[f])
                if f == "start" || f == "stop" {
                    #expect(want.flatMap(CivilTime.parseUserTime) == have.flatMap(CivilTime.parseUserTime), "tx \(id) \(f): \(want ?? "nil") vs \(have ?? "nil")")
                } else {
                    #expect(want == have, "tx \(id) \(f): \(want ?? "nil") vs \(have ?? "nil")")
                }
            }
        }

        // Exchanges: the same multiset of (connection, id, action, direction, times, result, error).
        func key(_ e: [String: Any]) -> String {
            [Self.text(e["connection"]), Self.text(e["uniqueId"]), Self.text(e["action"]), Self.text(e["direction"]),
             Self.text(e["requestTime"]).flatMap(CivilTime.parseUserTime).map(String.init),
             Self.text(e["responseTime"]).flatMap(CivilTime.parseUserTime).map(String.init),
             Self.text(e["result"]), Self.text(e["errorCode"])].map { $0 ?? "-" }.joined(separator: "|")
        }
        let out = try SummaryGeneratedBundleTests.run(["exchanges", bundle, "--format", "ndjson"])
        let got = try out.split(separator: "\n").map { try #require(try Self.json(String($0)) as? [String: Any]) }
        let want = try #require(try Self.json(String(decoding: try JSONEncoder().encode(manifest.exchanges), as: UTF8.self)) as? [[String: Any]])
        let gotKeys = got.map(key).sorted(), wantKeys = want.map(key).sorted()
        #expect(gotKeys.count == wantKeys.count)
        let missing = Set(wantKeys).subtracting(gotKeys), extra = Set(gotKeys).subtracting(wantKeys)
        #expect(missing.isEmpty, "planted but not found: \(missing.sorted().prefix(5))")
        #expect(extra.isEmpty, "found but not planted: \(extra.sorted().prefix(5))")
    }
}
