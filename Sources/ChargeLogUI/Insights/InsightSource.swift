import Foundation
import ChargeLogCore

/// What the viewer needs to know beyond the raw index: OCPP summaries and decoding, request/answer
/// pairs, transactions, states. `PlainInsights` answers from the index alone; an adapter over the OCPP
/// engine's `OCPPAnalysis` gives the full picture. Every call may be made for visible rows only, so
/// implementations answer per record, never by walking the whole index on the caller's thread.
public protocol InsightSource: Sendable {
    /// The row summary of an OCPP record; nil shows the record's own text.
    func summary(of ref: RecordRef, text: String) -> RowSummary?
    /// Decoded sections for the detail pane (the viewer adds the raw text and file:line itself).
    func detail(of ref: RecordRef, text: String) -> [DetailSection]
    /// The other half of a request/answer pair.
    func counterpart(of ref: RecordRef) -> RecordRef?
    /// The same message on the other hop of a proxy (pipe ↔ WebSocket).
    func hopCopy(of ref: RecordRef) -> RecordRef?
    /// All transactions, in start order.
    var transactions: [TransactionRow] { get }
    func transactions(idTag: String) -> [TransactionRow]
    /// Records of any stream that belong to a transaction, in timeline order.
    func correlated(transactionId: String) -> [RecordRef]
    /// The transaction a record belongs to, if any.
    func transactionId(of ref: RecordRef) -> String?
    func meterSeries(transactionId: String) -> [MeterSeries]
    /// Connector status changes and charger state switches, in time order.
    var stateChanges: [StateChange] { get }
    var onlinePeriods: [OnlinePeriod] { get }
    /// Whether transactions and states come from a real analysis (false: the panes say so).
    var hasAnalysis: Bool { get }
    /// Scenarios recognised and problems found, in time order (none without the analysis).
    var findings: [Finding] { get }
    /// The findings a record starts (it is their first key record): labels for its timeline row.
    func findings(startingAt ref: RecordRef) -> [Finding]
    /// The charger's KPIs, as `summary` computes them (nil without the analysis).
    var kpis: ChargerKPIs? { get }
    /// Each OCPP connection's version and what it was inferred from (none without the analysis).
    var ocppVersions: [(connection: OCPPConnection, inference: OCPPVersionInference)] { get }
}

extension InsightSource {
    public func transaction(id: String) -> TransactionRow? { transactions.first { $0.id == id } }
    public func transactions(idTag: String) -> [TransactionRow] {
        transactions.filter { $0.idTag?.caseInsensitiveCompare(idTag) == .orderedSame }
    }
    public func transactionId(of ref: RecordRef) -> String? { nil }
    public func hopCopy(of ref: RecordRef) -> RecordRef? { nil }
    public var findings: [Finding] { [] }
    public func findings(startingAt ref: RecordRef) -> [Finding] { [] }
    public var kpis: ChargerKPIs? { nil }
    public var ocppVersions: [(connection: OCPPConnection, inference: OCPPVersionInference)] { [] }
    /// The findings with repeats of one kind and cause folded into one (`×735 CALLERROR …`): the `p` list.
    public var groupedFindings: [Finding] { FindingGroups.fold(findings) }
}
