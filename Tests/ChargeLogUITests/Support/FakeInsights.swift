import ChargeLogCore
import ChargeLogUI

/// Insights with transactions, meter series and states given by the test, OCPP decoding from
/// `PlainInsights`: stands in for the OCPP engine's adapter.
final class FakeInsights: InsightSource, @unchecked Sendable {
    let plain: PlainInsights
    var transactions: [TransactionRow]
    var series: [String: [MeterSeries]]
    var correlatedRecords: [String: [RecordRef]]
    var stateChanges: [StateChange]
    var onlinePeriods: [OnlinePeriod]
    var summaryCalls = 0

    init(index: LogIndex, transactions: [TransactionRow] = [], series: [String: [MeterSeries]] = [:],
         correlated: [String: [RecordRef]] = [:], states: [StateChange] = [], online: [OnlinePeriod] = []) {
        plain = PlainInsights(index: index)
        self.transactions = transactions
        self.series = series
        correlatedRecords = correlated
        stateChanges = states
        onlinePeriods = online
    }

    var hasAnalysis: Bool { true }
    func summary(of ref: RecordRef, text: String) -> RowSummary? {
        summaryCalls += 1
        return plain.summary(of: ref, text: text)
    }
    func detail(of ref: RecordRef, text: String) -> [DetailSection] { plain.detail(of: ref, text: text) }
    func counterpart(of ref: RecordRef) -> RecordRef? { plain.counterpart(of: ref) }
    func hopCopy(of ref: RecordRef) -> RecordRef? { plain.hopCopy(of: ref) }
    func correlated(transactionId: String) -> [RecordRef] { correlatedRecords[transactionId] ?? [] }
    func transactionId(of ref: RecordRef) -> String? {
        correlatedRecords.first { $0.value.contains(ref) }?.key
    }
    func meterSeries(transactionId: String) -> [MeterSeries] { series[transactionId] ?? [] }
}
