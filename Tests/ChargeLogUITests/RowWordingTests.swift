import ChargeLogCore
import Testing
@testable import ChargeLogUI
import TestSupport

/// A row reads the same on the first screen (`PlainInsights`) and once the analysis is in
/// (`OCPPInsights`): one wording module (`OCPPSummaryText`) words both from the same decoded frame.
/// The expected rows are read off the seed lines (`SeedBundles.proxyTx667`, `SeedBundles.tonlyStart`).
@Suite struct RowWordingTests {
    func rows(_ files: [String: String]) throws -> [(before: RowSummary, after: RowSummary?)] {
        let b = try TempBundle(files)
        defer { b.remove() }
        let index = try b.index()
        let plain = PlainInsights(index: index)
        let engine = OCPPInsights(analysis: OCPPAnalysis.build(index))
        return (0..<index.count).compactMap { p in
            let ref = index.ref(at: p)
            let text = index.text(of: ref)
            guard let before = plain.summary(of: ref, text: text) else { return nil }
            return (before, engine.summary(of: ref, text: text))
        }
    }

    @Test func proxyBundleRowsReadTheSameBeforeAndAfterTheAnalysis() throws {
        let rows = try rows(SeedBundles.sungrowBundle)
        #expect(rows.count > 10)
        for (before, after) in rows {
            #expect(after?.text == before.text)
            #expect(after?.action == before.action)
        }
        // The seed's StartTransaction answer on the WebSocket: `[3,"db8df750…",{"transactionId":667,"idTagInfo":{"status":"Accepted"}}]`.
        #expect(rows.contains { $0.after?.line == "← StartTransaction.conf tx 667 Accepted" })
    }

    @Test func bareFrameRowsReadTheSameBeforeAndAfterTheAnalysis() throws {
        let rows = try rows(["tonly/frames.log": SeedBundles.tonlyStart + "\n"])
        #expect(rows.count > 5)
        for (before, after) in rows {
            #expect(after?.text == before.text)
            #expect(after?.action == before.action)
        }
    }
}
