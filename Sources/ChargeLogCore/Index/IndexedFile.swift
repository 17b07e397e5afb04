/// How the year of a year-less file was decided, for `stats` and the viewer's file list.
public enum YearSource: Sendable, Equatable, CustomStringConvertible {
    /// The lines carry full dates.
    case ownDates
    /// Session header lines inside the file (fault/update logs).
    case headers
    /// Overlap with full-dated streams of the same bundle.
    case bundle
    /// The file's or archive entry's modification time (last resort).
    case modificationTime
    /// `--year` given by the user.
    case userOverride
    /// Nothing anchored it; the current year was assumed.
    case assumed

    public var description: String {
        switch self {
        case .ownDates: "own dates"
        case .headers: "session headers"
        case .bundle: "other streams of the bundle"
        case .modificationTime: "file modification time"
        case .userOverride: "--year"
        case .assumed: "assumed (nothing anchored it)"
        }
    }
}

/// What the indexer counted in one file, beyond its records.
public struct FileStats: Sendable, Equatable {
    public var lines = 0
    public var unparsedLines = 0
    public var outOfOrder = 0
    public var untimedLines = 0
    public var linesWithNUL = 0
    public var linesWithInvalidUTF8 = 0
    public var crlfLines = 0
    public var longestLine = 0
    /// Lines over 1 MiB.
    public var hugeLines = 0
    /// The last line had no line end (half-written, or a file still growing).
    public var unterminatedLastLine = false
    public var yearRollovers = 0
    /// Stamps that cannot be a time (`2024-02-30`, `+99:99`, `Feb/29` in a common year): kept raw,
    /// marked unparsed (and counted in `unparsedLines` too).
    public var impossibleStamps = 0
    public init() {}
}

/// One indexed file: where it came from, its detected stream, its compact index, and a reader.
public final class IndexedFile: Sendable {
    public let id: Int
    public let source: InputFile
    public let stream: StreamKind
    public let index: FileIndex
    public let stats: FileStats
    public let yearSource: YearSource
    /// How the line times were put on the UTC clock, and from what evidence.
    public let clock: ClockDecision
    /// Who wrote the log, when its frames (or `--role`) tell: it decides which way a logged `send` went.
    public let role: WriterRole?
    public let reader: FileReader
    /// The format's name: the stream's, or the user-defined format's (`stream == .custom`).
    public let formatName: String
    /// The format file of a user-defined format.
    public let formatFile: String?
    /// What the on-disk index did for it (nil: not used, or the file is too small to keep).
    public let cacheOutcome: CacheOutcome?

    init(id: Int, source: InputFile, stream: StreamKind, index: FileIndex, stats: FileStats,
         yearSource: YearSource, clock: ClockDecision = .asWritten, role: WriterRole? = nil, reader: FileReader,
         userFormat: (name: String, file: String)? = nil, cacheOutcome: CacheOutcome? = nil) {
        self.id = id
        self.source = source
        self.stream = stream
        self.index = index
        self.stats = stats
        self.yearSource = yearSource
        self.clock = clock
        self.role = role
        self.reader = reader
        self.formatName = userFormat?.name ?? stream.rawValue
        self.formatFile = userFormat?.file
        self.cacheOutcome = cacheOutcome
    }

    public var displayPath: String { source.displayPath }
    public var recordCount: Int { index.count }

    /// First and last record time (file order; out-of-order stamps may lie outside).
    public var timeRange: ClosedRange<Int64>? {
        guard index.count > 0 else { return nil }
        var lo = Int64.max, hi = Int64.min
        index.times.forEach { _, t in
            if t < lo { lo = t }
            if t > hi { hi = t }
        }
        return lo ... hi
    }

    /// Raw bytes of record `i` (all its lines, line ends included).
    public func rawBytes(_ i: Int) -> [UInt8] { reader.read(index.byteRange(i)) }

    /// The record's lines, without line ends (`\r\n` or `\n`).
    public func lines(_ i: Int) -> [ArraySlice<UInt8>] {
        let raw = rawBytes(i)
        return Self.splitLines(raw)
    }

    /// The record's text as the timeline shows it: continuation lines joined with `\n`, a split CCU
    /// record rejoined, ANSI colour codes left out. Invalid UTF-8 bytes appear as `\xNN`, so every byte stays visible.
    public func text(_ i: Int) -> String { text(fromRaw: rawBytes(i)) }

    /// `text(_:)` of a record whose raw bytes were read already (block-wise searches).
    func text(fromRaw raw: [UInt8]) -> String {
        let joined = FormatRegistry.displayText(Self.splitLines(raw), stream: stream)
        return LosslessText.decode(joined)
    }

    static func splitLines(_ raw: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i < raw.count {
            if raw[i] == 0x0A {
                var end = i
                if end > start, raw[end - 1] == 0x0D { end -= 1 }
                out.append(raw[start..<end])
                start = i + 1
            }
            i += 1
        }
        if start < raw.count {
            var end = raw.count
            if raw[end - 1] == 0x0D { end -= 1 }
            out.append(raw[start..<end])
        }
        if out.isEmpty { out.append([][...]) }
        return out
    }
}
