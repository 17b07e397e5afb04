/// One message in compact form (56 bytes): everything the lists need without the payload, which is
/// read back from the log on demand. Names and pooled ids are numbers into tables of the store.
struct MessageEntry: Sendable {
    var time: Int64
    var id: CompactId
    var file: Int32
    var record: Int32
    var action: UInt16
    var errorCode: UInt16
    var connection: UInt16
    /// `OCPPMessageType` raw value; 0 when even the type is unknown.
    var type: UInt8
    var channel: OCPPChannel
    var hint: CarrierHint
    var direction: OCPPDirection
    /// Which frame of its record (almost always 0).
    var ordinal: UInt8
    var flags: Flags

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let broken = Flags(rawValue: 1)
        /// Counted by transactions and states: not the pipe copy of a websocket message.
        static let primary = Flags(rawValue: 2)
        static let hasIssues = Flags(rawValue: 4)
        /// The message carries a `connectorId` at the top level (for hop matching).
        static let hasConnectorId = Flags(rawValue: 8)
    }

    var ref: RecordRef { RecordRef(file: Int(file), record: Int(record)) }
    var messageType: OCPPMessageType? { OCPPMessageType(rawValue: type) }
}

/// Payload digests of a message, kept only until proxy hops are matched.
struct Fingerprints: Sendable {
    var full: UInt64
    /// Without a top-level `connectorId` (the proxy adds it to some pipe copies).
    var reduced: UInt64
}
