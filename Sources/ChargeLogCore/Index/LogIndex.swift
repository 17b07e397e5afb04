import HeapModule
import Foundation

/// The merged timeline of a bundle: every record of every file, in one time order.
///
/// Merge rule: a k-way merge by time. A file's own records never change order (a stamp that goes
/// backwards stays where the file put it, flagged `outOfOrder`). Records of equal time keep
/// the order of their files in the bundle (the order `LoadedBundle.files` lists them).
///
/// Because no file is reordered, the merged order is fully given by the sequence of file ids: the
/// record at position p is the k-th record of file `seq[p]`, k = how often that file occurred before p.
/// That costs one byte per record (two past 255 files) plus a checkpoint of per-file counts every
/// 256 positions, instead of a 4-byte permutation.
public final class LogIndex: Sendable {
    public let files: [IndexedFile]
    /// Messages about inputs: skipped files and archives, damaged bytes, guessed years.
    public let diagnostics: [Diagnostic]
    /// Seconds spent indexing (reading, parsing, merging).
    public let indexingSeconds: Double
    /// What the on-disk index did (nil: not used).
    public let cache: CacheReport?
    /// A provisional index (`Indexer.build(provisional:)`): the files still being read, not in it yet.
    public let stillIndexing: [String]
    let order: MergedOrder

    init(files: [IndexedFile], diagnostics: [Diagnostic], indexingSeconds: Double, cache: CacheReport? = nil,
         stillIndexing: [String] = []) {
        self.files = files
        self.diagnostics = diagnostics
        self.indexingSeconds = indexingSeconds
        self.cache = cache
        self.stillIndexing = stillIndexing
        self.order = MergedOrder(files)
    }

    public var count: Int { order.count }
    public var isEmpty: Bool { order.count == 0 }

    /// The record at a merged position.
    public func ref(at position: Int) -> RecordRef { order.ref(at: position) }

    /// Merged position of a record.
    public func position(of ref: RecordRef) -> Int { order.position(of: ref) }

    public func time(at position: Int) -> Int64 {
        let r = ref(at: position)
        return files[r.file].index.times[r.record]
    }

    public func stream(at position: Int) -> StreamKind { files[order.file(at: position)].stream }

    public func info(at position: Int) -> RecordInfo {
        info(of: ref(at: position), position: position)
    }

    public func info(of r: RecordRef, position: Int? = nil) -> RecordInfo {
        let f = files[r.file]
        let ix = f.index
        return RecordInfo(position: position ?? self.position(of: r), ref: r, stream: f.stream, file: f.displayPath,
                          line: ix.lineNumber(r.record), lineCount: ix.lineCount(r.record),
                          byteRange: ix.byteRange(r.record), time: ix.times[r.record],
                          level: ix.level(r.record), flags: ix.flags(r.record))
    }

    /// The record's text (continuations joined with `\n`; invalid bytes as `\xNN`).
    public func text(at position: Int) -> String {
        let r = ref(at: position)
        return files[r.file].text(r.record)
    }

    public func text(of ref: RecordRef) -> String { files[ref.file].text(ref.record) }

    /// The record's bytes exactly as in the file.
    public func rawBytes(at position: Int) -> [UInt8] {
        let r = ref(at: position)
        return files[r.file].rawBytes(r.record)
    }

    /// Visits positions `range` in order with their record, without a per-position lookup.
    public func forEach(in range: Range<Int>? = nil, _ body: (Int, RecordRef) throws -> Void) rethrows {
        try order.forEach(in: range ?? 0..<count, body)
    }

    /// First merged position whose time is >= `time` (binary search; the timeline is sorted except
    /// where a file's own stamps go backwards).
    public func firstPosition(atOrAfter time: Int64) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self.time(at: mid) < time { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Time span of the whole bundle: the times of the first and last records of the merged order
    /// (a file whose stamps go backwards at its end can put a last record before the first one).
    public var timeRange: ClosedRange<Int64>? {
        guard !isEmpty else { return nil }
        let a = time(at: 0), b = time(at: count - 1)
        return min(a, b) ... max(a, b)
    }

    /// Approximate heap bytes of the index (not the text, which stays on disk).
    public var memoryBytes: Int {
        files.reduce(0) { $0 + $1.index.memoryBytes } + order.memoryBytes
    }
}

/// The merged order as a file-id sequence with per-file count checkpoints (see `LogIndex`).
struct MergedOrder: Sendable {
    static let blockShift = 8
    /// File numbers are stored in one byte up to 255 files, in two bytes up to this many.
    static let maxFiles = Int(UInt16.max)
    let fileCount: Int
    private(set) var seq8: [UInt8] = []
    private(set) var seq16: [UInt16] = []
    /// Per block of 256 positions, the number of records of each file before the block.
    private(set) var checkpoints: [UInt32] = []

