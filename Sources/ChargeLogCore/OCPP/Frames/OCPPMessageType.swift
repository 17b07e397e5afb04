/// The first element of an OCPP-J frame.
public enum OCPPMessageType: UInt8, Sendable, CaseIterable, Codable {
    /// `[2, id, action, payload]`
    case call = 2
    /// `[3, id, payload]`
    case callResult = 3
    /// `[4, id, errorCode, description, details]`
    case callError = 4
    /// OCPP 2.1: `[5, id, errorCode, description, details]`, an error about a CALLRESULT.
    case callResultError = 5
    /// OCPP 2.1: `[6, id, action, payload]`, a call that gets no answer.
    case send = 6

    public var label: String {
        switch self {
        case .call: "CALL"
        case .callResult: "CALLRESULT"
        case .callError: "CALLERROR"
        case .callResultError: "CALLRESULTERROR"
        case .send: "SEND"
        }
    }

    /// CALL and SEND carry an action; the others answer one.
    public var isRequest: Bool { self == .call || self == .send }
    public var isAnswer: Bool { self == .callResult || self == .callError }
    public var isError: Bool { self == .callError || self == .callResultError }
}
