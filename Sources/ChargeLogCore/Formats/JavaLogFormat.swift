/// Java logback / log4j pattern layouts: `2024-01-05 10:00:00,123 [main] INFO  com.example.Foo - message`
/// (`%d [%thread] %-5level %logger - %msg`), also with the level before the thread
/// (`2024-01-05 10:00:00.123 INFO [main] com.example.Foo - message`) and Spring Boot's
/// `2024-01-05 10:00:00.123  INFO 4242 --- [main] c.e.Foo : message`. Stack traces (`\tat …`,
/// `Caused by: …`) and other lines without a stamp continue the record before them.
public struct JavaLogFormat: LineFormat {
    public static let stream = StreamKind.java
    public init() {}

    /// `[thread]` at `i`: the index after `] `.
    static func thread<C: RandomAccessCollection<UInt8>>(_ l: C, at i: Int) -> Int? where C.Index == Int {
        guard i < l.endIndex, l[i] == UInt8(ascii: "["), let close = Bytes.find(l, "]", from: i + 1),
              close - i < 120, close + 1 < l.endIndex, l[close + 1] == UInt8(ascii: " ") else { return nil }
        return Bytes.skipSpaces(l, close + 1)
    }

    /// The stamp, and the level when a thread in brackets sits next to it.
    static func parse<C: RandomAccessCollection<UInt8>>(_ l: C) -> (stamp: ISOStamp.Result, level: LogLevel?)? where C.Index == Int {
        guard let r = ISOStamp.parse(l), r.length >= 19 else { return nil }
        let i = l.startIndex + r.length
        guard i < l.endIndex, l[i] == UInt8(ascii: " ") else { return (r, nil) }
        let a = i + 1
        // `[thread] LEVEL logger - `
        if let afterThread = thread(l, at: a), let (level, end) = LevelWord.parseUpper(l, at: afterThread),
           end < l.endIndex, l[end] == UInt8(ascii: " ") {
            return (r, level)
        }
        // `LEVEL [thread] logger - `, Spring Boot's `LEVEL 1234 --- [thread] logger : `
        if let (level, end) = LevelWord.parseUpper(l, at: Bytes.skipSpaces(l, a)) {
            var k = Bytes.skipSpaces(l, end)
            while k < l.endIndex, ISOStamp.digit(l[k]) != nil { k += 1 }
            k = Bytes.skipSpaces(l, k)
            if Bytes.hasPrefix(l, "---", at: k) { k = Bytes.skipSpaces(l, k + 3) }
            if thread(l, at: k) != nil { return (r, level) }
        }
        return (r, nil)
    }

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in parse(l)?.level != nil ? n + 2 : n }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        guard let p = Self.parse(line) else { return .continuation }
        return .start(p.stamp.ms, level: p.level ?? .none)
    }
}
