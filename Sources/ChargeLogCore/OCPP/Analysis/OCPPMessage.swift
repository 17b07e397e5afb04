/// One OCPP message of the bundle, as listed by `OCPPAnalysis.messages`. Small: the payload is read
/// back from the log when asked for (`payload`, `frame`), so a large bundle's messages cost little memory.
public struct OCPPMessage: Sendable {
    /// Position in `OCPPAnalysis.messages` (timeline order).
    public let number: Int
    public let ref: RecordRef
    /// Log time, epoch ms.
    public let time: Int64
    public let direction: OCPPDirection
    /// Nil when the frame is too broken to tell.
    public let type: OCPPMessageType?
    public let uniqueId: String
    /// The CALL's action; for an answer, the action of its call when known.
    public let action: String?
    public let errorCode: String?
    public let connection: OCPPConnection
    public let issues: [OCPPIssue]
    public let isBroken: Bool
    /// Counted by transactions and states (false for the pipe copy of a proxied message).
    public let isCounted: Bool
    /// Which frame of its record this is (0 unless a record holds several).
    public let ordinal: Int
    let index: LogIndex

    /// The frame decoded again from the record.
    public var frame: OCPPFrame? {
        let frames = FrameExtractor.frames(of: index.files[ref.file], record: ref.record)
        return ordinal < frames.count ? frames[ordinal] : nil
    }

    /// The payload (CALL / CALLRESULT / SEND); error details for errors; `.null` for broken frames.
    public var payload: JSONValue {
        guard let f = frame else { return .null }
        return f.payload ?? f.errorDetails ?? .null
    }

    /// `CALL StartTransaction`, `CALLRESULT StartTransaction`, `CALLERROR InternalError`.
    public var label: String {
        let t = type?.label ?? "BROKEN"
        if let e = errorCode { return "\(t) \(e)" }
        return action.map { "\(t) \($0)" } ?? t
    }
}

/// A random-access view of the analysis's messages that builds each `OCPPMessage` on access.
public struct OCPPMessageList: RandomAccessCollection, Sendable {
    let analysis: OCPPAnalysis
    public var startIndex: Int { 0 }
    public var endIndex: Int { analysis.store.count }
    public subscript(i: Int) -> OCPPMessage { analysis.makeMessage(i) }
}
