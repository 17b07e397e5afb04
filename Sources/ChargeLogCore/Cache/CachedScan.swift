/// A file's scan read from the on-disk index. It holds the output only, not the parser's state, so when
/// asked to read on (the file grew) it scans the file again from its start with a fresh session.
struct CachedScan: ResumableScan {
    var output: ScanOutput
    private(set) var scannedTo: UInt64
    /// Makes the session that reads the file again.
    let fresh: () -> any ResumableScan
    private var live: (any ResumableScan)?

    init(output: ScanOutput, fresh: @escaping () -> any ResumableScan) {
        self.output = output
        self.scannedTo = output.index.endOffset
        self.fresh = fresh
    }

    mutating func advance(reader: FileReader, final: Bool) {
        var s = live ?? fresh()
        s.advance(reader: reader, final: final)
        live = s
        output = s.output
        scannedTo = s.scannedTo
    }
}
