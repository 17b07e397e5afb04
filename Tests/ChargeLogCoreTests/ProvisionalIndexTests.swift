import Foundation
import Testing
import TestSupport
@testable import ChargeLogCore
import ChargeLogGenerator

/// While the largest file is still read, the files already read come as a provisional index (the
/// viewer's first screen): once, holding exactly those files' records, naming the ones still read.
@Suite struct ProvisionalIndexTests {
    @Test func theSmallFilesComeFirstWhileTheProxyLogIsRead() throws {
        let run = try ProvisionalRun(prefix: "chargelog-provisional")
        defer { run.remove() }
        let full = run.full
        #expect(full.stillIndexing.isEmpty)
        #expect(run.provisional.count == 1)
        let early = try #require(run.provisional.first)
        let proxy = try #require(full.files.first { $0.stream == .ocpp })
        #expect(early.stillIndexing == [proxy.displayPath])
        #expect(Set(early.files.map(\.displayPath)) == Set(full.files.map(\.displayPath)).subtracting([proxy.displayPath]))
        // The same records, text and times (their years come from their own headers and modification times
        // here as in the full index: the generated proxy log and the others span the same days).
        for f in early.files {
            let g = try #require(full.files.first { $0.displayPath == f.displayPath })
            #expect(f.recordCount == g.recordCount)
            #expect(f.index.times.array == g.index.times.array, "\(f.displayPath)")
            #expect(f.text(f.recordCount / 2) == g.text(g.recordCount / 2))
        }
        #expect(early.count == early.files.reduce(0) { $0 + $1.recordCount })
    }

    @Test func noProvisionalIndexForOneFile() throws {
        let dir = NSTemporaryDirectory() + "chargelog-provisional-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try BundleGenerator.generate(into: dir, options: GeneratorOptions(targetBytes: 2_000_000, seed: 9))
        let proxyDir = BundleGenerator.bundlePath(in: dir) + "/2168Vocpp"
        let box = ProvisionalCapture()
        _ = Indexer.build(try BundleLoader.load(paths: [proxyDir]), options: IndexOptions(threads: 2), provisional: { box.add($0) })
        #expect(box.indexes.isEmpty)
    }
}

