import Foundation

/// Which records' text matches a pattern, found over the file bytes instead of record by record:
/// each file is read in blocks of whole records (both cores, one block per job), the pattern's
/// required literal (`RequiredLiterals`) is looked for in the bytes (`LiteralScan`, eight bytes at a
/// time), and the regex runs only on the records that hold it — and on every record whose text is
/// not its bytes (several lines, colour codes, bytes from 0x80: `SpecialBytes`), so the result is
/// exactly `pattern.matches(index.text(of: ref))` over all records. A pattern without a certain
/// literal runs the regex on every record, still block-wise and in parallel.
public enum RecordSearch {
    /// Bytes per job (whole records; a record longer than this is a job of its own).
    public static let blockBytes: UInt64 = 4 << 20

    /// The matching records of every file, each list in file order.
    /// With a `prescan` (started before the index was built), the literal is not looked for again in
    /// files it read whole: only records at its candidate offsets are tested.
    public static func matchingRecords(_ index: LogIndex, _ pattern: TextPattern,
                                       threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                       files only: Set<Int>? = nil, blockBytes: UInt64 = blockBytes,
                                       prescan: LiteralPrescan? = nil) -> [[Int]] {
        let hits = prescan?.wait()
        let literals = RequiredLiterals.of(pattern.source, caseInsensitive: pattern.caseInsensitive)
        let folded = RequiredLiterals.folds(pattern.source, caseInsensitive: pattern.caseInsensitive)
        let scans = literals?.map { LiteralScan($0, folded: folded) }
        var list: [(file: Int, records: Range<Int>)] = []
        for f in index.files where only?.contains(f.id) ?? true {
            let ix = f.index
            var r = 0
            while r < ix.count {
                // Records from r while the block stays under blockBytes (at least one).
                let start = ix.offset(r)
                var lo = r + 1, hi = ix.count
                while lo < hi {
                    let mid = (lo + hi + 1) / 2
                    if ix.offset(mid) - start <= blockBytes { lo = mid } else { hi = mid - 1 }
                }
                list.append((f.id, r..<lo))
                r = lo
            }
        }
        let jobs = list
        let results = JobResults<[Int]>(count: jobs.count)
        let next = JobCounter()
        DispatchQueue.concurrentPerform(iterations: min(max(1, threads), max(1, jobs.count))) { _ in
            while let j = next.take(below: jobs.count) {
                let job = jobs[j]
                let file = index.files[job.file]
                let prescanned = hits?[file.source.diskPath].flatMap { $0.covered == file.index.endOffset ? $0 : nil }
                results.set(j, search(file, job.records, pattern, scans, prescanned: prescanned))
            }
        }
        var out = [[Int]](repeating: [], count: index.files.count)
        for (j, job) in jobs.enumerated() { out[job.file] += results.get(j) }
        return out
    }

    /// The matching records as merged positions, ascending.
    public static func matchingPositions(_ index: LogIndex, _ pattern: TextPattern,
                                         threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                         prescan: LiteralPrescan? = nil) -> [Int] {
        let perFile = matchingRecords(index, pattern, threads: threads, prescan: prescan)
        var out: [Int] = []
        out.reserveCapacity(perFile.reduce(0) { $0 + $1.count })
        for (f, records) in perFile.enumerated() {
            for r in records { out.append(index.position(of: RecordRef(file: f, record: r))) }
        }
        out.sort()
        return out
    }

