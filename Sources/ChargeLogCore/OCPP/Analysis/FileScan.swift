/// A decoded vendor code or fault name found in a module or fault log line.
public struct CodeEvent: Sendable {
    public enum Kind: Sendable {
        case aurora(AuroraErrorLine)
        case fault(SungrowFaultName)
    }
    public var ref: RecordRef
    public var time: Int64
    public var kind: Kind

    public var connector: Int? {
        if case .fault(let f) = kind { return f.connector }
        return nil
    }

    public var summary: String {
        switch kind {
        case .aurora(let a): a.summary
        case .fault(let f):
            [f.ccu.map { "CCU\($0)" }, f.connector.map { "connector \($0)" }, f.description + (f.raw.isEmpty ? "" : " (\(f.raw))")]
                .compactMap { $0 }.joined(separator: ", ")
        }
    }
}

/// A call of one file still open while its file is scanned.
struct OpenCall: Sendable {
    var action: UInt16
    var version: String?
}

/// What one file's scan found, messages in compact form with file-local name and id tables.
struct FileScanResult: Sendable {
    var entries: [MessageEntry] = []
    var fingerprints: [Fingerprints] = []
    var ids = IdPool()
    var names = NameTable()
    /// Local entry index → issues / facts (sparse).
    var issues: [Int32: [OCPPIssue]] = [:]
    var facts = FactTable()
    var mainEvents: [MainProcessEvent] = []
    var codeEvents: [CodeEvent] = []
    /// Records naming the negotiated WebSocket subprotocol (for `OCPPVersionInference`).
    var mentions: [SubprotocolMention] = []

    /// Drops the spare capacity of the growing arrays (they are held until all ranges are merged).
    mutating func shrink() {
        entries = entries.withUnsafeBufferPointer { Array($0) }
        fingerprints = fingerprints.withUnsafeBufferPointer { Array($0) }
    }

    /// Open calls of this file by channel and id (their action numbers and the schema version they
    /// were checked against), to give answers an action and a version while their payload is at hand.
    /// The same rule as the bundle-wide correlation (`ExchangePairing`), which later pairs them for good.
    typealias Pairing = ExchangePairing<OCPPChannel, CompactId, OpenCall>
    var open = Pairing()
    /// The OCPP version each channel's messages showed last (payloads that fit one version only), to
    /// check payloads several versions accept.
    var versionHint: [OCPPChannel: String] = [:]
    /// Schemas loaded at run time.
    var schemas: OCPPSchemaSet? = nil
    /// The version given for this file with `--ocpp-version`: its schemas check every payload.
    var pinnedVersion: String? = nil

    /// Pipe copies read after the rest of the range, and the WebSocket payloads they may match (`PipeCopies`).
    var pipes = PipeCopies()

    /// Appends one frame of `record`.
    mutating func add(_ f: OCPPFrame, file: Int, record: Int, ordinal: Int, time: Int64) {
        let index = reserve(file: file, record: record, ordinal: ordinal, time: time)
        let id = ids.id(f.uniqueId ?? "")
        // Any answer (a CALLERROR too, a result whose payload does not parse) takes its call out of
        // the queue, as in the bundle-wide correlation.
        let answered = (f.type?.pairingRole ?? .none) == .answers ? open.answer(id: id, on: f.channel).call : nil
        fill(index, with: f, id: id, answered: answered)
    }

    /// Appends the slot of a message of `record` (filled by `fill`, or for a pipe copy later).
    mutating func reserve(file: Int, record: Int, ordinal: Int, time: Int64) -> Int32 {
        fingerprints.append(Fingerprints(full: 0, reduced: 0))
        entries.append(MessageEntry(
            time: time, id: CompactId(a: 0, b: 0, kind: 0), file: Int32(file), record: Int32(record), action: 0, errorCode: 0, connection: 0,
            type: 0, channel: .frames, hint: .none, direction: .unknown, ordinal: UInt8(clamping: ordinal), flags: []))
        return Int32(entries.count - 1)
    }

