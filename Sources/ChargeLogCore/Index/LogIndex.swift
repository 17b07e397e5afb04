import Foundation

/// The merged timeline of a bundle: every record of every file, in one time order.
///
/// Merge rule: a k-way merge by time. A file's own records never change order (a stamp that goes
/// backwards stays where the file put it, flagged `outOfOrder`). Records of equal time keep
/// the order of their files in the bundle (the order `LoadedBundle.files` lists them).
/// Memory: per record the file index (~13 bytes) plus 4 bytes of merged order.
public final class LogIndex: Sendable {
    public let files: [IndexedFile]
    /// Messages about inputs: skipped files and archives, damaged bytes, guessed years.
    public let diagnostics: [Diagnostic]
    /// Seconds spent indexing (reading, parsing, merging).
    public let indexingSeconds: Double
    /// Global record id (file base + record) per merged position.
    let order: [UInt32]
    /// Global id of each file's first record; one extra entry with the total.
    let fileBase: [Int]
    private let inverse = LazyBox<[UInt32]>()

    init(files: [IndexedFile], diagnostics: [Diagnostic], indexingSeconds: Double) {
        self.files = files
        self.diagnostics = diagnostics
        self.indexingSeconds = indexingSeconds
        var base: [Int] = []
        var total = 0
        for f in files {
            base.append(total)
            total += f.recordCount
        }
        base.append(total)
        self.fileBase = base
        self.order = Self.merge(files, base: base, total: total)
    }

    public var count: Int { order.count }
    public var isEmpty: Bool { order.isEmpty }

    /// The record at a merged position.
    public func ref(at position: Int) -> RecordRef {
        let g = Int(order[position])
        // Last file whose base <= g.
        var lo = 0, hi = files.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if fileBase[mid] <= g { lo = mid + 1 } else { hi = mid }
        }
        let f = lo - 1
        return RecordRef(file: f, record: g - fileBase[f])
    }

    /// Merged position of a record.
    public func position(of ref: RecordRef) -> Int {
        let inv = inverse.get {
            var inv = [UInt32](repeating: 0, count: order.count)
            for (p, g) in order.enumerated() { inv[Int(g)] = UInt32(p) }
            return inv
        }
        return Int(inv[fileBase[ref.file] + ref.record])
    }

    public func time(at position: Int) -> Int64 {
        let r = ref(at: position)
        return files[r.file].index.times[r.record]
    }

    public func stream(at position: Int) -> StreamKind { files[ref(at: position).file].stream }

    public func info(at position: Int) -> RecordInfo {
        let r = ref(at: position)
        let f = files[r.file]
        let ix = f.index
        return RecordInfo(position: position, ref: r, stream: f.stream, file: f.displayPath,
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

    /// Time span of the whole bundle.
    public var timeRange: ClosedRange<Int64>? {
        guard !isEmpty else { return nil }
        return time(at: 0) ... time(at: count - 1)
    }

    /// Approximate heap bytes of the index (not the text, which stays on disk).
    public var memoryBytes: Int {
        files.reduce(0) { $0 + $1.index.memoryBytes } + order.capacity * 4
    }

    // MARK: merge

    static func merge(_ files: [IndexedFile], base: [Int], total: Int) -> [UInt32] {
        var out = [UInt32]()
        out.reserveCapacity(total)
        // Min-heap of (time, file, record) heads; ties by file order.
        var heap = MergeHeap()
        for (f, file) in files.enumerated() where file.recordCount > 0 {
            heap.push(.init(time: file.index.times[0], file: f, record: 0))
        }
        while var head = heap.popMin() {
            let times = files[head.file].index.times
            let b = base[head.file]
            // Take a run from this file while it stays <= the next head.
            let limit = heap.peek()
            var r = head.record
            repeat {
                out.append(UInt32(b + r))
                r += 1
            } while r < times.count && (limit == nil || (times[r], head.file) < (limit!.time, limit!.file))
            if r < times.count {
                head.record = r
                head.time = times[r]
                heap.push(head)
            }
        }
        return out
    }
}

struct MergeHeap {
    struct Head {
        var time: Int64
        var file: Int
        var record: Int
        func less(_ o: Head) -> Bool { time != o.time ? time < o.time : file < o.file }
    }
    private var items: [Head] = []

    func peek() -> Head? { items.first }

    mutating func push(_ h: Head) {
        items.append(h)
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if items[i].less(items[p]) { items.swapAt(i, p); i = p } else { break }
        }
    }

    mutating func popMin() -> Head? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count, items[l].less(items[m]) { m = l }
                if r < items.count, items[r].less(items[m]) { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return top
    }
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