    /// One block of one file: the records of `range` whose text matches.
    static func search(_ file: IndexedFile, _ range: Range<Int>, _ pattern: TextPattern, _ scans: [LiteralScan]?,
                       prescanned: LiteralPrescan.Hits? = nil) -> [Int] {
        let ix = file.index
        if let prescanned, scans != nil {
            return search(file, range, pattern, candidates: candidates(ix, range, prescanned))
        }
        let base = ix.offset(range.lowerBound)
        let end = ix.offset(range.upperBound)
        let bytes = file.reader.read(base..<end)
        // A file shorter than its index (changed under it): what is left is tested record by record.
        guard UInt64(bytes.count) == end - base else {
            return range.filter { pattern.matches(file.text($0)) }
        }
        // Record starts relative to the block, plus its end.
        var starts = [Int](repeating: 0, count: range.count + 1)
        for (k, r) in range.enumerated() { starts[k] = Int(ix.offset(r) - base) }
        starts[range.count] = bytes.count
        func test(_ k: Int) -> Bool {
            let raw = Array(bytes[starts[k]..<starts[k + 1]])
            return pattern.matches(file.text(fromRaw: raw))
        }
        guard let scans else { return range.indices.compactMap { test($0 - range.lowerBound) ? $0 : nil } }
        var candidate = [Bool](repeating: false, count: range.count)
        // Record (relative) holding byte offset o.
        func record(at o: Int) -> Int {
            var lo = 0, hi = range.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if starts[mid] <= o { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }
        bytes.withUnsafeBytes { buf in
            var from = 0
            while let o = SpecialBytes.find(in: buf, from: from) {
                let k = record(at: o)
                candidate[k] = true
                from = starts[k + 1]
            }
            for scan in scans {
                from = 0
                while let o = scan.find(in: buf, from: from) {
                    let k = record(at: o)
                    candidate[k] = true
                    from = starts[k + 1]
                }
            }
        }
        // Records of several lines: their text joins lines (and may rejoin a split record).
        var m = firstMulti(ix.multiRecords, atOrAfter: range.lowerBound)
        while m < ix.multiRecords.count, Int(ix.multiRecords[m]) < range.upperBound {
            candidate[Int(ix.multiRecords[m]) - range.lowerBound] = true
            m += 1
        }
        var out: [Int] = []
        for k in 0..<range.count where candidate[k] && test(k) { out.append(range.lowerBound + k) }
        return out
    }

    /// The records of `range` at the prescan's offsets and those of several lines, ascending.
    static func candidates(_ ix: FileIndex, _ range: Range<Int>, _ hits: LiteralPrescan.Hits) -> [Int] {
        guard !range.isEmpty else { return [] }
        let base = ix.offset(range.lowerBound), end = ix.offset(range.upperBound)
        var out: [Int] = []
        var h = lowerBound(hits.offsets, base)
        while h < hits.offsets.count, hits.offsets[h] < end {
            let r = ix.firstRecord(atOrPast: hits.offsets[h] + 1, in: range) - 1
            if out.last != r { out.append(r) }
            h += 1
        }
        var m = firstMulti(ix.multiRecords, atOrAfter: range.lowerBound)
        while m < ix.multiRecords.count, Int(ix.multiRecords[m]) < range.upperBound {
            out.append(Int(ix.multiRecords[m]))
            m += 1
        }
        return Array(Set(out)).sorted()
    }

    /// Tests `records` of a block alone: each read by itself when they are few, else the block at once.
    static func search(_ file: IndexedFile, _ range: Range<Int>, _ pattern: TextPattern, candidates: [Int]) -> [Int] {
        guard !candidates.isEmpty else { return [] }
        if candidates.count <= 64 { return candidates.filter { pattern.matches(file.text($0)) } }
        let ix = file.index
        let base = ix.offset(range.lowerBound)
        let bytes = file.reader.read(base..<ix.offset(range.upperBound))
        guard UInt64(bytes.count) == ix.offset(range.upperBound) - base else { return candidates.filter { pattern.matches(file.text($0)) } }
        return candidates.filter { r in
            let raw = Array(bytes[Int(ix.offset(r) - base)..<Int(ix.offset(r + 1) - base)])
            return pattern.matches(file.text(fromRaw: raw))
        }
    }

    static func lowerBound(_ list: [UInt64], _ v: UInt64) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func firstMulti(_ list: [UInt32], atOrAfter r: Int) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(list[mid]) < r { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
