import ChargeLogCore

/// The screen's view of one OCPP message in a record, taken from the core's `FrameExtractor` (the
/// same carriers the OCPP engine reads: proxy pipe and WebSocket lines, bare frames with labels and
/// stray bytes, client console lines). Used before the engine's analysis is ready and by filters.
public struct OCPPMessageText: Sendable, Equatable {
    public enum Hop: String, Sendable, Equatable {
        /// The proxy's local pipe to the charger.
        case pipe
        /// OCPP-J over the WebSocket (or a bare frame log).
        case websocket
    }

    public var kind: RowSummary.MessageKind
    /// The frame's type, which decides its part in pairing (`ExchangePairing.role(of:)`).
    public var type: OCPPMessageType
    public var uniqueId: String
    /// The action for a CALL or a pipe message; nil for a bare CALLRESULT/CALLERROR.
    public var action: String?
    public var payload: JSONValue?
    public var errorCode: String?
    public var errorDescription: String?
    public var hop: Hop
    /// The carrier it came in: with the log, the connection it belongs to (`OCPPConnection`).
    public var channel: OCPPChannel
    public var direction: RowSummary.Direction

    /// A frame the extractor found; nil when not even its type and id could be read.
    init?(frame f: OCPPFrame) {
        guard let type = f.type, let id = f.uniqueId else { return nil }
        switch type {
        case .call, .send:
            guard f.action != nil else { return nil }
            kind = .call
        case .callResult: kind = .result
        case .callError, .callResultError: kind = .error
        }
        self.type = type
        uniqueId = id
        action = f.action
        // A CALLERROR's details object stands where other messages have their payload.
        payload = f.payload ?? f.errorDetails
        errorCode = f.errorCode
        errorDescription = f.errorDescription
        hop = f.channel == .pipe ? .pipe : .websocket
        channel = f.channel
        direction = Self.direction(f.contextDirection)
        if direction == .unknown, type.isRequest, let a = f.action {
            direction = Self.callDirection(of: a)
        }
    }

    /// `connectorId` (1.6), or the EVSE (2.0.1 `evseId`, `evse.id`: the EVSE plays the 1.6 connector's
    /// part), also when written as a string (`"connectorId": "1"`).
    public var connector: Int? { Self.connector(in: payload) }

    static func connector(in payload: JSONValue?) -> Int? {
        guard let v = payload?["evseId"] ?? payload?["evse"]?["id"] ?? payload?["connectorId"] else { return nil }
        return v.intValue ?? v.stringValue.flatMap { Int($0) }
    }

    static func direction(_ d: OCPPDirection) -> RowSummary.Direction {
        switch d {
        case .chargerToCentral: .toCentral
        case .centralToCharger: .toChargePoint
        case .unknown: .unknown
        }
    }

    /// The first OCPP message in a record of `stream`.
    /// `writer`: who wrote the log (`IndexedFile.role`), which decides the way of a logged `send`.
    public static func parse(_ text: String, stream: StreamKind, writer: WriterRole? = nil) -> OCPPMessageText? {
        parse(bytes: Array(text.utf8), stream: stream, writer: writer)
    }

    public static func parse(bytes: [UInt8], stream: StreamKind, writer: WriterRole? = nil) -> OCPPMessageText? {
        first(in: bytes.withUnsafeBufferPointer { FrameExtractor.frames(in: $0, stream: stream, writer: writer) })
    }

    /// The first frame that reads as a message.
    public static func first(in frames: [OCPPFrame]) -> OCPPMessageText? {
        frames.lazy.compactMap(OCPPMessageText.init(frame:)).first
    }

    /// Who sends the CALL of `action`, when the action tells it.
    static func callDirection(of action: String) -> RowSummary.Direction {
        OCPPSchema.direction(of: action)?.callDirection.map(direction) ?? .unknown
    }
}
