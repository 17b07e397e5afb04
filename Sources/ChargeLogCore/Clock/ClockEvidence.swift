/// What a file's frames say about its clock and its writer, gathered after the file is indexed.
struct ClockEvidence: Sendable {
    var samples: [ClockSample] = []
    var votes = RoleVotes()

    /// Records read in full up to this many; a larger file is sampled in windows spread over it.
    static let readAllUpTo = 50_000
    static let windows = 64
    static let windowRecords = 256

    /// Role votes past which frames without a time field are no longer decoded.
    static let enoughVotes = 200

    static func mayStateTime(_ record: UnsafeBufferPointer<UInt8>) -> Bool {
        Bytes.find(record, "\"timestamp\"") != nil || Bytes.find(record, "\"currentTime\"") != nil
            || Bytes.find(record, "\"generatedAt\"") != nil
    }

    /// Whether a stream's stamps state their zone (the Sungrow streams print `UTC` / `+0000`, a module log
    /// `+0000`, a back end's download has its own columns): those are taken as written, not inferred.
    static func statesZone(_ stream: StreamKind) -> Bool {
        switch stream {
        case .ocpp, .mainprocess, .ccu, .fault, .update, .module, .csv: true
        default: false
        }
    }

    /// Reads the frames of `index`'s records (all, or evenly spread windows of a large file; every record
    /// when the file has no stamps, since each framed line is then an anchor).
    static func collect(index: FileIndex, reader: FileReader, stream: StreamKind, untimedOnly: Bool) -> ClockEvidence {
        var e = ClockEvidence()
        guard FrameExtractor.canHoldFrames(stream), stream != .csv, index.count > 0 else { return e }
        let n = index.count
        var ranges: [Range<Int>] = []
        if untimedOnly || n <= readAllUpTo {
            ranges = [0..<n]
        } else {
            let step = n / windows
            for w in 0..<windows {
                let start = w * step
                ranges.append(start..<min(n, start + windowRecords))
            }
        }
        for r in ranges { e.read(r, index: index, reader: reader, stream: stream) }
        return e
    }

    /// One window: its bytes read at once, split at the records' offsets.
    mutating func read(_ records: Range<Int>, index: FileIndex, reader: FileReader, stream: StreamKind) {
        // Read in chunks of at most 4 MiB so a huge window does not allocate a huge buffer.
        var first = records.lowerBound
        while first < records.upperBound {
            let base = index.offset(first)
            var last = first
            while last < records.upperBound, index.offset(last + 1) - base <= 4 << 20 || last == first { last += 1 }
            let bytes = reader.read(base ..< index.offset(last))
            bytes.withUnsafeBufferPointer { buf in
                for i in first..<last {
                    let lo = Int(index.offset(i) - base), hi = min(buf.count, Int(index.offset(i + 1) - base))
                    guard lo < hi else { continue }
                    let record = UnsafeBufferPointer(rebasing: buf[lo..<hi])
                    guard FrameExtractor.mayHoldFrame(record) else { continue }
                    // Frames are decoded only when they can state a time, or while the writer's role is open.
                    guard votes.charger + votes.central < Self.enoughVotes || Self.mayStateTime(record) else { continue }
                    let own = !index.flags(i).contains(.inferredTime)
                    for f in FrameExtractor.frames(in: record, stream: stream) {
                        votes.count(f)
                        if let p = PayloadTime.of(f) {
                            samples.append(ClockSample(record: i, lineTime: own ? index.time(i) : nil, payload: p))
                        }
                    }
                }
            }
            first = last
        }
    }
}
