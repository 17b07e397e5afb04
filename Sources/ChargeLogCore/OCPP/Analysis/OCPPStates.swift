/// One StatusNotification of a connector.
public struct ConnectorStatusEntry: Sendable {
    public var ref: RecordRef
    /// The StatusNotification's number in `OCPPAnalysis.messages`.
    public var messageNumber: Int
    /// Log time.
    public var time: Int64
    /// The payload's own timestamp, when sent.
    public var timestamp: Int64?
    /// 1.6 connectorId; 2.0.1 evseId (see `OCPPTransaction.connector`).
    public var connector: Int
    /// 2.0.1 evseId.
    public var evse: Int?
    /// 2.0.1 connectorId inside the EVSE.
    public var evseConnector: Int?
    /// 1.6 status or 2.0.1 connectorStatus.
    public var status: String
    public var errorCode: String?
    public var vendorErrorCode: String?
    public var vendorId: String?
    public var info: String?

    /// `1`, or `2/1` for 2.0.1 EVSE 2 connector 1.
    public var label: String { ConnectorLabel.text(connector: connector, evse: evse, evseConnector: evseConnector) ?? String(connector) }

    /// The vendor code decoded with the Aurora table, when it is one of its codes.
    public var vendorCodeMeaning: String? {
        guard let v = vendorErrorCode, !v.isEmpty else { return nil }
        let entries = AuroraVendorCodes.lookup(v)
        return entries.isEmpty ? nil : entries.map { "\($0.name) \($0.meaning)" }.joined(separator: " / ")
    }
}

/// The status history of one connector (connector 0 = the whole charge point; in 2.0.1 one EVSE and
/// connector, `connector` being the EVSE id).
public struct ConnectorStateHistory: Sendable {
    public var connector: Int
    public var evse: Int? = nil
    public var evseConnector: Int? = nil
    public var entries: [ConnectorStatusEntry]

    /// `1`, or `2/1` for 2.0.1 EVSE 2 connector 1.
    public var label: String { ConnectorLabel.text(connector: connector, evse: evse, evseConnector: evseConnector) ?? String(connector) }
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
