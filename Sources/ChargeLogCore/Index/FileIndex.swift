/// The compact per-record index of one file: about 13 bytes per record, no text.
/// Record `i` spans bytes `offset(i) ..< offset(i + 1)` of the file (line ends included).
public struct FileIndex: Sendable {
    /// Low 32 bits of each record's start offset.
    var offsetsLow: [UInt32] = []
    /// Record indexes where the offset's high part grows by one (files over 4 GiB).
    var highMarks: [UInt32] = []
    /// Byte offset just past the last record.
    var endOffset: UInt64 = 0
    /// Epoch ms per record.
    public internal(set) var times = TimeColumn()
    /// `RecordFlags` + `LogLevel` packed per record.
    var packed: [UInt8] = []
    /// Records spanning several lines: their index and the running total of extra lines so far.
    var multiRecords: [UInt32] = []
    var multiCumulative: [UInt32] = []

    public var count: Int { times.count }

    public func offset(_ i: Int) -> UInt64 {
        if i >= offsetsLow.count { return endOffset }
        var high: UInt64 = 0
        if !highMarks.isEmpty {
            // Number of marks <= i.
            var lo = 0, hi = highMarks.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(highMarks[mid]) <= i { lo = mid + 1 } else { hi = mid }
            }
            high = UInt64(lo)
        }
        return high << 32 | UInt64(offsetsLow[i])
    }

    public func byteRange(_ i: Int) -> Range<UInt64> { offset(i) ..< offset(i + 1) }

    /// The first record of `records` whose start offset is `offset` or more (`records.upperBound` if none).
    func firstRecord(atOrPast offset: UInt64, in records: Range<Int>) -> Int {
        var lo = records.lowerBound, hi = records.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            if self.offset(mid) < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
    public func time(_ i: Int) -> Int64 { times[i] }
    public func flags(_ i: Int) -> RecordFlags { PackedFlags.flags(packed[i]) }
    public func level(_ i: Int) -> LogLevel { PackedFlags.level(packed[i]) }

    /// 1-based number of the record's first line in its file.
    public func lineNumber(_ i: Int) -> Int {
        // Extra lines of multi-line records before i.
        var lo = 0, hi = multiRecords.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(multiRecords[mid]) < i { lo = mid + 1 } else { hi = mid }
        }
        let extra = lo == 0 ? 0 : Int(multiCumulative[lo - 1])
        return i + 1 + extra
    }

    /// Number of lines record i spans.
    public func lineCount(_ i: Int) -> Int {
        lineNumber(i + 1) - lineNumber(i)
    }

    /// Approximate heap bytes held by this index.
    public var memoryBytes: Int {
        offsetsLow.capacity * 4 + highMarks.capacity * 4 + times.memoryBytes + packed.capacity
            + multiRecords.capacity * 4 + multiCumulative.capacity * 4
    }

    // MARK: building

    mutating func append(offset: UInt64, time: Int64, packed p: UInt8) {
        let high = offset >> 32
        while UInt64(highMarks.count) < high { highMarks.append(UInt32(clamping: times.count)) }
        offsetsLow.append(UInt32(truncatingIfNeeded: offset))
        times.append(time)
        packed.append(p)
    }

    /// Marks the last record as spanning `extraLines` more lines than one.
    mutating func addExtraLines(_ extraLines: Int) {
        // Saturating: past 4 G records or lines the numbers stop growing instead of trapping.
        let last = UInt32(clamping: times.count - 1)
        let total = UInt32(clamping: UInt64(multiCumulative.last ?? 0) + UInt64(clamping: extraLines))
        if multiRecords.last == last {
            multiCumulative[multiCumulative.count - 1] = total
        } else {
            multiRecords.append(last)
            multiCumulative.append(total)
        }
    }

    /// Reserves room for about `n` records (estimated from a sample) so the arrays do not double past it.
    mutating func reserve(_ n: Int) {
        guard n > 0 else { return }
        offsetsLow.reserveCapacity(n)
        times.reserve(n)
        packed.reserveCapacity(n)
    }

    mutating func orFlags(_ i: Int, _ f: RecordFlags) { packed[i] |= f.rawValue & RecordFlags.mask }

    mutating func shrink() {
        // Only worth a copy when a quarter or more of the capacity is unused.
        times.shrink()
        guard offsetsLow.capacity > offsetsLow.count + offsetsLow.count / 4 + 1024 else { return }
        // Arrays grown by appending keep up to twice their count; copy into exact-size storage.
        offsetsLow = offsetsLow.withUnsafeBufferPointer { Array($0) }
        packed = packed.withUnsafeBufferPointer { Array($0) }
    }
}