    var count: Int { fileCount <= 255 ? seq8.count : seq16.count }

    func file(at p: Int) -> Int { fileCount <= 255 ? Int(seq8[p]) : Int(seq16[p]) }

    init(_ files: [IndexedFile]) {
        precondition(files.count <= Self.maxFiles, "LiveIndexer keeps at most maxFiles files")
        fileCount = files.count
        let total = files.reduce(0) { $0 + $1.recordCount }
        if fileCount <= 255 { seq8.reserveCapacity(total) } else { seq16.reserveCapacity(total) }
        checkpoints.reserveCapacity(((total >> Self.blockShift) + 1) * fileCount)
        var counts = [UInt32](repeating: 0, count: fileCount)
        var position = 0
        func emit(_ f: Int) {
            if position & ((1 << Self.blockShift) - 1) == 0 { checkpoints.append(contentsOf: counts) }
            if fileCount <= 255 { seq8.append(UInt8(f)) } else { seq16.append(UInt16(f)) }
            counts[f] += 1
            position += 1
        }
        // Min-heap of each file's next record; ties by file order.
        var heap = Heap<MergeHead>()
        for (f, file) in files.enumerated() where file.recordCount > 0 {
            heap.insert(MergeHead(time: file.index.times[0], file: f, record: 0))
        }
        while var head = heap.popMin() {
            let times = files[head.file].index.times
            let n = times.count
            let limit = heap.min
            var r = head.record
            // Take a run from this file while it stays before the next head.
            repeat {
                emit(head.file)
                r += 1
            } while r < n && (limit == nil || (times[r], head.file) < (limit!.time, limit!.file))
            if r < n {
                head.record = r
                head.time = times[r]
                heap.insert(head)
            }
        }
    }

    func ref(at p: Int) -> RecordRef {
        let f = file(at: p)
        let block = p >> Self.blockShift
        var k = Int(checkpoints[block * fileCount + f])
        var q = block << Self.blockShift
        if fileCount <= 255 {
            let f8 = UInt8(f)
            while q < p { if seq8[q] == f8 { k += 1 }; q += 1 }
        } else {
            let f16 = UInt16(f)
            while q < p { if seq16[q] == f16 { k += 1 }; q += 1 }
        }
        return RecordRef(file: f, record: k)
    }

    func position(of ref: RecordRef) -> Int {
        let blocks = checkpoints.count / max(1, fileCount)
        // Last block whose count of this file is <= the record index.
        var lo = 0, hi = blocks
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(checkpoints[mid * fileCount + ref.file]) <= ref.record { lo = mid + 1 } else { hi = mid }
        }
        let block = max(0, lo - 1)
        var k = Int(checkpoints[block * fileCount + ref.file])
        var q = block << Self.blockShift
        while q < count {
            if file(at: q) == ref.file {
                if k == ref.record { return q }
                k += 1
            }
            q += 1
        }
        return count - 1
    }

    func forEach(in range: Range<Int>, _ body: (Int, RecordRef) throws -> Void) rethrows {
        guard !range.isEmpty else { return }
        var counts = [Int](repeating: 0, count: fileCount)
        // Per-file counts at range start.
        let block = range.lowerBound >> Self.blockShift
        for f in 0..<fileCount { counts[f] = Int(checkpoints[block * fileCount + f]) }
        var q = block << Self.blockShift
        while q < range.lowerBound { counts[file(at: q)] += 1; q += 1 }
        for p in range {
            let f = file(at: p)
            try body(p, RecordRef(file: f, record: counts[f]))
            counts[f] += 1
        }
    }

    var memoryBytes: Int { seq8.capacity + seq16.capacity * 2 + checkpoints.capacity * 4 }
}

/// One file's next record in the k-way merge: earliest time first, ties in the bundle's file order.
struct MergeHead: Comparable {
    var time: Int64
    var file: Int
    var record: Int
    static func < (a: MergeHead, b: MergeHead) -> Bool { (a.time, a.file) < (b.time, b.file) }
    static func == (a: MergeHead, b: MergeHead) -> Bool { a.time == b.time && a.file == b.file }
}

/// A value computed once on first use, safely from any thread.
final class LazyBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T?
    func get(_ make: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let v = value { return v }
        let v = make()
        value = v
        return v
    }
}
