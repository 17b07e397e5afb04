/// One OCPP message as found in a record: where it came from, its parts, and what is wrong with it.
/// A frame that does not parse is kept with `broken` set and whatever could be salvaged.
public struct OCPPFrame: Sendable {
    public var channel: OCPPChannel
    public var hint: CarrierHint
    /// Nil only when even the message type could not be read.
    public var type: OCPPMessageType?
    public var uniqueId: String?
    /// The action of a CALL/SEND; for a pipe answer (`StartTransactionResponse`) the action it answers.
    public var action: String?
    /// CALL/CALLRESULT/SEND payload; nil for errors and broken frames.
    public var payload: JSONValue?
    public var errorCode: String?
    public var errorDescription: String?
    public var errorDetails: JSONValue?
    /// The frame's own bytes (the JSON array, or for a pipe line `id=Action=json`). Kept as bytes:
    /// the scan of a bundle never reads them, so they are decoded only when asked for (`raw`).
    public var rawBytes: [UInt8]
    /// Byte range of the frame inside the record.
    public var range: Range<Int>
    /// Why the frame could not be decoded; nil when it parsed.
    public var broken: String?
    /// Structural findings (trailing text, odd element counts). Schema findings are added by the validator.
    public var issues: [OCPPIssue]
    /// The charge point a record names for its frame (an OCPP trace's `chargePointId`); nil when
    /// the log does not say (one log, one station).
    public var chargePointId: String? = nil

    public var isBroken: Bool { broken != nil }

    /// The frame's own text, invalid UTF-8 shown as `\xNN`.
    public var raw: String { LosslessText.decode(rawBytes) }

    /// Direction implied by where the frame was logged (the proxy knows; bare logs do not).
    public var contextDirection: OCPPDirection { hint.direction }
}
