/// The line parser of a user-defined format. `LineFormat` builds parsers with `init()`; this one is
/// made with its compiled `UserFormat` (`init(_:)`) and handed to the scanner as a value
/// (`FileScanner.session(parser:)`), so it runs through the same indexer path as the built-in formats
/// without adding anything to their loop. `init()` exists for the protocol only: without a format
/// every line is untimed.
public struct UserLineFormat: LineFormat {
    public static let stream = StreamKind.custom
    let format: UserFormat?
    /// Time-of-day stamps: the day reached so far (a stamp more than 12 hours back is the next day).
    var day: Int64 = 0
    var previousClock: Int64? = nil

    public init() { format = nil }
    public init(_ format: UserFormat) { self.format = format }

    /// User formats are scored as values (`UserFormat.score`), not through the registry.
    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int { 0 }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        guard let format else { return .untimed }
        guard let m = format.match(LosslessText.decode(line)) else {
            if format.multiline { return .continuation }
            return Bytes.isBlank(line) ? .untimed : .unparsed
        }
        if m.stamp.yearless { return .yearless(m.stamp.ms, level: m.level) }
        if m.stamp.timeOfDayOnly {
            if let p = previousClock, m.stamp.ms < p - 12 * 3_600_000 { day += CivilTime.msPerDay }
            previousClock = m.stamp.ms
            var v = LineVerdict.start(day + m.stamp.ms, level: m.level)
            v.timeOfDayOnly = true
            return v
        }
        return .start(m.stamp.ms, level: m.level)
    }
}

extension ScanSession {
    /// A session whose parser is a value made by the caller (a user-defined format).
    init(parser: F) {
        self.init()
        self.parser = parser
    }
}

extension FileScanner {
    static func session<F: LineFormat>(parser: F, expectedRecords: Int = 0) -> any ResumableScan {
        var s = ScanSession(parser: parser)
        s.output.index.reserve(expectedRecords)
        return s
    }
}
