/// Python `logging` with the cookbook's format `%(asctime)s - %(name)s - %(levelname)s - %(message)s`:
/// `2025-10-03 13:09:13,380 - ocpp - INFO - 1: send [2,…]`. `asctime` is local time without a zone,
/// comma before the milliseconds. Lines without a stamp (tracebacks) continue the record before them.
public struct PythonLoggingFormat: LineFormat {
    public static let stream = StreamKind.python
    public init() {}

    /// The stamp, and the level when ` - name - LEVEL - ` follows it.
    static func parse<C: RandomAccessCollection<UInt8>>(_ l: C) -> (stamp: ISOStamp.Result, level: LogLevel?)? where C.Index == Int {
        guard let r = ISOStamp.parse(l), r.length >= 19 else { return nil }
        let i = l.startIndex + r.length
        guard Bytes.hasPrefix(l, " - ", at: i) else { return (r, nil) }
        // The logger name runs to the next ` - `; the level word follows it.
        guard let sep = Bytes.find(l, " - ", from: i + 3), sep - i < 200,
              let (level, end) = LevelWord.parseUpper(l, at: sep + 3),
              case let k = Bytes.skipSpaces(l, end), k == l.endIndex || Bytes.hasPrefix(l, "- ", at: k) || k + 1 == l.endIndex
        else { return (r, nil) }
        return (r, level)
    }

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in
            guard let p = parse(l), p.level != nil else { return n }
            return n + 2
        }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        guard let p = Self.parse(line) else { return .continuation }
        return .start(p.stamp.ms, level: p.level ?? .none)
    }
}
