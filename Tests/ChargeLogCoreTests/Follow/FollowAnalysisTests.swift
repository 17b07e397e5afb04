@testable import ChargeLogCore
import ChargeLogGenerator
import Foundation
import Testing

/// Follow mode's analysis: with the scan memo of the analysis before, a grown bundle re-scans only
/// the ranges that changed, and gives exactly what a full pass over the grown bundle gives.
@Suite("Follow analysis re-scans only what changed")
struct FollowAnalysisTests {
    /// Small ranges, so a generated bundle has many and most are taken from the memo.
    static let rangeBytes: UInt64 = 128 << 10

    struct Fixture {
        let directory: String
        let bundle: String
        var ocppLog: String { bundle + "/2168Vocpp/A23C2706768Vocpp.log" }
        var mainLog: String { bundle + "/2168Vqt/A23C2706768VMainProcess.log" }

        init() throws {
            directory = NSTemporaryDirectory() + "chargelog-follow-\(UUID().uuidString)"
            _ = try BundleGenerator.generate(into: directory, options: GeneratorOptions(targetBytes: 3_000_000, seed: 4))
            bundle = BundleGenerator.bundlePath(in: directory)
        }

        func live() throws -> LiveIndexer {
            LiveIndexer(try BundleLoader.load(paths: [bundle]), options: IndexOptions(threads: 2), follow: true)
        }

        /// Appends the file's own last `bytes` bytes (from a line start): lines of the same format.
        func appendOwnTail(_ path: String, bytes: Int) throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            var tail = data.suffix(bytes)
            if let nl = tail.firstIndex(of: 0x0A) { tail = tail[(nl + 1)...] }
            let h = try #require(FileHandle(forWritingAtPath: path))
            h.seekToEndOfFile()
            h.write(Data(tail))
            h.closeFile()
        }

        func remove() { try? FileManager.default.removeItem(atPath: directory) }
    }

    @Test func aGrownLogReScansItsLastRangeOnlyAndMatchesAFullPass() throws {
        let fx = try Fixture()
        defer { fx.remove() }
        let live = try fx.live()
        let before = live.build()
        let memo = ScanMemo()
        let first = OCPPAnalysis.build(before, memo: memo, rangeBytes: Self.rangeBytes)
        let ranges = memo.lastUse
        #expect(ranges.reused == 0 && ranges.scanned > 10)
        #expect(AnalysisAnswers.difference(first, OCPPAnalysis.build(before, rangeBytes: Self.rangeBytes)) == nil)

        try fx.appendOwnTail(fx.ocppLog, bytes: 200_000)
        try fx.appendOwnTail(fx.mainLog, bytes: 20_000)
        let grown = try #require(live.poll())
        #expect(grown.count > before.count)
        let followed = OCPPAnalysis.build(grown, memo: memo, rangeBytes: Self.rangeBytes)
        let use = memo.lastUse
        // Two grown files: their last ranges and the new ones after them; all others from the memo.
        #expect(use.reused == ranges.scanned - 2)
        #expect(use.scanned >= 2 && use.scanned <= 2 + 200_000 / Int(Self.rangeBytes) + 2)
        let full = OCPPAnalysis.build(grown, rangeBytes: Self.rangeBytes)
        #expect(full.messages.count > first.messages.count)
        #expect(AnalysisAnswers.difference(followed, full) == nil)
    }

    /// The viewer without `--follow`: its first analysis keeps nothing (no memory spent on a bundle
    /// that is never followed), the second keeps its ranges, the third reuses them.
    @Test func aMemoNotFromTheFirstKeepsFromTheSecondAnalysisOn() throws {
        let fx = try Fixture()
        defer { fx.remove() }
        let index = try fx.live().build()
        let memo = ScanMemo(fromFirst: false)
        let plain = OCPPAnalysis.build(index, rangeBytes: Self.rangeBytes)
        _ = OCPPAnalysis.build(index, memo: memo, rangeBytes: Self.rangeBytes)
        #expect(memo.lastUse.reused == 0 && memo.lastUse.scanned == 0)
        _ = OCPPAnalysis.build(index, memo: memo, rangeBytes: Self.rangeBytes)
        let total = memo.lastUse.scanned
        #expect(memo.lastUse.reused == 0 && total > 10)
        let third = OCPPAnalysis.build(index, memo: memo, rangeBytes: Self.rangeBytes)
        #expect(memo.lastUse.reused == total && memo.lastUse.scanned == 0)
        #expect(AnalysisAnswers.difference(third, plain) == nil)
    }

    @Test func aFileRewrittenInPlaceIsScannedAgain() throws {
        let fx = try Fixture()
        defer { fx.remove() }
        let memo = ScanMemo()
        let first = OCPPAnalysis.build(try fx.live().build(), memo: memo, rangeBytes: Self.rangeBytes)
        // The same size, the same line starts and times: only the bytes inside one line differ.
        var text = try String(contentsOfFile: fx.ocppLog, encoding: .utf8)
        let at = try #require(text.range(of: "\"Available\""))
        text.replaceSubrange(at, with: "\"Faulted__\"")
        try text.write(toFile: fx.ocppLog, atomically: false, encoding: .utf8)
        let changed = try fx.live().build()
        let followed = OCPPAnalysis.build(changed, memo: memo, rangeBytes: Self.rangeBytes)
        #expect(memo.lastUse.scanned == 1)
        let full = OCPPAnalysis.build(changed, rangeBytes: Self.rangeBytes)
        #expect(AnalysisAnswers.difference(followed, full) == nil)
        #expect(AnalysisAnswers.difference(followed, first) != nil)
    }

    @Test func aClockThatMovesEveryTimeIsScannedAgain() throws {
        let fx = try Fixture()
        defer { fx.remove() }
        let memo = ScanMemo()
        let loaded = try BundleLoader.load(paths: [fx.bundle])
        _ = OCPPAnalysis.build(Indexer.build(loaded, options: IndexOptions(threads: 2)), memo: memo, rangeBytes: Self.rangeBytes)
        let total = memo.lastUse.scanned
        // The same bytes read on another clock: every record's time differs, so nothing is reused.
        var shifted = IndexOptions(threads: 2)
        shifted.clock.zones = [try ZoneOverride(parsing: "+01:00")]
        let moved = Indexer.build(loaded, options: shifted)
        let followed = OCPPAnalysis.build(moved, memo: memo, rangeBytes: Self.rangeBytes)
        #expect(memo.lastUse.reused == 0 && memo.lastUse.scanned == total)
        #expect(AnalysisAnswers.difference(followed, OCPPAnalysis.build(moved, rangeBytes: Self.rangeBytes)) == nil)
    }
}