    /// Fills message `index` from its frame: schema check, facts, fingerprints, flags. `answered`: the
    /// open call of this file an answer took (the caller paired it).
    mutating func fill(_ index: Int32, with f: OCPPFrame, id: CompactId, answered: OpenCall?) {
        var issues = f.issues
        var callVersion: String? = nil
        if let reason = f.broken { issues.insert(OCPPIssue(.error, .brokenFrame, "broken frame: \(reason)"), at: 0) }
        let role = f.type?.pairingRole ?? .none
        let payload = f.payload ?? .null
        let (full, reduced) = JSONFingerprint.pair(payload, dropping: "connectorId")
        let hasConnector = payload["connectorId"] != nil
        // What a pipe copy with the same payload would be checked as, when it was checked (`PipeCopies`).
        var checked: PipeCopies.CheckKey? = nil
        var decisive = false
        let before = issues.count
        if let p = f.payload, let type = f.type {
            // A download row holds only the columns the back end exports: no schema check.
            let validate = f.channel != .export
            if type.isRequest, let action = f.action {
                if validate {
                    let hint = versionHint[f.channel]
                    let v = OCPPValidator.validated(action: action, request: true, payload: p, hint: hint, extra: schemas,
                                                            pinned: pinnedVersion)
                    issues += v.issues
                    callVersion = v.version
                    decisive = v.decisive
                    if v.decisive, let version = v.version { versionHint[f.channel] = version }
                    if type == .call { checked = PipeCopies.CheckKey(action: action, request: true, hint: hint) }
                }
                // Pipe copies are rarely counted: their facts are read again only if needed.
                if let facts = FactsExtractor.request(action: action, payload: p, time: time(index), issues: &issues,
                                                      reducedFingerprint: reduced),
                   f.channel != .pipe {
                    self.facts.append(index, facts)
                }
            } else if type == .callResult {
                // The action: named by the pipe, else that of the call this answers.
                var action = f.channel == .pipe ? f.action : nil
                var version = versionHint[f.channel]
                if let a = answered {
                    if action == nil { action = names.name(a.action) }
                    version = a.version ?? version
                }
                if validate, let action {
                    issues += OCPPValidator.validated(action: action, request: false, payload: p, hint: version, extra: schemas,
                                                      pinned: pinnedVersion).issues
                    checked = PipeCopies.CheckKey(action: action, request: false, hint: version)
                }
                // Only answers the transaction builder reads (or whose call is not in this range).
                if f.channel != .pipe, action.map(FactsExtractor.answerMatters) ?? true, let facts = FactsExtractor.answer(p) {
                    self.facts.append(index, facts)
                }
            }
            if let key = checked, pipes.collecting, f.channel != .pipe, !f.isBroken, issues.count == before, p.objectValue != nil {
                pipes.keep(f, checked: key, as: PipeCopies.Checked(
                    version: callVersion, decisive: decisive, fingerprints: Fingerprints(full: full, reduced: reduced),
                    hasConnectorId: hasConnector))
            }
        }
        if role == .opens, let a = f.action {
            open.open(OpenCall(action: names.number(a), version: callVersion), id: id, on: f.channel)
        }
        var flags: MessageEntry.Flags = [.primary]
        if f.isBroken { flags.insert(.broken) }
        if hasConnector { flags.insert(.hasConnectorId) }
        if !issues.isEmpty { flags.insert(.hasIssues); self.issues[index] = issues }
        let i = Int(index)
        fingerprints[i] = Fingerprints(full: full, reduced: reduced)
        entries[i] = MessageEntry(
            time: entries[i].time, id: id, file: entries[i].file, record: entries[i].record,
            action: names.number(f.action), errorCode: names.number(f.errorCode), connection: 0,
            type: f.type?.rawValue ?? 0, channel: f.channel, hint: f.hint, direction: .unknown,
            ordinal: entries[i].ordinal, flags: flags)
    }

    func time(_ index: Int32) -> Int64 { entries[Int(index)].time }
}

/// Scans one file: frames (after a cheap byte check), MainProcess events, vendor codes and fault
/// names. Runs on a worker thread; touches nothing shared.
enum FileScan {
    static func needsScan(_ stream: StreamKind) -> Bool {
        FrameExtractor.canHoldFrames(stream) || stream == .fault
    }

