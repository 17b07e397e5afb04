/// A request with its answer on one connection, or a lone answer.
public struct OCPPExchange: Sendable {
    public enum Result: String, Sendable {
        case callResult = "CALLRESULT"
        case callError = "CALLERROR"
        case none = "none"
    }

    /// Position in `OCPPAnalysis.exchanges`.
    public let number: Int
    public let uniqueId: String
    public let action: String?
    /// The request's direction (for a lone answer: the opposite of the answer's).
    public let direction: OCPPDirection
    public let connection: OCPPConnection
    /// Message numbers in `OCPPAnalysis.messages`.
    public let requestMessage: Int?
    public let answerMessage: Int?
    public let request: RecordRef?
    public let answer: RecordRef?
    public let requestTime: Int64?
    public let responseTime: Int64?
    public let result: Result
    public let errorCode: String?
    /// An OCPP 2.1 SEND, which gets no answer by design.
    public let isSend: Bool
    /// Both records carry their own time stamps (in bare-frame logs most lines borrow a neighbour's).
    public let timesAreOwn: Bool

    /// Answer time − request time; nil without an answer, when a time was borrowed from another line,
    /// or for a back end's download row (request and answer share the row's one time).
    public var latencyMs: Int64? {
        guard let a = requestTime, let b = responseTime, timesAreOwn, connection.channel != .export else { return nil }
        return b - a
    }
}

/// A random-access view of the analysis's exchanges (ordered by their first message).
public struct OCPPExchangeList: RandomAccessCollection, Sendable {
    let analysis: OCPPAnalysis
    public var startIndex: Int { 0 }
    public var endIndex: Int { analysis.store.exchanges.count }
    public subscript(i: Int) -> OCPPExchange { analysis.makeExchange(i) }
}
