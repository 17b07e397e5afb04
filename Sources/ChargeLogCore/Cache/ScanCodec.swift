/// One file's scan as the on-disk index keeps it: what the indexer would have read from the file, with
/// the stream it was read as. Decoded only when its key (the identity of the file's bytes) matches.
struct CachedScanEntry {
    var stream: StreamKind
    /// The user-defined format it was read with, by name.
    var userFormat: String?
    var output: ScanOutput
}

/// Encodes a scan as bytes and back. The entry ends with a CRC-32 of everything before it; anything
/// that does not check (length, magic, version, CRC, array sizes) is `.damaged`, never trusted.
enum ScanCodec {
    static let magic: [UInt8] = Array("CLINDEX\0".utf8)
    /// Bump when the layout of an entry or the meaning of a scan changes.
    static let version: UInt32 = 1

    enum Decoded {
        case entry(CachedScanEntry)
        /// A valid entry for other bytes (the file changed since).
        case stale
        case damaged(String)
    }

    static func encode(_ e: CachedScanEntry, key: String) -> [UInt8] {
        let ix = e.output.index
        var w = BinaryWriter(capacity: 256 + ix.count * 13)
        magic.forEach { w.put($0) }
        w.put(version)
        w.put(key)
        w.put(e.stream.rawValue)
        w.put(e.userFormat ?? "")
        let o = e.output, s = o.stats
        w.put(o.yearless); w.put(o.untimedOnly); w.put(o.timeOfDayOnly); w.put(s.unterminatedLastLine)
        for n in [s.lines, s.unparsedLines, s.outOfOrder, s.untimedLines, s.linesWithNUL, s.linesWithInvalidUTF8,
                  s.crlfLines, s.longestLine, s.hugeLines, s.yearRollovers, s.impossibleStamps] {
            w.put(Int64(n))
        }
        w.put(array: o.anchors.map { Int64($0.record) })
        w.put(array: o.anchors.map { Int64($0.delta) })
        w.put(ix.endOffset)
        w.put(array: ix.offsetsLow)
        w.put(array: ix.highMarks)
        w.put(array: ix.times.deltas)
        w.put(array: ix.times.segmentStart)
        w.put(array: ix.times.segmentBase)
        w.put(array: ix.packed)
        w.put(array: ix.multiRecords)
        w.put(array: ix.multiCumulative)
        w.put(Checksum.crc32(w.bytes))
        return w.bytes
    }

    static func decode(_ bytes: [UInt8], key: String) -> Decoded {
        guard bytes.count > magic.count + 8 else { return .damaged("too short (\(bytes.count) bytes)") }
        let body = bytes.count - 4
        var tail = BinaryReader(Array(bytes[body...]))
        let stored: UInt32 = tail.get()!
        let crc = bytes.withUnsafeBytes { Checksum.crc32(UnsafeRawBufferPointer(rebasing: $0[..<body])) }
        guard crc == stored else { return .damaged("checksum does not match") }
        var r = BinaryReader(bytes)
        guard Array(bytes[..<magic.count]) == magic else { return .damaged("not an index entry") }
        for _ in magic { _ = r.get(UInt8.self) }
        guard let v: UInt32 = r.get() else { return .damaged("truncated") }
        guard v == version else { return .stale }
        guard let storedKey = r.getString() else { return .damaged("truncated") }
        guard storedKey == key else { return .stale }
        guard let entry = parts(&r) else { return .damaged("its parts do not fit together") }
        guard r.remaining == 4 else { return .damaged("\(r.remaining - 4) bytes past its end") }
        return .entry(entry)
    }

    private static func parts(_ r: inout BinaryReader) -> CachedScanEntry? {
        guard let streamName = r.getString(), let stream = StreamKind(rawValue: streamName),
              let user = r.getString(),
              let yearless = r.getBool(), let untimedOnly = r.getBool(), let timeOfDayOnly = r.getBool(),
              let unterminated = r.getBool() else { return nil }
        var counts: [Int] = []
        for _ in 0..<11 {
            // Counts of lines and bytes: below 2^48, so sums of them cannot overflow.
            guard let n: Int64 = r.get(), n >= 0, n < 1 << 48 else { return nil }
            counts.append(Int(n))
        }
        guard let anchorRecords = r.getArray(Int64.self), let anchorDeltas = r.getArray(Int64.self),
              anchorRecords.count == anchorDeltas.count,
              let endOffset: UInt64 = r.get(),
              let offsetsLow = r.getArray(UInt32.self), let highMarks = r.getArray(UInt32.self),
              let deltas = r.getArray(Int32.self), let segmentStart = r.getArray(UInt32.self),
              let segmentBase = r.getArray(Int64.self), let packed = r.getArray(UInt8.self),
              let multiRecords = r.getArray(UInt32.self), let multiCumulative = r.getArray(UInt32.self),
              let times = TimeColumn(deltas: deltas, segmentStart: segmentStart, segmentBase: segmentBase)
        else { return nil }
        let n = deltas.count
        // What readers of the index rely on: offsets that grow record by record (every byte range valid),
        // line counts that never fall, times that can be added to without overflow.
        let timeBound: Int64 = 1 << 50
        guard offsetsLow.count == n, packed.count == n, multiRecords.count == multiCumulative.count,
              highMarks.allSatisfy({ Int($0) <= n }), zip(highMarks, highMarks.dropFirst()).allSatisfy({ $0 <= $1 }),
              multiRecords.allSatisfy({ Int($0) < n }),
              anchorRecords.allSatisfy({ $0 >= 0 && $0 < n }), anchorDeltas.allSatisfy({ abs($0) < 1 << 20 }),
              zip(multiRecords, multiRecords.dropFirst()).allSatisfy({ $0 < $1 }),
              zip(multiCumulative, multiCumulative.dropFirst()).allSatisfy({ $0 <= $1 }),
              segmentBase.allSatisfy({ abs($0) < timeBound }) else { return nil }
        var out = ScanOutput()
        out.index.offsetsLow = offsetsLow
        out.index.highMarks = highMarks
        out.index.endOffset = endOffset
        out.index.times = times
        out.index.packed = packed
        out.index.multiRecords = multiRecords
        out.index.multiCumulative = multiCumulative
        guard Self.offsetsGrow(out.index, below: endOffset) else { return nil }
        out.yearless = yearless
        out.untimedOnly = untimedOnly
        out.timeOfDayOnly = timeOfDayOnly
        out.anchors = zip(anchorRecords, anchorDeltas).map { (Int($0), Int($1)) }
        var s = FileStats()
        (s.lines, s.unparsedLines, s.outOfOrder, s.untimedLines, s.linesWithNUL, s.linesWithInvalidUTF8) =
            (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5])
        (s.crlfLines, s.longestLine, s.hugeLines, s.yearRollovers, s.impossibleStamps) =
            (counts[6], counts[7], counts[8], counts[9], counts[10])
        s.unterminatedLastLine = unterminated
        out.stats = s
        return CachedScanEntry(stream: stream, userFormat: user.isEmpty ? nil : user, output: out)
    }

    /// Every record starts after the one before it, and the last before the end.
    static func offsetsGrow(_ ix: FileIndex, below end: UInt64) -> Bool {
        var mark = 0
        var previous: UInt64? = nil
        for i in 0..<ix.offsetsLow.count {
            while mark < ix.highMarks.count && Int(ix.highMarks[mark]) <= i { mark += 1 }
            let offset = UInt64(mark) << 32 | UInt64(ix.offsetsLow[i])
            if let p = previous, offset <= p { return false }
            previous = offset
        }
        return previous.map { $0 < end } ?? true
    }
}
