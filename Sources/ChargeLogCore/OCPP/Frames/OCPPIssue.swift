/// Something wrong or noteworthy about one OCPP message, an exchange or a transaction.
public struct OCPPIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: UInt8, Sendable, Comparable, Codable {
        case info, warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
        public var label: String {
            switch self {
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }
    }

    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The frame is not valid JSON or not a valid OCPP-J array; shown raw.
        case brokenFrame
        /// Text after the frame that is not a known suffix like `(47 bytes)`.
        case trailingText
        case unknownAction
        case missingField
        case unknownField
        case wrongType
        case unknownEnumValue
        case tooLong
        case invalidTime
        /// A number sent as a string in scientific notation (`"3.48e-05"`).
        case scientificNotation
        case notANumber
        /// A call got no answer on its connection.
        case unanswered
        /// An answer whose id matches no open call.
        case answerWithoutCall
        /// A call whose id is still open from an earlier call.
        case reusedId
        case duplicateStop
        case missingStop
        case registerDecreased
        case meterMismatch
        case signatureInvalid
        /// An OCMF reading the meter marks unusable for billing (status, error flags, exception).
        case readingNotBillable
        /// The central system answered with a CALLERROR or a rejection.
        case rejected
        /// 2.0.1: TransactionEvent sequence numbers missing.
        case sequenceGap
        /// 2.0.1: TransactionEvents sent with `offline: true`.
        case offlineReplay
        /// A value the log does not state, taken from a related message (the issue says from which).
        case inferred
        /// 2.0.1: the charger used another EVSE than the one asked for or first named.
        case evseMismatch
        /// A number outside what the program can use (`"1e20"` Wh, an infinite value, a multiplier of
        /// 10^15, a heartbeat interval of 1e300 s): shown as sent and not used.
        case outOfRange
        /// Against the schema's bounds: a number below its `minimum` or above its `maximum`, an array
        /// with fewer items than `minItems` or more than `maxItems` (OCPP 2.0.1, loaded schemas).
        case outOfBounds
    }

    public var severity: Severity
    public var kind: Kind
    /// Where in the payload: `meterValue[0].sampledValue[1].unit`; empty for the whole message.
    public var path: String
    public var message: String

    public init(_ severity: Severity, _ kind: Kind, path: String = "", _ message: String) {
        self.severity = severity
        self.kind = kind
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? "\(severity.label): \(message)" : "\(severity.label): \(path): \(message)"
    }
}
