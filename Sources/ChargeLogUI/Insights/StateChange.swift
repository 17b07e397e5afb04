import ChargeLogCore

/// A connector status change (StatusNotification) or a charger state switch (MainProcess `StateSwicthed`).
public struct StateChange: Sendable, Equatable {
    /// Connector number; nil for the charger's own state machine.
    public var connector: Int?
    /// `2/1` for a 2.0.1 EVSE and connector; nil: the connector number.
    public var label: String?
    public var time: Int64
    /// `Charging`, `Faulted`, or the MainProcess state name.
    public var state: String
    /// `EVCommunicationError`, when not `NoError`.
    public var errorCode: String?
    public var record: RecordRef?

    public init(connector: Int?, time: Int64, state: String, errorCode: String? = nil, record: RecordRef? = nil,
                label: String? = nil) {
        self.connector = connector
        self.label = label
        self.time = time
        self.state = state
        self.errorCode = errorCode
        self.record = record
    }

    /// `conn 2/1`, `conn 1`, `main`.
    public var who: String {
        guard let c = connector else { return "main" }
        return "conn " + (label ?? String(c))
    }
}
