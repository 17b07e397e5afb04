import Foundation

/// What one range of one file's scan depended on: when all of it is the same, the range scans to the
/// same result. The range's bytes (a CRC-32 of all of them: a file rewritten in place is read again)
/// and every record's time (a clock decision that changed with new lines moves them; a 64-bit digest).
/// Equal digests of different content are possible in principle (about 2^-32 for a same-length
/// rewrite with the same line starts and times); follow mode's files only grow.
struct ScanSignature: Equatable, Sendable {
    var fileNumber: Int
    var diskPath: String
    var stream: StreamKind
    var role: WriterRole?
    var version: String?
    /// A ChargePilot CSV's columns, read from its header (in the first range only).
    var csvColumns: ChargePilotColumns?
    var records: Range<Int>
    var startOffset: UInt64
    var endOffset: UInt64
    var timesDigest: UInt64
    var bytesCRC: UInt32

    init(_ file: IndexedFile, fileNumber: Int, records: Range<Int>, version: String?) {
        self.fileNumber = fileNumber
        diskPath = file.source.diskPath
        stream = file.stream
        role = file.role
        self.version = version
        csvColumns = file.stream == .csv ? ChargePilotColumns.of(file) : nil
        self.records = records
        let ix = file.index
        startOffset = ix.offset(records.lowerBound)
        endOffset = ix.offset(records.upperBound)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for r in records { h = (h ^ UInt64(bitPattern: ix.times[r])) &* 0x0000_0100_0000_01B3 }
        timesDigest = h
        bytesCRC = Self.crc(file.reader, startOffset..<endOffset)
    }

    /// CRC-32 of a file's bytes in `range`, read in blocks of 4 MB.
    static func crc(_ reader: FileReader, _ range: Range<UInt64>) -> UInt32 {
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: RecordCursor.blockSize, alignment: 16)
        defer { block.deallocate() }
        var crc: UInt32 = 0
        var at = range.lowerBound
        while at < range.upperBound {
            let got = reader.read(into: block.baseAddress!, count: Int(min(UInt64(block.count), range.upperBound - at)), at: at)
            if got <= 0 { break }
            crc = Checksum.crc32(UnsafeRawBufferPointer(rebasing: block[..<got]), seed: crc)
            at += UInt64(got)
        }
        return crc
    }
}

/// Scan results of the last analysis, by range, so the next analysis of the same bundle re-scans
/// only the ranges that changed: in follow mode the last range of a file that grew, and new ones.
/// Merging, correlation and the transactions then run over all messages again, from memory.
/// Holds the scan results alive between analyses (about the size of the messages themselves): with
/// `fromFirst` false it keeps them only from the second analysis on (a viewer that starts following
/// later pays for them only then). One memo per set of schemas and OCMF keys (the viewer's closure).
public final class ScanMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [ScanSignature: FileScanResult] = [:]
    private var reusedRanges = 0
    private var scannedRanges = 0
    private var analyses = 0
    private let fromFirst: Bool

    public init(fromFirst: Bool = true) { self.fromFirst = fromFirst }

    /// Whether the analysis about to run keeps its results (and so needs the ranges' signatures).
    var records: Bool {
        lock.lock(); defer { lock.unlock() }
        return fromFirst || analyses > 0
    }

    func result(for signature: ScanSignature) -> FileScanResult? {
        lock.lock(); defer { lock.unlock() }
        return results[signature]
    }

    /// Keeps exactly these results (those of the analysis that just ran).
    func keep(_ kept: [(ScanSignature, FileScanResult)], reused: Int) {
        lock.lock(); defer { lock.unlock() }
        analyses += 1
        results = fromFirst || analyses > 1 ? Dictionary(kept, uniquingKeysWith: { a, _ in a }) : [:]
        reusedRanges = reused
        scannedRanges = kept.count - reused
    }

    /// Ranges the last analysis took from the memo and ranges it scanned.
    public var lastUse: (reused: Int, scanned: Int) {
        lock.lock(); defer { lock.unlock() }
        return (reusedRanges, scannedRanges)
    }
}

extension ScanSignature: Hashable {
    func hash(into h: inout Hasher) {
        h.combine(fileNumber)
        h.combine(records.lowerBound)
        h.combine(records.upperBound)
        h.combine(timesDigest)
    }
}
