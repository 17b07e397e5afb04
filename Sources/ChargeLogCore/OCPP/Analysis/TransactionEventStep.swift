/// One OCPP 2.0.1 TransactionEvent of a transaction: what happened (`Started`, `Updated`, `Ended`),
/// why (`triggerReason`), its sequence number, the charging state it reports, and whether the
/// charger sent it while offline (a replay).
public struct TransactionEventStep: Sendable, Equatable {
    public var eventType: String
    public var triggerReason: String?
    public var seqNo: Int?
    public var chargingState: String?
    public var offline: Bool
    /// The payload's `timestamp` (the charger's clock), else the log time.
    public var time: Int64
    public var ref: RecordRef
    /// Sampled values the event carried.
    public var sampleCount: Int
}
