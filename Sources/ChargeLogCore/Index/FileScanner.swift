/// Streams one file through its format's parser and builds the compact index.
/// Reads 4 MiB blocks with pread; a line longer than the block grows the buffer.
struct FileScanner {
    struct Output {
        var index = FileIndex()
        var stats = FileStats()
        /// The file's stamps have no year (they sit in 2000 + rollovers until the bundle decides).
        var yearless = false
        /// Header anchors: record index and the year delta its header proves.
        var anchors: [(record: Int, delta: Int)] = []
        /// The file held no stamp at all.
        var untimedOnly = true
    }

    static let blockSize = 1 << 22
    static let hugeLine = 1 << 20
    /// A year-less stamp that falls back by more than this is read as a New Year rollover.
    static let rolloverThreshold: Int64 = 180 * CivilTime.msPerDay

    static func scan(_ format: any LineFormat.Type, reader: FileReader, expectedRecords: Int = 0) -> Output {
        scanTyped(format, reader: reader, expectedRecords: expectedRecords)
    }

    static func scanTyped<F: LineFormat>(_: F.Type, reader: FileReader, expectedRecords: Int) -> Output {
        var out = Output()
        out.index.reserve(expectedRecords)
        var parser = F()
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0          // bytes in buffer
        var bufferOffset: UInt64 = 0  // file offset of buffer[0]
        var eof = false

        // Record state.
        var lastTime: Int64? = nil
        var prevRaw: Int64? = nil      // previous year-less stamp as parsed (year 2000)
        var cycle = 0
        var shifter = YearShifter(years: 0)
        var pendingUntimed: [Int] = [] // records before the first stamp
        var hasRecord = false

        func handle(_ line: UnsafeBufferPointer<UInt8>, offset: UInt64, out: inout Output) {
            out.stats.lines += 1
            if line.count > out.stats.longestLine { out.stats.longestLine = line.count }
            if line.count > hugeLine { out.stats.hugeLines += 1 }
            checkBytes(line, &out.stats)
            var v = parser.classify(line)
            if v.kind == .continuation && !hasRecord { v = .untimed }
            switch v.kind {
            case .continuation:
                out.index.addExtraLines(1)
                out.index.orFlags(out.index.count - 1, .multiLine)
            case .start:
                var t = v.time
                if v.yearless {
                    out.yearless = true
                    if let p = prevRaw, v.time < p - rolloverThreshold {
                        cycle += 1
                        out.stats.yearRollovers += 1
                        shifter = YearShifter(years: cycle)
                    }
                    prevRaw = v.time
                    t = shifter.shift(v.time)
                    if v.anchorYear != 0 {
                        out.anchors.append((out.index.count, Int(v.anchorYear) - (YearlessStamp.provisionalYear + cycle)))
                    }
                }
                var flags = v.flags
                if let l = lastTime, t < l {
                    flags.insert(.outOfOrder)
                    out.stats.outOfOrder += 1
                }
                lastTime = t
                out.untimedOnly = false
                out.index.append(offset: offset, time: t, packed: PackedFlags.pack(flags, v.level))
                hasRecord = true
                if !pendingUntimed.isEmpty {
                    for i in pendingUntimed { out.index.times.set(i, t) }
                    pendingUntimed.removeAll()
                }
            case .untimed:
                var flags = v.flags
                flags.insert(.inferredTime)
                out.stats.untimedLines += 1
                if flags.contains(.unparsed) { out.stats.unparsedLines += 1 }
                if lastTime == nil { pendingUntimed.append(out.index.count) }
                out.index.append(offset: offset, time: lastTime ?? 0, packed: PackedFlags.pack(flags, v.level))
                hasRecord = true
            }
        }

        var pos = 0
        while true {
            // Find complete lines in buffer[pos..<filled].
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            while pos < filled {
                let rest = filled - pos
                guard let nl = memchrIndex(base + pos, rest) else { break }
                var end = pos + nl
                let lineEnd = end
                if end > pos, base[end - 1] == 0x0D { end -= 1; out.stats.crlfLines += 1 }
                handle(UnsafeBufferPointer(start: base + pos, count: end - pos), offset: bufferOffset + UInt64(pos), out: &out)
                pos = lineEnd + 1
            }
            if eof {
                if pos < filled {
                    out.stats.unterminatedLastLine = true
                    var end = filled
                    if base[end - 1] == 0x0D { end -= 1 }
                    handle(UnsafeBufferPointer(start: base + pos, count: end - pos), offset: bufferOffset + UInt64(pos), out: &out)
                }
                out.index.endOffset = bufferOffset + UInt64(filled)
                break
            }
            // Move the partial line to the front; grow when a single line fills the buffer.
            if pos > 0 {
                let rest = filled - pos
                if rest > 0 { (buffer.baseAddress! + 0).copyMemory(from: buffer.baseAddress! + pos, byteCount: rest) }
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
        out.index.shrink()
        return out
    }

    /// Counts lines holding NUL bytes or invalid UTF-8 (word-at-a-time fast path for ASCII).
    @inline(__always)
    static func checkBytes(_ line: UnsafeBufferPointer<UInt8>, _ stats: inout FileStats) {
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
        if zero {
            // The word test can report a false zero only next to a high byte; confirm.
            if memchrZero(p, n) { stats.linesWithNUL += 1 }
        }
        if high && !LosslessText.isValidUTF8(line) { stats.linesWithInvalidUTF8 += 1 }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always)
func memchrIndex(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
    guard let r = memchr(p, 0x0A, n) else { return nil }
    return UnsafeRawPointer(r) - UnsafeRawPointer(p)
}

@inline(__always)
func memchrZero(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool { memchr(p, 0, n) != nil }
