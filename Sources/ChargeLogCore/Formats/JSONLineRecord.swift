/// One JSON-lines record: the object on a line and the fields the JSON formats read from it
/// (time, level, message). Keys are matched exactly, first listed key first.
struct JSONLineRecord {
    let fields: [(key: String, value: JSONValue)]

    static let timeKeys = ["timestamp", "@timestamp", "time", "ts", "datetime"]
    static let levelKeys = ["level", "lvl", "severity", "levelname", "loglevel", "log.level"]
    static let messageKeys = ["message", "msg", "log"]

    /// The object on the line (leading spaces allowed, nothing but spaces and the line end after it),
    /// or nil. A record's bytes as the analysis reads them end in `\n` or `\r\n`.
    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> JSONLineRecord? {
        let start = Bytes.skipSpaces(line, 0)
        guard start < line.count, line[start] == UInt8(ascii: "{"),
              case .success(let (value, end)) = JSONParser.parsePrefix(line, from: start),
              onlyLineEnd(line, from: end), let fields = value.objectValue else { return nil }
        return JSONLineRecord(fields: fields)
    }

    /// Nothing but spaces, tabs, CR and LF from `i` on.
    static func onlyLineEnd(_ line: UnsafeBufferPointer<UInt8>, from i: Int) -> Bool {
        line[i...].allSatisfy { Bytes.isSpace($0) || $0 == 0x0A || $0 == 0x0D }
    }

    static func parse(_ line: ArraySlice<UInt8>) -> JSONLineRecord? {
        line.withUnsafeBufferPointer { parse($0) }
    }

    func value(_ keys: [String]) -> JSONValue? {
        for k in keys { if let v = fields.first(where: { $0.key == k })?.value { return v } }
        return nil
    }

    func string(_ key: String) -> String? { value([key])?.stringValue }

    /// The record's time: an ISO string, or epoch seconds / ms / µs / ns as a number or digit string.
    var time: Int64? { value(Self.timeKeys).flatMap(Self.time) }

    static func time(_ v: JSONValue) -> Int64? {
        switch v {
        case .string(let s):
            let bytes = Array(s.utf8)
            if let r = ISOStamp.parse(bytes), r.length >= 16 { return r.ms }
            return epoch(s)
        case .number(let n):
            return epoch(n)
        default:
            return nil
        }
    }

    /// Epoch seconds, ms, µs or ns by magnitude (any date from 1973 on).
    static func epoch(_ text: String) -> Int64? {
        guard let d = Double(text), d.isFinite, d > 0 else { return nil }
        let ms: Double
        if d >= 1e17 { ms = d / 1e6 } else if d >= 1e14 { ms = d / 1e3 } else if d >= 1e11 { ms = d } else if d >= 1e8 { ms = d * 1000 } else { return nil }
        guard ms < 7.3e12 else { return nil }   // before year 2200
        return Int64(ms.rounded())
    }

    /// The level: a word (`info`, `WARNING`) or pino / bunyan numbers (10 trace … 60 fatal).
    var level: LogLevel {
        guard let v = value(Self.levelKeys) else { return .none }
        switch v {
        case .string(let s):
            let bytes = Array(s.utf8)
            return LevelWord.parse(bytes, at: 0).map { $0.end == bytes.count ? $0.level : .none } ?? .none
        case .number(let n):
            guard let k = Int(n) else { return .none }
            switch k {
            case 10: return .trace
            case 20: return .debug
            case 30: return .info
            case 40: return .warn
            case 50: return .error
            case 60: return .fatal
            default: return .none
            }
        default:
            return .none
        }
    }
}
