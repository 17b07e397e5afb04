/// Which records to keep: time window, streams, text pattern. Cheap checks (index only) come first.
public struct RecordFilter: Sendable {
    public var since: Int64?
    public var until: Int64?
    public var streams: Set<StreamKind>?
    public var pattern: TextPattern?
    /// Only these records (the viewer's `:write` of the rows it shows); nil: all.
    public var records: Set<RecordRef>?

    public init(since: Int64? = nil, until: Int64? = nil, streams: Set<StreamKind>? = nil, pattern: TextPattern? = nil) {
        self.since = since
        self.until = until
        self.streams = streams
        self.pattern = pattern
    }

    /// Checks that need no text.
    public func accepts(_ info: RecordInfo) -> Bool {
        if let s = since, info.time < s { return false }
        if let u = until, info.time >= u { return false }
        if let st = streams, !st.contains(info.stream) { return false }
        if let r = records, !r.contains(info.ref) { return false }
        return true
    }

    public func accepts(text: String) -> Bool { pattern?.matches(text) ?? true }
}
