/// A Sungrow proxy logs most messages twice: pretty-printed on its pipe (`[From charging station]:
/// id=MeterValues={ … }`) and compact on the WebSocket. Both copies are messages of their own (each
/// hop is a link, with its own issues), but checking the pipe copy again is checking the same payload
/// twice: half the scan of a proxy log.
///
/// So a range of a proxy log is scanned in two passes. The first takes every record but the pipe
/// lines in order, and keeps each payload that was checked without any finding, by its exact content
/// (`PayloadDigest`) and how it was checked (action, request or answer, the OCPP version the check was
/// given). The pipe lines only get their slot and the digest of their payload read straight from the
/// bytes. The second pass takes the pipe copies in their order: one whose payload has the digest of a
/// clean payload checked the same way gets that result (no findings, the version, the hop
/// fingerprints) without being parsed; every other is parsed and checked as before.
///
/// Results are the same as checking every copy: the pipe channel's state (its open calls, the version
/// its messages showed) is its own, so the pipe copies still meet it in their order; a check that finds
/// nothing on a dup-free object finds nothing whatever the key order; a pipe payload is only taken this
/// way when the parser would read it as those bytes (`PayloadDigest.scan`) and nothing follows it.
/// The file's open calls (`ExchangePairing`) are bounded, and the two passes open the pipe calls later
/// than one pass would: a range where the calls open in the first pass and the pipe copies waiting could
/// reach the bound is read again in one pass (`overflowed`), so no call is ever given up differently.
struct PipeCopies {
    /// How a payload was checked.
    struct CheckKey: Hashable {
        var action: String
        var request: Bool
        /// The version hint the check was given.
        var hint: String?
    }

    /// What a clean check gave.
    struct Checked {
        var version: String?
        var decisive: Bool
        var fingerprints: Fingerprints
        var hasConnectorId: Bool
    }

    struct Key: Hashable {
        var digest: UInt64
        var check: CheckKey
    }

    /// A pipe copy waiting for the second pass.
    struct Pending {
        var index: Int32
        var record: Int32
        var id: CompactId
        var action: UInt16
        var type: OCPPMessageType?
        var hint: CarrierHint
        /// The payload's digest; nil when it must be parsed (it was, in the first pass: `decoded`).
        var digest: UInt64?
    }

    /// Whether this range's pipe copies are taken this way (a proxy log, unless turned off).
    var collecting = false
    var clean: [Key: Checked] = [:]
    var pending: [Pending] = []
    /// The frames of pipe lines whose digest could not be read, decoded while their bytes were at hand.
    var decoded: [Int32: OCPPFrame] = [:]
    /// Pipe copies taken from a clean twin / parsed (for the tests).
    var matched = 0
    var parsed = 0
    /// Set when the open calls and the pipe copies waiting reached the bound of open calls.
    var overflowed = false

    /// One pass never holds more calls open than the first pass holds plus the pipe copies waiting (an
    /// over-count: answers wait too); while that stays below the bound, neither pass gives any up.
    mutating func checkBound<C, I, Call>(open: ExchangePairing<C, I, Call>) {
        if open.openCount + pending.count >= open.capacity { overflowed = true }
    }

    /// Keeps a clean payload of a frame (a WebSocket copy), by the digest of its bytes (`frame.rawBytes`,
    /// the OCPP-J array); one the byte reader does not read is not kept (its pipe copy will be parsed).
    mutating func keep(_ frame: OCPPFrame, checked: CheckKey, as result: Checked) {
        let element = frame.type == .callResult ? 2 : 3
        guard let digest = frame.rawBytes.withUnsafeBufferPointer({ PayloadDigest.scan(element: element, ofArrayIn: $0) }) else { return }
        clean[Key(digest: digest, check: checked)] = result
    }
}

