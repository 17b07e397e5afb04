import ChargeLogCore
import ChargeLogGenerator
import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// The findings engine and the marked-line scan run on all cores; what they return must be what one
/// rule (one file) after the other gives. The references below are the plain serial loops.
@Suite struct FindingsInParallelTests {
    /// Every scenario rule, then every problem check, one after the other, sorted as the engine sorts.
    static func serialFindings(_ c: DiagnosticContext) -> [Finding] {
        var all: [Finding] = []
        for r in FindingRules.scenarioRules { all += r.findings(in: c) }
        for p in FindingRules.problemChecks { all += p.findings(in: c) }
        return FindingRules.sorted(all)
    }

    /// Each marker's lines from the record texts, file by file, record by record.
    static func serialMarkedLines(_ index: LogIndex) -> [LineMarker: [MarkedLine]] {
        var out: [LineMarker: [MarkedLine]] = [:]
        for (f, file) in index.files.enumerated() {
            for r in 0..<file.recordCount {
                let text = index.text(of: RecordRef(file: f, record: r))
                for m in LineMarker.allCases where m.stream == file.stream && text.contains("\(m.pattern)") {
                    out[m, default: []].append(MarkedLine(marker: m, ref: RecordRef(file: f, record: r), time: file.index.times[r]))
                }
            }
        }
        for k in out.keys { out[k]!.sort { ($0.time, $0.ref) < ($1.time, $1.ref) } }
        return out
    }

    static func check(_ paths: [String]) throws {
        let index = Indexer.build(try BundleLoader.load(paths: paths), options: IndexOptions(threads: 2))
        let analysis = OCPPAnalysis.build(index, threads: 2)
        let context = DiagnosticContext(analysis)
        let parallel = FindingRules.findings(in: context)
        let serial = serialFindings(context)
        #expect(!serial.isEmpty)
        #expect(parallel == serial)
        let marked = MarkedLineScan.scan(index)
        #expect(marked == serialMarkedLines(index))
    }

    @Test("SampleLogs' Sungrow bundle: the same findings in the same order, the same marked lines")
    func sungrowSample() throws {
        let marked = MarkedLineScan.scan(Indexer.build(try BundleLoader.load(
            paths: [PackagePaths.sampleLogs.appendingPathComponent("IDC180E-A23C2706768").path]), options: IndexOptions()))
        #expect(marked[.authorizeAccepted]?.isEmpty == false)   // the sample's MainProcess log has them
        try Self.check([PackagePaths.sampleLogs.appendingPathComponent("IDC180E-A23C2706768").path])
    }

    @Test("a generated 3 MB bundle: the same findings in the same order, the same marked lines")
    func generatedBundle() throws {
        let dir = NSTemporaryDirectory() + "findings-parallel-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try BundleGenerator.generate(into: dir, options: GeneratorOptions(targetBytes: 3_000_000, seed: 5))
        try Self.check([BundleGenerator.bundlePath(in: dir)])
    }
}
