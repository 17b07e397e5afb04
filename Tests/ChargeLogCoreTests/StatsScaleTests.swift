import Foundation
import Testing
@testable import ChargeLogCore

/// `stats` over a zip of many small entries took 5.8 s for 20,000 (12.5 s for 40,000): a filter over
/// all messages per file. The report is now built in one pass over the messages, so its time per file
/// stays flat as the file count grows (the old code's grew with the count: 8× more files, 8× per file).
@Suite struct StatsScaleTests {
    /// An indexed zip of `n` entries, each one proxy line without a line end (so each gets a message).
    static func report(_ n: Int) throws -> (StatsReport, LoadedBundle) {
        let entries = (0..<n).map { i in
            RawZip.deflated("logs/f\(i).log", "2024-05-01 10:00:\(i % 50 + 10).000 +0000 INFO PipeSession - line \(i)")
        }
        let s = Scratch()
        let path = s.write("many-\(n).zip", RawZip(entries: entries).bytes().bytes)
        let bundle = try BundleLoader.load(paths: [path])
        let index = Indexer.build(bundle, options: IndexOptions(threads: 2))
        return (StatsReport(index: index, loadDiagnostics: bundle.diagnostics), bundle)
    }

    /// The fastest of three runs of text() and json(), in seconds.
    static func seconds(_ r: StatsReport) -> Double {
        let clock = ContinuousClock()
        return (0..<3).map { _ in
            let d = clock.measure { _ = r.text(); _ = r.json() }
            return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }.min()!
    }

    @Test("1,000 and 8,000 entries, each with a message of its own: the report's time per file does not grow with the count")
    func linear() throws {
        let (small, b1) = try Self.report(1_000)
        defer { b1.cleanUp() }
        let (large, b2) = try Self.report(8_000)
        defer { b2.cleanUp() }
        #expect(large.index.files.count == 8_000)
        let text = large.text()
        #expect(text.components(separatedBy: "last line has no line end").count - 1 == 8_000)
        #expect(large.json().components(separatedBy: #""file":"many-8000.zip/logs/f"#).count - 1 == 8_000)
        let perFileSmall = Self.seconds(small) / 1_000, perFileLarge = Self.seconds(large) / 8_000
        // Linear: about 1×; the old filter: about 8×. 3× leaves room for a busy machine.
        #expect(perFileLarge < 3 * perFileSmall, "per file: \(perFileSmall) s at 1,000, \(perFileLarge) s at 8,000")
    }
}
