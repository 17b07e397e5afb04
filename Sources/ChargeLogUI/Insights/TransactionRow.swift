import ChargeLogCore

/// One charging transaction as the transactions pane lists it.
public struct TransactionRow: Sendable, Equatable, Identifiable {
    /// The OCPP transaction id (`667`), as text so 2.0.1 string ids fit too.
    public var id: String
    public var connector: Int?
    /// `2/1` for a 2.0.1 EVSE and connector; nil: the connector number.
    public var connectorLabel: String?
    public var idTag: String?
    /// Authorisation outcome (`Accepted`, `Invalid`, ...).
    public var auth: String?
    /// Epoch ms.
    public var start: Int64?
    public var stop: Int64?
    public var energyWh: Double?
    /// Stop reason (`Local`, `Remote`, `EVDisconnected`, ...).
    public var reason: String?
    /// What the central system answered to the stop (`Accepted`, `InternalError`, ...).
    public var verdict: String?
    /// The transaction's first record (usually its StartTransaction request).
    public var firstRecord: RecordRef?
    /// The StartTransaction / StopTransaction requests (`{` and `}` jump to them).
    public var startRecord: RecordRef?
    public var stopRecord: RecordRef?
    /// 2.0.1 EVSE id, when the transaction names one.
    public var evse: Int?
    /// The charger's own stop reason (Sungrow MainProcess `Connector 2 stop reason: Vehicle_Stop`),
    /// filled in by the viewer for the rows it shows.
    public var chargerReason: String?

    public init(id: String, connector: Int? = nil, idTag: String? = nil, auth: String? = nil, start: Int64? = nil,
                stop: Int64? = nil, energyWh: Double? = nil, reason: String? = nil, verdict: String? = nil,
                firstRecord: RecordRef? = nil, connectorLabel: String? = nil, startRecord: RecordRef? = nil,
                stopRecord: RecordRef? = nil, evse: Int? = nil) {
        self.id = id
        self.connectorLabel = connectorLabel
        self.connector = connector
        self.idTag = idTag
        self.auth = auth
        self.start = start
        self.stop = stop
        self.energyWh = energyWh
        self.reason = reason
        self.verdict = verdict
        self.firstRecord = firstRecord
        self.startRecord = startRecord
        self.stopRecord = stopRecord
        self.evse = evse
    }

    /// Milliseconds between start and stop.
    public var duration: Int64? {
        guard let a = start, let b = stop else { return nil }
        return b - a
    }
}
