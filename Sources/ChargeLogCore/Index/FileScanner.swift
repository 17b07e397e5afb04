#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of scanning one file: its compact index and what was counted on the way.
struct ScanOutput: Sendable {
    var index = FileIndex()
    var stats = FileStats()
    /// The file's stamps have no year (they sit in 2000 + rollovers until the bundle decides).
    var yearless = false
    /// Header anchors: record index and the year delta its header proves.
    var anchors: [(record: Int, delta: Int)] = []
    /// The file held no stamp at all.
    var untimedOnly = true
    /// Its stamps are times of day that nothing in the file dated (`TimeOfDayFormat` without a header).
    var timeOfDayOnly = false
}

/// A scan that can be resumed when the file grows (follow mode).
protocol ResumableScan {
    var output: ScanOutput { get set }
    /// File offset of the first byte not yet consumed (the start of an unfinished last line).
    var scannedTo: UInt64 { get }
    /// Reads from `scannedTo` to the end of the file. With `final`, an unterminated last line is
    /// indexed too; without, it waits for its line end.
    mutating func advance(reader: FileReader, final: Bool)
}

/// Streams one file through its format's parser and builds the compact index.
/// Reads 4 MiB blocks with pread; a line longer than the block grows the buffer.
enum FileScanner {
    static let blockSize = 1 << 22
    static let hugeLine = 1 << 20
    /// A year-less stamp that falls back by more than this is read as a New Year rollover.
    static let rolloverThreshold: Int64 = 180 * CivilTime.msPerDay

    static func session(_ format: any LineFormat.Type, expectedRecords: Int = 0) -> any ResumableScan {
        makeSession(format, expectedRecords: expectedRecords)
    }

    static func makeSession<F: LineFormat>(_: F.Type, expectedRecords: Int) -> any ResumableScan {
        var s = ScanSession<F>()
        s.output.index.reserve(expectedRecords)
        return s
    }

    /// Scans a whole file once.
    static func scan(_ format: any LineFormat.Type, reader: FileReader, expectedRecords: Int = 0) -> ScanOutput {
        var s = session(format, expectedRecords: expectedRecords)
        s.advance(reader: reader, final: true)
        var out = s.output
        out.index.shrink()
        return out
    }
}

/// The per-file scanning state: the parser and what it needs to remember between lines.
struct ScanSession<F: LineFormat>: ResumableScan {
    var output = ScanOutput()
    var scannedTo: UInt64 = 0
    var parser = F()
    var lastTime: Int64? = nil
    var prevRaw: Int64? = nil      // previous year-less stamp as parsed (year 2000)
    var cycle = 0
    var shifter = YearShifter(years: 0)
    var pendingUntimed: [Int] = [] // records before the first stamp
    var hasRecord = false

    mutating func handle(_ line: UnsafeBufferPointer<UInt8>, offset: UInt64) {
        output.stats.lines += 1
        if line.count > output.stats.longestLine { output.stats.longestLine = line.count }
        if line.count > FileScanner.hugeLine { output.stats.hugeLines += 1 }
        ByteChecks.count(line, &output.stats)
        var v = parser.classify(line)
        if v.kind == .continuation && !hasRecord { v = .untimed }
        switch v.kind {
        case .continuation:
            output.index.addExtraLines(1)
            output.index.orFlags(output.index.count - 1, .multiLine)
        case .start:
            var t = v.time
            if v.yearless {
                output.yearless = true
                if let p = prevRaw, v.time < p - FileScanner.rolloverThreshold {
                    cycle += 1
                    output.stats.yearRollovers += 1
                    shifter = YearShifter(years: YearShifter.cycleYears * cycle)
                }
                prevRaw = v.time
                t = shifter.shift(v.time)
                if v.anchorYear != 0 {
                    output.anchors.append((output.index.count, Int(v.anchorYear) - (YearlessStamp.provisionalYear + cycle)))
                }
            }
            if v.timeOfDayOnly { output.timeOfDayOnly = true }
            var flags = v.flags
            if let l = lastTime, t < l {
                flags.insert(.outOfOrder)
                output.stats.outOfOrder += 1
            }
            lastTime = t
            output.untimedOnly = false
            output.index.append(offset: offset, time: t, packed: PackedFlags.pack(flags, v.level))
            hasRecord = true
            if !pendingUntimed.isEmpty {
                for i in pendingUntimed { output.index.times.set(i, t) }
                pendingUntimed.removeAll()
            }
        case .untimed:
            var flags = v.flags
            flags.insert(.inferredTime)
            output.stats.untimedLines += 1
            if flags.contains(.unparsed) {
                output.stats.unparsedLines += 1
                if ImpossibleStamp.starts(line) { output.stats.impossibleStamps += 1 }
            }
            if lastTime == nil { pendingUntimed.append(output.index.count) }
            output.index.append(offset: offset, time: lastTime ?? 0, packed: PackedFlags.pack(flags, v.level))
            hasRecord = true
        }
    }

    mutating func advance(reader: FileReader, final: Bool) {
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FileScanner.blockSize, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0
        var bufferOffset = scannedTo
        var eof = false
        var pos = 0
        while true {
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            while pos < filled {
                guard let nl = memchr(base + pos, 0x0A, filled - pos) else { break }
                let lineEnd = UnsafeRawPointer(nl) - UnsafeRawPointer(base)
                var end = lineEnd
                if end > pos, base[end - 1] == 0x0D { end -= 1; output.stats.crlfLines += 1 }
                handle(UnsafeBufferPointer(start: base + pos, count: end - pos), offset: bufferOffset + UInt64(pos))
                pos = lineEnd + 1
            }
            if eof {
                output.stats.unterminatedLastLine = pos < filled
                if final && pos < filled {
                    var end = filled
                    if base[end - 1] == 0x0D { end -= 1 }
                    handle(UnsafeBufferPointer(start: base + pos, count: end - pos), offset: bufferOffset + UInt64(pos))
                    pos = filled
                }
                scannedTo = bufferOffset + UInt64(pos)
                output.index.endOffset = scannedTo
                return
            }
            // Move the partial line to the front; grow when a single line fills the buffer.
            if pos > 0 {
                let rest = filled - pos
                if rest > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + pos, byteCount: rest) }
                bufferOffset += UInt64(pos)
                filled = rest
                pos = 0
            } else if filled == buffer.count {
                let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
                bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: filled)
                buffer.deallocate()
                buffer = bigger
            }
            let n = reader.read(into: buffer.baseAddress! + filled, count: buffer.count - filled,
                                at: bufferOffset + UInt64(filled))
            if n <= 0 { eof = true } else { filled += n }
        }
    }
}

/// Counts lines holding NUL bytes or invalid UTF-8 (word-at-a-time fast path for ASCII).
enum ByteChecks {
    @inline(__always)
    static func count(_ line: UnsafeBufferPointer<UInt8>, _ stats: inout FileStats) {
        let n = line.count
        guard n > 0, let p = line.baseAddress else { return }
        var i = 0
        var high = false, zero = false
        let lows: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            if w & highs != 0 { high = true }
            if (w &- lows) & ~w & highs != 0 { zero = true }
            if high && zero { break }
            i += 8
        }
        while i < n {
            let b = p[i]
            if b >= 0x80 { high = true } else if b == 0 { zero = true }
            i += 1
        }
        // The word test can report a false zero next to a high byte; confirm with memchr.
        if zero && memchr(p, 0, n) != nil { stats.linesWithNUL += 1 }
        if high && !LosslessText.isValidUTF8(line) { stats.linesWithInvalidUTF8 += 1 }
    }
}
