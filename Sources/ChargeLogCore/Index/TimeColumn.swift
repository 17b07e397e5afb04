/// Record times in 4 bytes each: an Int32 millisecond delta from the base of the segment the record
/// falls in. A new segment starts whenever a time is more than ±24 days from the current base
/// (rare: long quiet gaps, New Year jumps), so any span is representable.
public struct TimeColumn: Sendable {
    private(set) var deltas: [Int32] = []
    /// First record of each segment, and its base time.
    private(set) var segmentStart: [UInt32] = []
    private(set) var segmentBase: [Int64] = []

    public init() {}

    /// A column from stored parts (the on-disk index); nil when they do not fit together.
    init?(deltas: [Int32], segmentStart: [UInt32], segmentBase: [Int64]) {
        guard segmentStart.count == segmentBase.count, deltas.isEmpty == segmentStart.isEmpty,
              segmentStart.first ?? 0 == 0,
              zip(segmentStart, segmentStart.dropFirst()).allSatisfy({ $0 < $1 }),
              Int(segmentStart.last ?? 0) < max(1, deltas.count) else { return nil }
        self.deltas = deltas
        self.segmentStart = segmentStart
        self.segmentBase = segmentBase
    }

    public var count: Int { deltas.count }
    var capacity: Int { deltas.capacity }

    mutating func reserve(_ n: Int) { deltas.reserveCapacity(n) }

    mutating func append(_ t: Int64) {
        if let base = segmentBase.last, let d = Int32(exactly: CheckedNumber.saturatingDifference(t, base)) {
            deltas.append(d)
        } else {
            segmentStart.append(UInt32(clamping: deltas.count))
            segmentBase.append(t)
            deltas.append(0)
        }
    }

    /// Segment index holding record i.
    func segment(_ i: Int) -> Int {
        if segmentStart.count == 1 { return 0 }
        var lo = 0, hi = segmentStart.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(segmentStart[mid]) <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }

    public subscript(i: Int) -> Int64 {
        segmentBase[segment(i)] + Int64(deltas[i])
    }

    /// Sets record i (used to back-fill records that preceded the first stamp).
    mutating func set(_ i: Int, _ t: Int64) {
        let s = segment(i)
        if let d = Int32(exactly: CheckedNumber.saturatingDifference(t, segmentBase[s])) {
            deltas[i] = d
        } else {
            self = mapped { j, old in j == i ? t : old }
        }
    }

    /// Visits every time in order, without a segment search per record.
    func forEach(_ body: (Int, Int64) -> Void) {
        var s = 0
        for i in 0..<deltas.count {
            while s + 1 < segmentStart.count && Int(segmentStart[s + 1]) <= i { s += 1 }
            body(i, segmentBase[s] + Int64(deltas[i]))
        }
    }

    /// A new column with every time transformed (year shifts); segments are rebuilt.
    func mapped(_ f: (Int, Int64) -> Int64) -> TimeColumn {
        var out = TimeColumn()
        out.reserve(count)
        forEach { i, t in out.append(f(i, t)) }
        return out
    }

    /// All times as an array (tests and small files only).
    public var array: [Int64] {
        var a: [Int64] = []
        a.reserveCapacity(count)
        forEach { _, t in a.append(t) }
        return a
    }

    var memoryBytes: Int { deltas.capacity * 4 + segmentStart.capacity * 4 + segmentBase.capacity * 8 }

    mutating func shrink() {
        guard deltas.capacity > deltas.count + deltas.count / 4 + 1024 else { return }
        deltas = deltas.withUnsafeBufferPointer { Array($0) }
    }
}
