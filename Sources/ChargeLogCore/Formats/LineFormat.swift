/// What a format's parser says about one line.
public struct LineVerdict: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        /// The line starts a record with its own time.
        case start
        /// The line belongs to the record before it (wrapped frame, stack trace, split CCU record).
        case continuation
        /// The line starts a record but carries no time: it takes its neighbour's.
        case untimed
    }

    public var kind: Kind
    /// Epoch ms. For `yearless` stamps: the civil time placed in the provisional year 2000.
    public var time: Int64
    /// The stamp has no year (`Apr/30 20:02:13`); the bundle decides it later.
    public var yearless: Bool
    /// A header that states the absolute year of its own (yearless) stamp, e.g. the fault log's
    /// `[January/10 06:20:31.486 UTC]2024/January/10 06:20:31.485`. 0 when none.
    public var anchorYear: Int32
    public var level: LogLevel
    /// Extra flags: `.unparsed` for a line that does not fit the format, `.header`.
    public var flags: RecordFlags
    /// The stamp is a time of day only and nothing in the file gave its date: the time sits on
    /// 1970-01-01 (plus a day per midnight passed) until something else dates the file.
    public var timeOfDayOnly = false

    public init(kind: Kind, time: Int64 = 0, yearless: Bool = false, anchorYear: Int32 = 0,
                level: LogLevel = .none, flags: RecordFlags = []) {
        self.kind = kind
        self.time = time
        self.yearless = yearless
        self.anchorYear = anchorYear
        self.level = level
        self.flags = flags
    }

    public static func start(_ time: Int64, level: LogLevel = .none, flags: RecordFlags = []) -> LineVerdict {
        LineVerdict(kind: .start, time: time, level: level, flags: flags)
    }
    public static func yearless(_ time: Int64, level: LogLevel = .none, flags: RecordFlags = [],
                                anchorYear: Int32 = 0) -> LineVerdict {
        LineVerdict(kind: .start, time: time, yearless: true, anchorYear: anchorYear, level: level, flags: flags)
    }
    public static let continuation = LineVerdict(kind: .continuation)
    public static let untimed = LineVerdict(kind: .untimed)
    /// A line that does not fit the format: kept raw, with its neighbour's time and a marker.
    public static let unparsed = LineVerdict(kind: .untimed, flags: .unparsed)
}

/// One log format: how to recognise it from a sample, and how to classify each line.
/// Parsers are small structs; the indexer is generic over them so the per-line call is specialised.
public protocol LineFormat: SendableMetatype {
    /// The stream this format produces.
    static var stream: StreamKind { get }
    init()
    /// How many of these sample lines (the first lines of a file, without line ends) are clearly
    /// in this format. Detection picks the format with the highest score.
    static func score(_ lines: [ArraySlice<UInt8>]) -> Int
    /// Classifies one line (without its line end). May keep state across lines of one file.
    mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict
    /// The text of a record from its lines (without line ends). Default: the lines joined with `\n`.
    static func recordText(_ lines: [ArraySlice<UInt8>]) -> [UInt8]
}

extension LineFormat {
    public static func recordText(_ lines: [ArraySlice<UInt8>]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for (i, l) in lines.enumerated() {
            if i > 0 { out.append(0x0A) }
            out.append(contentsOf: l)
        }
        return out
    }
}

/// All formats, in detection priority order (earlier wins a tie). The field formats score a line
/// that fits them fully at 2 or more, so that they win over the generic ISO format (1 per stamp) and
/// bare frames (1 per frame line) on their own files, and score nothing on the seed formats' lines.
public enum FormatRegistry {
    public static let all: [any LineFormat.Type] = [
        OCPPProxyFormat.self, MainProcessFormat.self, CCUFormat.self, FaultFormat.self, UpdateFormat.self,
        ModuleFormat.self, ChargePilotCSVFormat.self,
        OCPPTraceFormat.self, EVerestMessageFormat.self, JSONLinesFormat.self,
        HomeAssistantFormat.self, PythonLoggingFormat.self, JavaLogFormat.self, SyslogFormat.self,
        PythonBasicFormat.self, UvicornFormat.self, TimeOfDayFormat.self,
        FramesFormat.self, GenericISOFormat.self,
    ]

    public static func format(for stream: StreamKind) -> any LineFormat.Type {
        all.first { $0.stream == stream } ?? PlainTextFormat.self
    }

    /// The parser a file is scanned with: its format, reading lines without their ANSI colour codes
    /// when the file's first block holds any.
    static func scanFormat(for stream: StreamKind, ansi: Bool) -> any LineFormat.Type {
        let f = format(for: stream)
        return ansi ? stripping(f) : f
    }

    static func stripping(_ f: any LineFormat.Type) -> any LineFormat.Type {
        func wrap<F: LineFormat>(_: F.Type) -> any LineFormat.Type { ANSIStripped<F>.self }
        return wrap(f)
    }

    /// A record's text as the timeline shows it: the format's joining of its lines, ANSI colour codes
    /// left out.
    public static func displayText(_ lines: [ArraySlice<UInt8>], stream: StreamKind) -> [UInt8] {
        let format = format(for: stream)
        guard lines.contains(where: { ANSIEscapes.contains($0) }) else { return format.recordText(lines) }
        return format.recordText(lines.map { ANSIEscapes.strip($0)[...] })
    }
}
