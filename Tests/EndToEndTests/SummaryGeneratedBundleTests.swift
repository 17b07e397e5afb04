import ChargeLogCore
import ChargeLogGenerator
import Foundation
import Testing

/// `chargelog summary --format json` on generated bundles finds every scenario and problem the
/// generator planted (manifest.json), at the planted time, on the planted connector and transaction.
@Suite struct SummaryGeneratedBundleTests {
    /// Generator kind → summary kind, where the names differ.
    static let kinds = ["stopRejectedByCPO": "stopRejected", "meterBackwards": "registerBackwards",
                        "neverStopped": "transactionNotStopped", "clockCheckedOCPP": "clockSyncOCPP"]
    /// A finding is "at" a planted time when it, or one of its key records, is this close: the
    /// generator times some events by the proxy's pipe copy, the summary by the counted websocket copy.
    static let tolerance: Int64 = 2_000

    struct Found {
        var kind: String
        var time: Int64
        var end: Int64?
        var connector: Int?
        var transactionId: String?
        var recordTimes: [Int64]
        var explanation: String
    }

    static func run(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = try Binary.chargelog()
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    static func time(_ iso: String?) -> Int64? { iso.flatMap(CivilTime.parseUserTime) }

    @Test(arguments: [(seed: UInt64(1), connectors: 2, zip: false), (seed: 7, connectors: 3, zip: true), (seed: 11, connectors: 1, zip: false)])
    func summaryFindsEveryPlantedEvent(seed: UInt64, connectors: Int, zip: Bool) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cl-summary-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.run(["generate", dir.path, "--size", "300kB", "--seed", String(seed), "--connectors", String(connectors)]
                         + (zip ? ["--zip"] : []))
        let manifest = try GeneratedManifest.load(path: dir.appendingPathComponent("manifest.json").path)
        let json = try Self.run(["summary", dir.appendingPathComponent(manifest.bundleFolder).path, "--format", "json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])

        let charger = try #require(summary["charger"] as? [String: Any])
        #expect(charger["serial"] as? String == manifest.serial)
        #expect(charger["vendor"] as? String == manifest.vendor)
        #expect(charger["model"] as? String == manifest.model)
        #expect(charger["firmware"] as? String == manifest.firmware.last)

        var found: [Found] = []
        for key in ["scenarios", "problems"] {
            for f in try #require(summary[key] as? [[String: Any]]) {
                found.append(Found(kind: f["kind"] as? String ?? "", time: Self.time(f["time"] as? String) ?? 0,
                                   end: Self.time(f["end"] as? String), connector: f["connector"] as? Int,
                                   transactionId: f["transactionId"] as? String,
                                   recordTimes: (f["records"] as? [[String: Any]] ?? []).compactMap { Self.time($0["time"] as? String) },
                                   explanation: f["explanation"] as? String ?? ""))
            }
        }

        var unused = Array(found.indices)
        for e in manifest.scenarios + manifest.problems {
            let kind = Self.kinds[e.kind] ?? e.kind
            let t = try #require(Self.time(e.time))
            let candidates = unused.filter { k in
                let f = found[k]
                guard f.kind == kind else { return false }
                if let c = e.connector, let fc = f.connector, c != fc { return false }
                if let tx = e.transactionId, f.transactionId != String(tx) { return false }
                return ([f.time] + f.recordTimes).contains { abs($0 - t) <= Self.tolerance }
            }
            let best = candidates.min { abs(found[$0].time - t) < abs(found[$1].time - t) }
            #expect(best != nil, "seed \(seed): planted \(e.kind) at \(e.time) (\(e.detail)) not found")
            guard let k = best else { continue }
            unused.removeAll { $0 == k }
            if e.kind == "connectionLost", let v = e.valueMs, let end = found[k].end {
                #expect(end - found[k].time == v, "\(found[k].explanation)")
            }
        }
        #expect(manifest.scenarios.count + manifest.problems.count > 30, "the first day plants the whole catalogue")
        // Precision as well as recall: nothing is found that the generator did not plant.
        let spurious = unused.map { "\(found[$0].kind) at \(CivilTime.iso8601(found[$0].time)): \(found[$0].explanation.prefix(120))" }
        #expect(spurious.isEmpty, "seed \(seed): found but not planted:\n\(spurious.joined(separator: "\n"))")
    }
}