extension FileScanResult {
    /// First pass: a pipe line gets its slot, its id and action their numbers (in record order, as
    /// before), and its payload's digest.
    mutating func deferPipe(_ line: (head: FrameDecoder.PipeHead, hint: CarrierHint, bytes: UnsafeBufferPointer<UInt8>),
                            whole: UnsafeBufferPointer<UInt8>, writer: WriterRole?, file: Int, record: Int, time: Int64) {
        let index = reserve(file: file, record: record, ordinal: 0, time: time)
        // Taken unparsed only as an object in the plain form the byte reader reads, with nothing after it
        // (else the parsed frame has findings of its own: trailing text, not an object).
        let digest = PayloadDigest.scan(objectFilling: line.bytes, from: line.head.payloadStart)
        // Decoded now when it will have to be: the bytes are at hand.
        if digest == nil, let frame = FrameExtractor.frames(in: whole, stream: .ocpp, writer: writer).first {
            pipes.decoded[index] = frame
        }
        pipes.pending.append(PipeCopies.Pending(
            index: index, record: Int32(record), id: ids.id(line.head.id), action: names.number(line.head.action),
            type: line.head.type, hint: line.hint, digest: digest))
    }

    /// First pass: a pipe copy decoded with its record (one with colour codes) waits as well.
    mutating func deferPipe(decoded f: OCPPFrame, file: Int, record: Int, ordinal: Int, time: Int64) {
        let index = reserve(file: file, record: record, ordinal: ordinal, time: time)
        pipes.decoded[index] = f
        pipes.pending.append(PipeCopies.Pending(
            index: index, record: Int32(record), id: ids.id(f.uniqueId ?? ""), action: names.number(f.action),
            type: f.type, hint: f.hint, digest: nil))
    }

    /// Second pass, at the end of the range: the pipe copies in order.
    mutating func resolvePipeCopies(_ file: IndexedFile) {
        let pending = pipes.pending
        pipes.pending = []
        for p in pending {
            let answered = (p.type?.pairingRole ?? .none) == .answers ? open.answer(id: p.id, on: .pipe).call : nil
            let action = names.names[Int(p.action)]
            if let digest = p.digest, let type = p.type {
                let key = type == .call ? PipeCopies.CheckKey(action: action, request: true, hint: versionHint[.pipe])
                    : PipeCopies.CheckKey(action: action, request: false, hint: answered?.version ?? versionHint[.pipe])
                if let twin = pipes.clean[PipeCopies.Key(digest: digest, check: key)] {
                    take(p, type: type, from: twin)
                    pipes.matched += 1
                    continue
                }
            }
            pipes.parsed += 1
            // A line that changed since the first pass (a followed file rewritten) reads as it is now.
            let frame = pipes.decoded[p.index] ?? FrameExtractor.frames(of: file, record: Int(p.record)).first
                ?? OCPPFrame(channel: .pipe, hint: p.hint, type: p.type, uniqueId: nil, action: action, payload: nil,
                             errorCode: nil, errorDescription: nil, errorDetails: nil, rawBytes: [], range: 0..<0,
                             broken: "the line changed while it was read", issues: [])
            fill(p.index, with: frame, id: frame.uniqueId.map { ids.id($0) } ?? p.id, answered: answered)
        }
        pipes.clean = [:]
        pipes.decoded = [:]
    }

    /// A pipe copy whose payload is that of a clean twin checked the same way: the twin's result, and
    /// what its check does to the pipe channel (the version it showed, the call it opens).
    private mutating func take(_ p: PipeCopies.Pending, type: OCPPMessageType, from twin: PipeCopies.Checked) {
        if type == .call {
            if twin.decisive, let v = twin.version { versionHint[.pipe] = v }
            open.open(OpenCall(action: p.action, version: twin.version), id: p.id, on: .pipe)
        }
        var flags: MessageEntry.Flags = [.primary]
        if twin.hasConnectorId { flags.insert(.hasConnectorId) }
        let i = Int(p.index)
        fingerprints[i] = twin.fingerprints
        entries[i] = MessageEntry(
            time: entries[i].time, id: p.id, file: entries[i].file, record: entries[i].record, action: p.action,
            errorCode: 0, connection: 0, type: type.rawValue, channel: .pipe, hint: p.hint, direction: .unknown,
            ordinal: entries[i].ordinal, flags: flags)
    }
}
