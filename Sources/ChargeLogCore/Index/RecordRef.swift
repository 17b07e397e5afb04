/// A record by file and index within the file. Stable across filters and merges.
public struct RecordRef: Sendable, Hashable, Comparable, Codable {
    public var file: Int
    public var record: Int
    public init(file: Int, record: Int) {
        self.file = file
        self.record = record
    }
    public static func < (a: RecordRef, b: RecordRef) -> Bool {
        a.file != b.file ? a.file < b.file : a.record < b.record
    }
}

/// Everything the index knows about one record without reading its text.
public struct RecordInfo: Sendable, Hashable {
    /// Position in the merged timeline.
    public var position: Int
    public var ref: RecordRef
    public var stream: StreamKind
    /// Path inside the bundle.
    public var file: String
    /// 1-based first line number.
    public var line: Int
    public var lineCount: Int
    public var byteRange: Range<UInt64>
    /// Epoch ms, UTC.
    public var time: Int64
    public var level: LogLevel
    public var flags: RecordFlags
}
