import ChargeLogCore
@testable import ChargeLogGenerator
import Foundation
import Testing

/// A generated bundle in a fresh temporary folder, indexed through the core API.
private struct Generated {
    let directory: String
    let manifest: GeneratedManifest
    let index: LogIndex

    init(_ options: GeneratorOptions) throws {
        directory = NSTemporaryDirectory() + "chargelog-gen-\(UUID().uuidString)"
        let (manifest, clamped) = try BundleGenerator.run(into: directory, options: options)
        #expect(clamped == 0, "the simulation wrote \(clamped) line(s) behind the clock")
        self.manifest = manifest
        let bundle = try BundleLoader.load(paths: [BundleGenerator.bundlePath(in: directory)])
        index = Indexer.build(bundle, options: IndexOptions())
    }

    var bundlePath: String { BundleGenerator.bundlePath(in: directory) }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// The file's lines exactly as written (without line ends).
    static func lines(_ path: String) throws -> [Substring] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}


@Suite("Bundle generator")
struct GeneratorTests {
    static let small = GeneratorOptions(targetBytes: 2_000_000, seed: 7)

    @Test("a ~2 MB bundle has every stream, indexes with no unparsed or out-of-order line")
    func indexesClean() throws {
        let g = try Generated(Self.small)
        defer { g.remove() }
        let total = g.manifest.files.reduce(UInt64(0)) { $0 + $1.bytes }
        #expect(total >= 2_000_000 && total < 4_000_000)
        #expect(g.index.files.count == BundleGenerator.layout.count)
        for f in g.index.files {
            let expected = BundleGenerator.layout.first { f.displayPath.hasSuffix($0.folder + "/" + $0.file) }
            #expect(f.stream == expected?.stream, "\(f.displayPath) detected as \(f.stream)")
            #expect(f.recordCount > 0)
            #expect(f.stats.unparsedLines == 0, "\(f.displayPath): \(f.stats.unparsedLines) unparsed")
            #expect(f.stats.outOfOrder == 0, "\(f.displayPath): \(f.stats.outOfOrder) out of order")
            #expect(f.stats.linesWithInvalidUTF8 == 0 && f.stats.linesWithNUL == 0)
            let listed = g.manifest.files.first { f.displayPath.hasSuffix($0.path) }
            #expect(listed?.lines == f.stats.lines, "\(f.displayPath): manifest line count")
            #expect(listed?.bytes == f.source.size)
            #expect(listed.map { ms($0.first) } == f.timeRange?.lowerBound)
            #expect(listed.map { ms($0.last) } == f.timeRange?.upperBound)
        }
        // The CCU file holds records split over two lines, rejoined into one record each.
        let ccu = try #require(g.index.files.first { $0.stream == .ccu })
        #expect(ccu.stats.lines > ccu.recordCount)
    }

