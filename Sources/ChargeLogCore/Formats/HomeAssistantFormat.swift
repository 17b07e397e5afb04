/// Home Assistant's log (`home-assistant.log`, `debug.log`):
/// `2026-02-16 18:06:46.507 INFO (MainThread) [ocpp] 129.168.1.4:9000: receive message [2,…]`:
/// local time without a zone, level, thread in parentheses, logger in brackets. Lines without a
/// stamp (`Dependencies: {…}`, banners, tracebacks) continue the record before them.
public struct HomeAssistantFormat: LineFormat {
    public static let stream = StreamKind.homeassistant
    public init() {}

    /// The stamp, and the level when `LEVEL (thread) [logger]` follows it.
    static func parse<C: RandomAccessCollection<UInt8>>(_ l: C) -> (stamp: ISOStamp.Result, level: LogLevel?)? where C.Index == Int {
        guard let r = ISOStamp.parse(l), r.length >= 19 else { return nil }
        let i = l.startIndex + r.length
        guard i < l.endIndex, l[i] == UInt8(ascii: " "),
              let (level, end) = LevelWord.parseUpper(l, at: i + 1),
              Bytes.hasPrefix(l, " (", at: end),
              let close = Bytes.find(l, ") [", from: end + 2), close - end < 100 else { return (r, nil) }
        return (r, level)
    }

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in parse(l)?.level != nil ? n + 2 : n }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        guard let p = Self.parse(line) else { return .continuation }
        return .start(p.stamp.ms, level: p.level ?? .none)
    }
}
