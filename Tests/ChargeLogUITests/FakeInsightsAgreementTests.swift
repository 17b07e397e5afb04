import ChargeLogCore
@testable import ChargeLogUI
import Testing
import TestSupport

/// The pane tests' stand-in transactions (`SampleTransactions`) are what the real engine reports on
/// the same seed bundle, so a snapshot of the fake never shows a transaction the engine would not.
@Suite struct FakeInsightsAgreementTests {
    @Test func sampleTransactionsAreTheEnginesOnTheSeedBundle() throws {
        let f = try Fixture(insights: { OCPPInsights(analysis: OCPPAnalysis.build($0)) })
        defer { f.remove() }
        f.model.finishPendingWork()
        let engine = Dictionary(uniqueKeysWithValues: OCPPInsights(analysis: OCPPAnalysis.build(f.index)).transactions.map { ($0.id, $0) })
        for fake in SampleTransactions.rows(firstRecord: nil) {
            let real = try #require(engine[fake.id], "the engine has no transaction \(fake.id)")
            #expect(real.connector == fake.connector, "\(fake.id)")
            #expect(real.idTag == fake.idTag, "\(fake.id)")
            #expect(real.auth == fake.auth, "\(fake.id)")
            #expect(real.start == fake.start, "\(fake.id)")
            #expect(real.stop == fake.stop, "\(fake.id)")
            #expect(real.energyWh == fake.energyWh, "\(fake.id)")
            #expect(real.reason == fake.reason, "\(fake.id)")
            #expect(real.verdict == fake.verdict, "\(fake.id)")
        }
    }
}
