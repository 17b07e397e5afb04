import ChargeLogCore

/// Reads record bytes for scans that walk the timeline in order: one `pread` fetches a block of a
/// file, and the following records of that file come out of it (one block kept per file, as the
/// merged order interleaves files). A scan makes a few syscalls per block instead of one per record.
final class BlockReader {
    let index: LogIndex
    let blockSize: UInt64
    private var starts: [UInt64]
    private var blocks: [[UInt8]]

    init(index: LogIndex, blockSize: UInt64 = 256 * 1024) {
        self.index = index
        self.blockSize = blockSize
        starts = Array(repeating: 0, count: index.files.count)
        blocks = Array(repeating: [], count: index.files.count)
    }

    func bytes(of ref: RecordRef) -> [UInt8] {
        let f = index.files[ref.file]
        let range = f.index.byteRange(ref.record)
        var start = starts[ref.file]
        if range.lowerBound < start || range.upperBound > start + UInt64(blocks[ref.file].count) {
            let end = max(range.upperBound, min(range.lowerBound + blockSize, f.index.offset(f.recordCount)))
            blocks[ref.file] = f.reader.read(range.lowerBound..<end)
            starts[ref.file] = range.lowerBound
            start = range.lowerBound
            if range.upperBound > start + UInt64(blocks[ref.file].count) { return f.rawBytes(ref.record) }
        }
        return Array(blocks[ref.file][Int(range.lowerBound - start)..<Int(range.upperBound - start)])
    }

    func bytes(at position: Int) -> [UInt8] { bytes(of: index.ref(at: position)) }
}
