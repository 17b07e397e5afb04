/// One recognised scenario or problem: when, where, a one-line explanation, and the key records
/// it was found from (the first one starts it), so a user can jump there and see why.
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case info, warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }
    }

    public var kind: FindingKind
    public var severity: Severity
    /// Epoch ms (log time of the first key record, or the event's own time).
    public var time: Int64
    /// End of a finding that lasts (connection loss, gap, firmware update); nil otherwise.
    public var end: Int64?
    public var connector: Int?
    public var transactionId: String?
    public var explanation: String
    /// The records that show it, in timeline order of relevance (the first one starts it).
    public var records: [RecordRef]
    /// What makes repeats of this finding the same (`CALLERROR NotImplemented answering MeterValues`):
    /// findings of one kind and cause are grouped in the summary and the `p` list. Nil: never grouped.
    public var cause: String?
    /// In a group (`FindingGroups`): how many findings it stands for, and the time of the last.
    public var count: Int = 1
    public var lastTime: Int64? = nil

    public init(_ kind: FindingKind, severity: Severity? = nil, time: Int64, end: Int64? = nil, connector: Int? = nil,
                transactionId: String? = nil, explanation: String, records: [RecordRef], cause: String? = nil) {
        self.kind = kind
        self.severity = severity ?? (kind.category == .problem ? .warning : .info)
        self.time = time
        self.end = end
        self.connector = connector
        self.transactionId = transactionId
        self.explanation = explanation
        self.records = records
        self.cause = cause
    }

    public var category: FindingKind.Category { kind.category }

    /// `end − time`, when it lasts.
    public var durationMs: Int64? { end.map { $0 - time } }
}