    /// Scans `records` of a file (all by default). A large file is scanned in several ranges at once;
    /// an answer whose call lies in an earlier range is paired later but not schema-checked.
    /// `pipeShortcut`: a proxy log's pipe copies are matched with their WebSocket copies by content
    /// (`PipeCopies`); off, every pipe copy is parsed and checked (the plain path the tests compare with).
    /// `openCalls`: how many calls the file's pairing keeps open (tests make it small).
    static func scan(_ file: IndexedFile, fileNumber: Int, records: Range<Int>? = nil, schemas: OCPPSchemaSet? = nil,
                     version: String? = nil, pipeShortcut: Bool = true,
                     openCalls: Int = FileScanResult.Pairing.defaultCapacity) -> FileScanResult {
        var out = FileScanResult()
        out.open = FileScanResult.Pairing(capacity: openCalls)
        out.schemas = schemas
        out.pinnedVersion = version
        let stream = file.stream
        guard needsScan(stream) else { return out }
        let times = file.index.times
        let csvColumns = stream == .csv ? ChargePilotColumns.of(file) : nil
        out.pipes.collecting = pipeShortcut && stream == .ocpp
        RecordCursor(file: file).forEach(records) { record, bytes in
            if out.pipes.overflowed { return }
            let time = times[record]
            let ref = RecordRef(file: fileNumber, record: record)
            if out.pipes.collecting, let line = FrameExtractor.pipeLine(bytes, writer: file.role) {
                // A proxy record holds one frame and nothing else the scan reads.
                out.deferPipe(line, whole: bytes, writer: file.role, file: fileNumber, record: record, time: time)
                out.pipes.checkBound(open: out.open)
                return
            }
            if FrameExtractor.canHoldFrames(stream) {
                let frames = FrameExtractor.frames(in: bytes, stream: stream, csvColumns: csvColumns, writer: file.role)
                for (k, f) in frames.enumerated() {
                    // Every pipe copy waits for the second pass (one with colour codes too): the pipe channel
                    // meets its messages in their order.
                    if out.pipes.collecting, f.channel == .pipe {
                        out.deferPipe(decoded: f, file: fileNumber, record: record, ordinal: k, time: time)
                    } else {
                        out.add(f, file: fileNumber, record: record, ordinal: k, time: time)
                    }
                }
                if out.pipes.collecting { out.pipes.checkBound(open: out.open) }
                // A line that names the negotiated subprotocol carries no frame (a payload's text is the message's).
                if frames.isEmpty, let m = SubprotocolMention.of(bytes, ref: ref) { out.mentions.append(m) }
            }
            switch stream {
            case .mainprocess:
                if let kind = MainProcessEventParser.parse(bytes) {
                    out.mainEvents.append(MainProcessEvent(ref: ref, time: time, kind: kind))
                }
            case .module, .generic, .text:
                if Bytes.find(bytes, "rror Code") != nil || Bytes.find(bytes, "rror code") != nil,
                   let a = AuroraErrorLine.parse(LosslessText.decode(bytes)) {
                    out.codeEvents.append(CodeEvent(ref: ref, time: time, kind: .aurora(a)))
                }
            case .fault:
                if Bytes.find(bytes, "Err_") != nil, let body = faultBody(bytes), let f = SungrowFaultName.parse(body) {
                    out.codeEvents.append(CodeEvent(ref: ref, time: time, kind: .fault(f)))
                }
            default:
                break
            }
        }
        // So many calls open that one pass could give up other calls than two: the range in one pass.
        if out.pipes.overflowed {
            return scan(file, fileNumber: fileNumber, records: records, schemas: schemas, version: version, pipeShortcut: false,
                        openCalls: openCalls)
        }
        out.resolvePipeCopies(file)
        out.open = ExchangePairing()
        out.shrink()
        return out
    }

    /// Splits a file's records into ranges for scanning in parallel: a range starts at the first record
    /// at or past each multiple of `bytes`. The boundaries depend on the bytes before them only, so a
    /// file that grows keeps its ranges and only its last one changes (what follow mode re-scans).
    static func ranges(_ file: IndexedFile, bytes: UInt64) -> [Range<Int>] {
        let n = file.recordCount
        let step = max(1, bytes)
        var starts = [0]
        var boundary = step
        while boundary < file.index.endOffset {
            let r = file.index.firstRecord(atOrPast: boundary, in: starts[starts.count - 1]..<n)
            if r >= n { break }
            if r > starts[starts.count - 1] { starts.append(r) }
            // The next multiple past this record's start (a record longer than `bytes` spans several).
            boundary = (file.index.offset(r) / step + 1) * step
        }
        return starts.indices.map { starts[$0] ..< ($0 + 1 < starts.count ? starts[$0 + 1] : n) }
    }

    /// The text after the `[January/10 06:21:06.873 UTC]` stamp.
    static func faultBody(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        guard let close = Bytes.find(b, "]") else { return nil }
        return LosslessText.decode(UnsafeBufferPointer(rebasing: b[(close + 1)...])).trimmingSpaces()
    }
}
