/// The error codes of a CALLERROR (OCPP-J 1.6 §4.2.3; 2.0.1 adds a few).
public enum CallErrorCode: String, Sendable, CaseIterable {
    case notImplemented = "NotImplemented"
    case notSupported = "NotSupported"
    case internalError = "InternalError"
    case protocolError = "ProtocolError"
    case securityError = "SecurityError"
    case formationViolation = "FormationViolation"
    case propertyConstraintViolation = "PropertyConstraintViolation"
    /// Spelled this way in OCPP 1.6.
    case occurenceConstraintViolation = "OccurenceConstraintViolation"
    case typeConstraintViolation = "TypeConstraintViolation"
    case genericError = "GenericError"
    // OCPP 2.0.1
    case formatViolation = "FormatViolation"
    case messageTypeNotSupported = "MessageTypeNotSupported"
    case occurrenceConstraintViolation = "OccurrenceConstraintViolation"
    case rpcFrameworkError = "RpcFrameworkError"

    /// What the code means, in the spec's words.
    public var meaning: String {
        switch self {
        case .notImplemented: "the requested action is not known by the receiver"
        case .notSupported: "the requested action is recognised but not supported by the receiver"
        case .internalError: "an internal error occurred and the receiver could not process the action"
        case .protocolError: "the payload for the action is incomplete"
        case .securityError: "a security issue occurred while processing the action"
        case .formationViolation, .formatViolation: "the payload is syntactically incorrect or does not conform to the action's schema"
        case .propertyConstraintViolation: "a field in the payload has a value not allowed by its type"
        case .occurenceConstraintViolation, .occurrenceConstraintViolation: "a field occurs too often or too rarely in the payload"
        case .typeConstraintViolation: "a field in the payload has the wrong data type"
        case .genericError: "any other error"
        case .messageTypeNotSupported: "a message with an unknown message type number was received"
        case .rpcFrameworkError: "the content of the frame is not a valid OCPP-J message"
        }
    }
}