    @Test("every source line is in some record's text, once; merged times never decrease")
    func linesAndOrder() throws {
        let g = try Generated(Self.small)
        defer { g.remove() }
        let ix = g.index
        var fileLines: [[Substring]] = []
        var covered: [[Int]] = []
        for f in ix.files {
            let lines = try Generated.lines(f.source.diskPath)
            fileLines.append(lines)
            covered.append(Array(repeating: 0, count: lines.count))
        }
        var previous = Int64.min
        for p in 0..<ix.count {
            let info = ix.info(at: p)
            #expect(info.time >= previous, "time goes back at merged position \(p)")
            previous = info.time
            let text = ix.text(at: p)
            for k in 0..<info.lineCount {
                let n = info.line - 1 + k
                let line = fileLines[info.ref.file][n]
                covered[info.ref.file][n] += 1
                if line.isEmpty ? text.isEmpty : text.contains(line) { continue }
                // A split CCU record: its second line appears without its stamp.
                let stamp = line.firstIndex(of: "]").map { line.index(after: $0) } ?? line.startIndex
                #expect(k > 0 && info.stream == .ccu && text.hasSuffix(line[stamp...]),
                        "line \(n + 1) of \(info.file) not in its record: \(line.prefix(120))")
            }
        }
        for (f, counts) in covered.enumerated() {
            #expect(counts.allSatisfy { $0 == 1 }, "\(ix.files[f].displayPath): lines not covered exactly once")
        }
    }

    /// Each record's civil month, day and clock must be its stamp's, and its year the bundle's.
    private func checkYears(_ g: Generated) throws {
        let lo = ms(g.manifest.start), hi = ms(g.manifest.end)
        for p in 0..<g.index.count {
            let info = g.index.info(at: p)
            #expect(info.time >= lo && info.time <= hi, "\(info.file):\(info.line) at \(CivilTime.iso8601(info.time))")
            guard [.mainprocess, .ccu, .fault, .update].contains(info.stream),
                  !info.flags.contains(.inferredTime) else { continue }
            let raw = Array(g.index.rawBytes(at: p))
            let stamp = info.stream == .mainprocess ? YearlessStamp.parse(raw[...]) : YearlessStamp.parseBracketed(raw[...])
            let s = CivilTime.components(try #require(stamp).ms)
            let c = CivilTime.components(info.time)
            let shown: [Int] = [c.month, c.day, c.hour, c.minute, c.second, c.millis]
            let stamped: [Int] = [s.month, s.day, s.hour, s.minute, s.second, s.millis]
            #expect(shown == stamped, "\(info.file):\(info.line)")
        }
    }

    @Test("every year-less record gets the right year")
    func years() throws {
        let g = try Generated(Self.small)
        defer { g.remove() }
        try checkYears(g)
        for f in g.index.files where f.stream != .ocpp {
            #expect(f.yearSource == .bundle || f.yearSource == .headers, "\(f.displayPath): \(f.yearSource)")
        }
    }

    @Test("a bundle crossing New Year, with file times of a later year, still gets every year right")
    func newYear() throws {
        var options = Self.small
        options.crossNewYear = true
        options.startDay = CivilTime.days(year: 2024, month: 6, day: 1) * CivilTime.msPerDay
        let g = try Generated(options)
        defer { g.remove() }
        #expect(g.manifest.start.hasPrefix("2024-12-31"))
        #expect(g.manifest.end.hasPrefix("2025-01-01"))
        for f in g.index.files {
            let mtimeYear = CivilTime.components(try #require(f.source.modificationTime)).year
            #expect(mtimeYear == 2026, "\(f.displayPath) mtime year \(mtimeYear)")
        }
        // The rotated MainProcess half, the CCU, fault and update logs all cross midnight.
        let crossing = g.index.files.filter { $0.stats.yearRollovers == 1 }.map(\.stream)
        for s in [StreamKind.ccu, .fault, .update, .mainprocess] { #expect(crossing.contains(s), "\(s) does not cross") }
        try checkYears(g)
    }

    @Test("every planted scenario, problem and exchange sits at a record of that exact time")
    func manifestTimesAreRecordTimes() throws {
        let g = try Generated(Self.small)
        defer { g.remove() }
        let ix = g.index
        /// Texts of the records at exactly `t`.
        func texts(at t: Int64) -> [String] {
            var p = ix.firstPosition(atOrAfter: t)
            var out: [String] = []
            while p < ix.count, ix.time(at: p) == t { out.append(ix.text(at: p)); p += 1 }
            return out
        }
        #expect(Set(g.manifest.scenarios.map(\.kind)) == Set(ScenarioKind.allCases.map(\.rawValue)))
        #expect(Set(g.manifest.problems.map(\.kind)) == Set(ProblemKind.allCases.map(\.rawValue)))
        for e in g.manifest.scenarios + g.manifest.problems {
            #expect(!texts(at: ms(e.time)).isEmpty, "\(e.kind) at \(e.time): no record")
            if let end = e.endTime { #expect(!texts(at: ms(end)).isEmpty, "\(e.kind) ends at \(end): no record") }
            if let id = e.uniqueId, e.kind != ProblemKind.heartbeatGap.rawValue {
                #expect(texts(at: ms(e.time)).contains { $0.contains(id) }, "\(e.kind) at \(e.time): no \(id)")
            }
        }
        for x in g.manifest.exchanges {
            let request = texts(at: ms(x.requestTime))
            #expect(request.contains { $0.contains(x.uniqueId) && $0.contains(x.action) },
                    "\(x.action) \(x.uniqueId) request at \(x.requestTime)")
            if let r = x.responseTime {
                #expect(texts(at: ms(r)).contains { $0.contains(x.uniqueId) }, "\(x.action) \(x.uniqueId) answer at \(r)")
            }
        }
        // StatusNotification always has the pipe id `1`: never two of them in flight at once.
        let ones = g.manifest.exchanges.filter { $0.connection == "pipe" && $0.uniqueId == "1" }
            .map { ms($0.requestTime)...ms($0.responseTime ?? $0.requestTime) }.sorted { $0.lowerBound < $1.lowerBound }
        #expect(ones.count > 10)
        for (a, b) in zip(ones, ones.dropFirst()) { #expect(a.upperBound < b.lowerBound, "two `1=StatusNotification` in flight") }
        for tx in g.manifest.transactions {
            let id = "\"transactionId\":\(tx.transactionId)"
            let hasStartAnswer = (0..<ix.count).lazy.contains { ix.text(at: $0).contains(id) && ix.text(at: $0).contains("StartTransactionResponse") }
            #expect(hasStartAnswer, "transaction \(tx.transactionId) has no StartTransactionResponse")
            if let stop = tx.meterStop, let energy = tx.energyWh { #expect(stop - tx.meterStart == energy) }
        }
    }

    @Test("one connector or four: every scenario and problem planted, sessions never overlap on a connector",
          arguments: [1, 4])
    func connectors(_ n: Int) throws {
        var options = Self.small
        options.connectors = n
        let g = try Generated(options)
        defer { g.remove() }
        #expect(Set(g.manifest.scenarios.map(\.kind)) == Set(ScenarioKind.allCases.map(\.rawValue)))
        #expect(Set(g.manifest.problems.map(\.kind)) == Set(ProblemKind.allCases.map(\.rawValue)))
        #expect(Set(g.manifest.transactions.map(\.connector)) == Set(1...n))
        for c in 1...n {
            let spans = g.manifest.transactions.filter { $0.connector == c }
                .map { (ms($0.start), ms($0.stop ?? $0.start)) }
            for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.1 < b.0, "connector \(c): sessions overlap") }
            // The register only grows from one transaction to the next.
            let txs = g.manifest.transactions.filter { $0.connector == c }
            for (a, b) in zip(txs, txs.dropFirst()) where a.meterStop != nil {
                #expect(a.meterStart + (a.energyWh ?? 0) <= b.meterStart + 2500)
            }
        }
        #expect(g.index.files.allSatisfy { $0.stats.unparsedLines == 0 && $0.stats.outOfOrder == 0 })
    }

    @Test("the same seed gives the same bytes; another seed does not")
    func deterministic() throws {
        let a = try Generated(Self.small), b = try Generated(Self.small)
        var other = Self.small
        other.seed = 8
        let c = try Generated(other)
        defer { a.remove(); b.remove(); c.remove() }
        for f in a.manifest.files {
            let x = try Data(contentsOf: URL(fileURLWithPath: a.bundlePath + "/" + f.path))
            let y = try Data(contentsOf: URL(fileURLWithPath: b.bundlePath + "/" + f.path))
            let z = try Data(contentsOf: URL(fileURLWithPath: c.bundlePath + "/" + f.path))
            #expect(x == y, "\(f.path) differs between two runs with the same seed")
            if f.stream == "ocpp" { #expect(x != z, "\(f.path) same with another seed") }
        }
        let ma = try Data(contentsOf: URL(fileURLWithPath: BundleGenerator.manifestPath(in: a.directory)))
        let mb = try Data(contentsOf: URL(fileURLWithPath: BundleGenerator.manifestPath(in: b.directory)))
        #expect(ma == mb)
        #expect(try GeneratedManifest.load(path: BundleGenerator.manifestPath(in: a.directory)) == a.manifest)
    }

    @Test("zip: one flat zip per stream folder, entries dated like the files")
    func zipped() throws {
        var options = Self.small
        options.zip = true
        let dir = NSTemporaryDirectory() + "chargelog-gen-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let m = try BundleGenerator.generate(into: dir, options: options)
        let names = try FileManager.default.contentsOfDirectory(atPath: BundleGenerator.bundlePath(in: dir)).sorted()
        #expect(names == ["2168Vccu.zip", "2168Vfault.zip", "2168Vocpp.zip", "2168Vqt.zip", "2168Vupdate.zip"])
        let qt = try Data(contentsOf: URL(fileURLWithPath: BundleGenerator.bundlePath(in: dir) + "/2168Vqt.zip"))
        for name in ["A23C2706768VMainProcess_0.log", "A23C2706768VMainProcess.log"] {
            #expect(qt.range(of: Data(name.utf8)) != nil, "2168Vqt.zip lacks \(name)")
        }
        #expect(m.files.count == 6)
    }
}

@Suite("Generator text helpers")
struct GeneratorTextTests {
    @Test("%g formatting matches C's printf for meter values")
    func gMatchesPrintf() {
        var r = SeededRandom(seed: 3)
        var samples: [Double] = [0, 11730.144, 0.00107, 3.48e-05, 150, 7360.653, 999999.5, 1e-4, 0.000099999, 123456789]
        for _ in 0..<2000 { samples.append(pow(10, r.double(-7...8)) * (r.chance(0.1) ? -1 : 1)) }
        for v in samples {
            #expect(ChargerNumbers.g(v) == String(format: "%.6g", v), "\(v)")
        }
        #expect(ChargerNumbers.fixed(11727.04, 3) == "11727.040")
        #expect(ChargerNumbers.fixed(39, 1) == "39.0")
    }

    @Test("Qt pipe JSON and Java WebSocket JSON have the seed's shapes")
    func jsonShapes() {
        let payload = JSONValue.obj(("connectorId", .int(1)), ("idTag", .string("201ACCBF")), ("meterStart", .int(7854588)),
                                    ("timestamp", .string("2024-05-01T14:42:14Z")))
        // Lines from seed 000.
        #expect(payload.qtIndented == #"{    "connectorId": 1,    "idTag": "201ACCBF",    "meterStart": 7854588,    "timestamp": "2024-05-01T14:42:14Z"}"#)
        #expect(payload.compact == #"{"connectorId":1,"idTag":"201ACCBF","meterStart":7854588,"timestamp":"2024-05-01T14:42:14Z"}"#)
        let nested = JSONValue.obj(("transactionData", .array([.obj(("timestamp", .string("T")),
                                                                    ("sampledValue", .array([.obj(("value", .string("1")))])))])))
        #expect(nested.qtIndented == #"{    "transactionData": [        {            "sampledValue": [                {                    "value": "1"                }            ],            "timestamp": "T"        }    ]}"#)
        #expect(JSONValue.obj().qtIndented == "{}")
        #expect(JSONValue.string("OCMF|{\"FV\":\"1.0\"}").compact == #""OCMF|{\"FV\":\"1.0\"}""#)
    }

    @Test("stamps in the seed's shapes parse back to the same instant")
    func stamps() {
        let t = CivilTime.millis(year: 2024, month: 4, day: 28, hour: 8, minute: 48, second: 46, millis: 384)
        var out: [UInt8] = []
        StampText.bracketed(t, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "[April/28 08:48:46.384 UTC]")
        out = []
        StampText.proxy(t, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "2024-04-28 08:48:46.384 +0000")
        #expect(ISOStamp.parse(out[...])?.ms == t)
        out = []
        StampText.mainProcess(t, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "Apr/28 08:48:46 UTC --  ")
        out = []
        StampText.uptime(23 * 3_600_000 + 20 * 60_000 + 20_544, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "[D00 23:20:20.544]")
        #expect(StampText.ocmf(CivilTime.millis(year: 2024, month: 5, day: 1, hour: 16, minute: 27, second: 41, millis: 0))
                == "2024-05-01T18:27:41,000+0200 R")
        #expect(StampText.ocmf(CivilTime.millis(year: 2024, month: 12, day: 31, hour: 23, minute: 0, second: 0, millis: 0))
                == "2025-01-01T00:00:00,000+0100 R")
    }

    @Test("sizes parse in decimal and binary units")
    func sizes() {
        #expect(GeneratorOptions.parseSize("500MB") == 500_000_000)
        #expect(GeneratorOptions.parseSize("2 MiB") == 2_097_152)
        #expect(GeneratorOptions.parseSize("1.5GB") == 1_500_000_000)
        #expect(GeneratorOptions.parseSize("800k") == 800_000)
        #expect(GeneratorOptions.parseSize("12parsecs") == nil)
    }

    @Test("the random generator is deterministic and spreads")
    func random() {
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42)
        let xs = (0..<100).map { _ in a.int(0...9) }
        #expect(xs == (0..<100).map { _ in b.int(0...9) })
        #expect(Set(xs).count == 10)
        var u = SeededRandom(seed: 1)
        let id = u.uuid()
        #expect(id.count == 36 && id.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        #expect(Array(id)[14] == "4")
    }
}
