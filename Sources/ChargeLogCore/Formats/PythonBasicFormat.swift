/// Python `logging`'s default line (`logging.basicConfig()`): `INFO:websockets.server:connection open`,
/// i.e. level, logger name, message, and **no time stamp**. uvicorn's own lines
/// (`INFO:     Started server process [10152]`) mix in when it runs the same app. Every other line
/// (a traceback, a repr dump, the blank lines inside a chained traceback) continues the record before it.
public struct PythonBasicFormat: LineFormat {
    public static let stream = StreamKind.pybasic
    public init() {}

    /// `LEVEL:` at the start of the line (upper case, as `logging` prints it): the level and the
    /// index after the colon.
    static func levelPrefix<C: RandomAccessCollection<UInt8>>(_ l: C) -> (level: LogLevel, body: Int)? where C.Index == Int {
        guard let (level, end) = LevelWord.parseUpper(l, at: l.startIndex), end < l.endIndex,
              l[end] == UInt8(ascii: ":") else { return nil }
        return (level, end + 1)
    }

    /// The logger name and its colon after `LEVEL:` (`websockets.server:`, `root:`); the index after it.
    static func loggerName<C: RandomAccessCollection<UInt8>>(_ l: C, from i: Int) -> Int? where C.Index == Int {
        var j = i
        while j < l.endIndex {
            let b = l[j]
            if b == UInt8(ascii: ":") { return j > i ? j + 1 : nil }
            let name = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
            guard name, j - i < 128 else { return nil }
            j += 1
        }
        return nil
    }

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in
            guard let (_, body) = levelPrefix(l) else { return n }
            if loggerName(l, from: body) != nil { return n + 2 }
            return body < l.endIndex && l[body] == UInt8(ascii: " ") ? n + 1 : n
        }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        if let (level, _) = Self.levelPrefix(line) { return LineVerdict(kind: .untimed, level: level) }
        return .continuation
    }
}

/// uvicorn's console lines: `INFO:     Uvicorn running on http://0.0.0.0:8080`, the level and its colon
/// padded to ten columns, no time stamp; access lines `INFO:     127.0.0.1:5000 - "GET / HTTP/1.1" 200 OK`.
/// Other lines (tracebacks) continue the record before them.
public struct UvicornFormat: LineFormat {
    public static let stream = StreamKind.uvicorn
    public init() {}

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in
            guard let (_, body) = PythonBasicFormat.levelPrefix(l), body < l.endIndex,
                  l[body] == UInt8(ascii: " ") else { return n }
            return n + 2
        }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        if let (level, _) = PythonBasicFormat.levelPrefix(line) { return LineVerdict(kind: .untimed, level: level) }
        return .continuation
    }
}
