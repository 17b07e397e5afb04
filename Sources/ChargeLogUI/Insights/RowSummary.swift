/// How one timeline row reads when it carries an OCPP message:
/// `→ StartTransaction conn 1 idTag 201ACCBF`, `← CALLERROR InternalError`.
public struct RowSummary: Sendable, Equatable {
    public enum Direction: Sendable, Equatable {
        /// Charge point → central system.
        case toCentral
        /// Central system → charge point.
        case toChargePoint
        case unknown

        public var arrow: String {
            switch self {
            case .toCentral: "→"
            case .toChargePoint: "←"
            case .unknown: "·"
            }
        }
    }

    public enum MessageKind: Sendable, Equatable { case call, result, error }

    public var direction: Direction
    public var kind: MessageKind
    /// The OCPP action (`StartTransaction`), also for results and errors when known.
    public var action: String?
    /// What follows the arrow: `StartTransaction conn 1 idTag 201ACCBF`.
    public var text: String
    public var connector: Int?
    /// A CALLERROR, or a result that refuses (Rejected, Invalid, Faulted status).
    public var isError: Bool

    public init(direction: Direction, kind: MessageKind, action: String?, text: String,
                connector: Int? = nil, isError: Bool = false) {
        self.direction = direction
        self.kind = kind
        self.action = action
        self.text = text
        self.connector = connector
        self.isError = isError
    }

    /// `→ StartTransaction conn 1 idTag 201ACCBF`
    public var line: String { direction.arrow + " " + text }

    public var isHeartbeat: Bool { action == "Heartbeat" }
}
