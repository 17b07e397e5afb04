/// Reads the records of one indexed file in order, in large blocks, and hands each record's bytes
/// to a closure. Used by scans that must look at every record without a read per record.
struct RecordCursor {
    static let blockSize = 1 << 22

    let file: IndexedFile

    /// Calls `body(record, bytes)` for records `range` (default: all). The bytes are valid only
    /// during the call.
    func forEach(_ range: Range<Int>? = nil, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        let ix = file.index
        let records = range ?? 0..<ix.count
        guard !records.isEmpty else { return }
        // No more than the range needs: a short range (one transaction's span) reads a few KB.
        let span = ix.offset(records.upperBound) - ix.offset(records.lowerBound)
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, min(Self.blockSize, Int(span))), alignment: 16)
        defer { buffer.deallocate() }
        var start: UInt64 = 0   // file offset of buffer[0]
        var filled = 0
        for i in records {
            let r = ix.byteRange(i)
            let n = Int(r.upperBound - r.lowerBound)
            if r.lowerBound < start || r.upperBound > start + UInt64(filled) {
                if n > buffer.count {
                    buffer.deallocate()
                    buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: n, alignment: 16)
                }
                start = r.lowerBound
                filled = 0
                while filled < buffer.count {
                    let got = file.reader.read(into: buffer.baseAddress! + filled, count: buffer.count - filled,
                                               at: start + UInt64(filled))
                    if got <= 0 { break }
                    filled += got
                }
            }
            let from = Int(r.lowerBound - start)
            let to = min(filled, from + n)
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            body(i, UnsafeBufferPointer(start: base + from, count: max(0, to - from)))
        }
    }
}
