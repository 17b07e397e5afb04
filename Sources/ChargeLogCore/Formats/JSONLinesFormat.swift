/// JSON lines (NDJSON), as modern back ends and log shippers write them: one object per line,
/// `{"timestamp":"2024-01-05T10:00:00.123Z","level":"info","message":"send [2,\"42\",\"Heartbeat\",{}]"}`.
/// The time comes from `timestamp`, `@timestamp`, `time`, `ts` or `datetime` (ISO text, or epoch
/// seconds / ms as a number); the level from `level`, `lvl`, `severity` …; OCPP frames from any
/// string field (escaped inside it) or an array field. A line that is not an object is kept raw.
public struct JSONLinesFormat: LineFormat {
    public static let stream = StreamKind.jsonl
    public init() {}

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in
            guard let f = l.first(where: { !Bytes.isSpace($0) }), f == UInt8(ascii: "{"),
                  let r = JSONLineRecord.parse(l) else { return n }
            return r.time != nil ? n + 2 : n + 1
        }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        guard let r = JSONLineRecord.parse(line) else { return Bytes.isBlank(line) ? .untimed : .unparsed }
        if let t = r.time { return .start(t, level: r.level) }
        return LineVerdict(kind: .untimed, level: r.level)
    }
}
