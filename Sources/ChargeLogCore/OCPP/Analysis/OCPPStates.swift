/// One StatusNotification of a connector.
public struct ConnectorStatusEntry: Sendable {
    public var ref: RecordRef
    /// The StatusNotification's number in `OCPPAnalysis.messages`.
    public var messageNumber: Int
    /// Log time.
    public var time: Int64
    /// The payload's own timestamp, when sent.
    public var timestamp: Int64?
    public var connector: Int
    /// 2.0.1 evseId.
    public var evse: Int?
    /// 1.6 status or 2.0.1 connectorStatus.
    public var status: String
    public var errorCode: String?
    public var vendorErrorCode: String?
    public var vendorId: String?
    public var info: String?

    /// The vendor code decoded with the Aurora table, when it is one of its codes.
    public var vendorCodeMeaning: String? {
        guard let v = vendorErrorCode, !v.isEmpty else { return nil }
        let entries = AuroraVendorCodes.lookup(v)
        return entries.isEmpty ? nil : entries.map { "\($0.name) \($0.meaning)" }.joined(separator: " / ")
    }
}

/// The status history of one connector (connector 0 = the whole charge point).
public struct ConnectorStateHistory: Sendable {
    public var connector: Int
    public var entries: [ConnectorStatusEntry]
}

/// A MainProcess state-machine switch: `StateSwicthed:from "A" to: "B"`.
public struct ChargerStateSwitch: Sendable, Equatable {
    public var ref: RecordRef
    public var time: Int64
    public var from: String
    public var to: String
}

/// A period of OCPP connectivity, from `OCPP_Connection_Fail` / `OCPP_Connection_Restore`.
public struct ConnectivityPeriod: Sendable, Equatable {
    public var online: Bool
    public var start: Int64
    /// Nil while the period lasts to the end of the log.
    public var end: Int64?
    public var startRef: RecordRef
    public var endRef: RecordRef?

    public var durationMs: Int64? { end.map { $0 - start } }
}
