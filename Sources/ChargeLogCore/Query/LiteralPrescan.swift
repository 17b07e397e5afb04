import Foundation

/// A pattern's required literal looked for in the raw bytes of every file while the files are still
/// being indexed (on a thread of its own: the indexer leaves a core idle while it reads the largest
/// file). Keeps, per file, the offsets where a record may match: a literal's hit or a byte for which
/// a record's text is not its bytes (`SpecialBytes`), at most one per line. `RecordSearch` then maps
/// them to records and tests only those, reading no block without a candidate.
public final class LiteralPrescan: @unchecked Sendable {
    /// One file's candidate offsets (ascending) and how many bytes from its start were read.
    struct Hits: Sendable {
        var offsets: [UInt64] = []
        var covered: UInt64 = 0
    }

    private let done = DispatchSemaphore(value: 0)
    private var hits: [String: Hits] = [:]

    /// Starts the scan of `files` (disk paths) for `pattern`; nil if the pattern has no literal
    /// every match must hold (the regex then runs on every record as before).
    /// `blockBytes`: bytes read at a time (tests use small ones to put hits across block edges).
    public static func start(_ files: [String], pattern: TextPattern, blockBytes: Int = blockBytes) -> LiteralPrescan? {
        guard let literals = RequiredLiterals.of(pattern.source, caseInsensitive: pattern.caseInsensitive) else { return nil }
        let folded = RequiredLiterals.folds(pattern.source, caseInsensitive: pattern.caseInsensitive)
        let scans = literals.map { LiteralScan($0, folded: folded) }
        let prescan = LiteralPrescan()
        Thread.detachNewThread {
            var found: [String: Hits] = [:]
            for path in Set(files) {
                guard let reader = try? FileReader(path: path) else { continue }
                found[path] = scan(reader, scans, blockBytes: max(1, blockBytes))
            }
            prescan.hits = found
            prescan.done.signal()
        }
        return prescan
    }

    /// Bytes of the file read by the scan (waits for it), nil if it could not be read.
    public func covered(_ path: String) -> UInt64? { wait()[path]?.covered }

    /// Waits for the scan to end; the hits by disk path.
    func wait() -> [String: Hits] {
        done.wait()
        done.signal()
        return hits
    }

    public static let blockBytes = 4 << 20

    /// Reads the file in blocks (each overlapping the last by a needle's length, so a hit across a
    /// block edge is seen) and keeps one candidate offset per line at most.
    static func scan(_ reader: FileReader, _ scans: [LiteralScan], blockBytes: Int) -> Hits {
        var out = Hits()
        let overlap = (scans.map(\.needle.count).max() ?? 1) - 1
        let size = reader.currentSize
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockBytes + overlap, alignment: 16)
        defer { buffer.deallocate() }
        var at: UInt64 = 0   // file offset of buffer[0]
        /// Offsets before this are on a line already holding a candidate.
        var skipTo: UInt64 = 0
        while at < size {
            let want = Int(min(UInt64(buffer.count), size - at))
            var filled = 0
            while filled < want {
                let got = reader.read(into: buffer.baseAddress! + filled, count: want - filled, at: at + UInt64(filled))
                if got <= 0 { break }
                filled += got
            }
            let block = UnsafeRawBufferPointer(rebasing: buffer[..<filled])
            let base = block.baseAddress!
            /// Just past the line end at or after `o` (the block's end if none).
            func lineEnd(_ o: Int) -> Int {
                guard o < filled, let nl = memchr(base + o, 0x0A, filled - o) else { return filled }
                return base.distance(to: UnsafeRawPointer(nl)) + 1
            }
            var found: [(offset: Int, end: Int)] = []
            var from = 0
            while let o = SpecialBytes.find(in: block, from: from) { let e = lineEnd(o); found.append((o, e)); from = e }
            for scan in scans {
                from = 0
                while let o = scan.find(in: block, from: from) { let e = lineEnd(o); found.append((o, e)); from = e }
            }
            found.sort { $0.offset < $1.offset }
            for (o, e) in found where at + UInt64(o) >= skipTo {
                out.offsets.append(at + UInt64(o))
                // The rest of this line needs no second candidate.
                skipTo = at + UInt64(e)
            }
            if filled < want || at + UInt64(filled) >= size {
                out.covered = at + UInt64(filled)
                break
            }
            // The next block starts `overlap` bytes back (hits there are past skipTo or repeated ones).
            at += UInt64(filled - overlap)
        }
        return out
    }
}
