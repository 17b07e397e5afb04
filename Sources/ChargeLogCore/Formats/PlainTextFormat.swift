/// Anything no other format claims: every line kept as an untimed record (placed at its
/// neighbour's time, or at the file's modification time when no line has a time).
public struct PlainTextFormat: LineFormat {
    public static let stream = StreamKind.text
    public init() {}
    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int { 0 }
    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        if let r = GenericISOFormat.stamp(line) { return .start(r.ms) }
        return .untimed
    }
}
