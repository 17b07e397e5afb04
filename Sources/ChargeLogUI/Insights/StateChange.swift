import ChargeLogCore

/// A connector status change (StatusNotification) or a charger state switch (MainProcess `StateSwicthed`).
public struct StateChange: Sendable, Equatable {
    /// Connector number; nil for the charger's own state machine.
    public var connector: Int?
    public var time: Int64
    /// `Charging`, `Faulted`, or the MainProcess state name.
    public var state: String
    /// `EVCommunicationError`, when not `NoError`.
    public var errorCode: String?
    public var record: RecordRef?

    public init(connector: Int?, time: Int64, state: String, errorCode: String? = nil, record: RecordRef? = nil) {
        self.connector = connector
        self.time = time
        self.state = state
        self.errorCode = errorCode
        self.record = record
    }
}
