import ChargeLogCore
import Foundation

/// Insights from the index alone: any OCPP-J frame or proxy pipe message in a record is summarised
/// and pretty-printed; its answer (or request) and its copy on the other proxy hop are found by
/// looking at nearby records of the same file. No transactions or states: that takes the OCPP engine.
public final class PlainInsights: InsightSource, @unchecked Sendable {
    public let index: LogIndex
    /// How many records of the same file are searched for a request's answer.
    public let searchWindow: Int
    private let lock = NSLock()
    private var messages: [RecordRef: OCPPMessageText?] = [:]
    private var pairs: [RecordRef: RecordRef?] = [:]

    public init(index: LogIndex, searchWindow: Int = 2000) {
        self.index = index
        self.searchWindow = searchWindow
    }

    public var transactions: [TransactionRow] { [] }
    public func correlated(transactionId: String) -> [RecordRef] { [] }
    public func meterSeries(transactionId: String) -> [MeterSeries] { [] }
    public var stateChanges: [StateChange] { [] }
    public var onlinePeriods: [OnlinePeriod] { [] }
    public var hasAnalysis: Bool { false }

    /// The OCPP message in a record, parsed once.
    public func message(of ref: RecordRef, text: String? = nil) -> OCPPMessageText? {
        guard ref.file < index.files.count else { return nil }
        let stream = index.files[ref.file].stream
        guard FrameExtractor.canHoldFrames(stream) else { return nil }
        lock.lock()
        if let m = messages[ref] { lock.unlock(); return m }
        lock.unlock()
        // A CSV row is read with its file's header.
        let m = stream == .csv ? OCPPMessageText.first(in: FrameExtractor.frames(of: index.files[ref.file], record: ref.record))
                               : OCPPMessageText.parse(text ?? index.text(of: ref), stream: stream, writer: index.files[ref.file].role)
        lock.lock()
        if messages.count > 50_000 { messages.removeAll(keepingCapacity: true) }
        messages[ref] = m
        lock.unlock()
        return m
    }

    public func summary(of ref: RecordRef, text: String) -> RowSummary? {
        guard let m = message(of: ref, text: text) else { return nil }
        var resolved: String?
        if m.action == nil, let c = counterpart(of: ref) { resolved = message(of: c)?.action }
        return OCPPSummaryText.summary(m, resolvedAction: resolved)
    }

    public func counterpart(of ref: RecordRef) -> RecordRef? {
        lock.lock()
        if let p = pairs[ref] { lock.unlock(); return p }
        lock.unlock()
        let found = searchCounterpart(ref)
        lock.lock()
        pairs[ref] = found
        if let f = found { pairs[f] = ref }
        lock.unlock()
        return found
    }

    /// The request or answer of `ref` by the engine's rule (`ExchangePairing`), replayed over the
    /// messages with its id and carrier in the `searchWindow` records of the same file before it (calls
    /// of the id opened earlier take answers first) and, for a call, after it.
    func searchCounterpart(_ ref: RecordRef) -> RecordRef? {
        guard let m = message(of: ref), m.type.pairingRole != .none else { return nil }
        let file = index.files[ref.file]
        let needle = Array((m.hop == .pipe ? m.uniqueId + "=" : "\"" + m.uniqueId + "\"").utf8)
        var pairing = ExchangePairing<OCPPChannel, String, Int>()
        var found: RecordRef?
        func feed(_ r: Int, _ k: PairingRole) {
            if k == .opens {
                pairing.open(r, id: m.uniqueId, on: m.channel)
            } else if let call = pairing.answer(id: m.uniqueId, on: m.channel).call, call == ref.record || r == ref.record {
                found = RecordRef(file: ref.file, record: call == ref.record ? r : call)
            }
        }
        func replay(_ range: Range<Int>) {
            for r in records(file, range, containing: needle) where found == nil {
                guard let o = message(of: RecordRef(file: ref.file, record: r)),
                      o.uniqueId == m.uniqueId, o.channel == m.channel, o.type.pairingRole != .none else { continue }
                feed(r, o.type.pairingRole)
            }
        }
        replay(max(0, ref.record - searchWindow)..<ref.record)
        feed(ref.record, m.type.pairingRole)
        guard m.type.pairingRole == .opens else { return found }
        // Forward in steps: the answer is usually close.
        let end = min(file.recordCount, ref.record + 1 + searchWindow)
        var from = ref.record + 1
        while found == nil, from < end {
            let to = min(end, from + 256)
            replay(from..<to)
            from = to
        }
        return found
    }

    /// The records of `range` whose bytes contain `needle`, found in one read of the range.
    func records(_ file: IndexedFile, _ range: Range<Int>, containing needle: [UInt8]) -> [Int] {
        guard !range.isEmpty else { return [] }
        let base = file.index.offset(range.lowerBound)
        let block = file.reader.read(base..<file.index.offset(range.upperBound))
        var out: [Int] = []
        var r = range.lowerBound
        var from = 0
        while r < range.upperBound, let p = ByteScan.find(block, needle, from: from) {
            let at = base + UInt64(p)
            while r + 1 < range.upperBound, file.index.offset(r + 1) <= at { r += 1 }
            out.append(r)
            r += 1
            guard r < range.upperBound else { break }
            from = Int(file.index.offset(r) - base)
        }
        return out
    }

    public func hopCopy(of ref: RecordRef) -> RecordRef? {
        guard let m = message(of: ref) else { return nil }
        if m.kind != .call {
            // The answer's copy is the answer to the request's copy.
            guard let req = counterpart(of: ref), let reqCopy = hopCopy(of: req) else { return nil }
            return counterpart(of: reqCopy)
        }
        let otherHop: OCPPMessageText.Hop = m.hop == .pipe ? .websocket : .pipe
        // Copies with the same id (calls from the central system keep the WebSocket id on the pipe).
        let sameId = Array(m.uniqueId.utf8)
        for forward in [true, false] {
            if let r = nearby(ref, forward: forward, window: 40, needle: sameId, match: { o in
                o.hop == otherHop && o.kind == .call && o.uniqueId == m.uniqueId && o.action == m.action
            }) { return r }
        }
        // Calls from the charger: the pipe copy comes first, the WebSocket copy follows with a new id.
        guard let action = m.action else { return nil }
        let forward = m.hop == .pipe
        return nearby(ref, forward: forward, window: 40, needle: Array(action.utf8)) { o in
            o.hop == otherHop && o.kind == .call && o.action == action && o.direction == m.direction
        }
    }

    /// The nearest record of the same file, within `window`, whose bytes contain `needle` and whose
    /// message satisfies `match`.
    func nearby(_ ref: RecordRef, forward: Bool, window: Int, needle: [UInt8],
                match: (OCPPMessageText) -> Bool) -> RecordRef? {
        let file = index.files[ref.file]
        let range = forward ? Array((ref.record + 1)..<min(file.recordCount, ref.record + 1 + window))
                            : Array((max(0, ref.record - window)..<ref.record).reversed())
        for r in range {
            let bytes = file.rawBytes(r)
            guard ByteScan.contains(bytes, needle) else { continue }
            let other = RecordRef(file: ref.file, record: r)
            if let o = message(of: other, text: LosslessText.decode(bytes)), match(o) { return other }
        }
        return nil
    }

    public func detail(of ref: RecordRef, text: String) -> [DetailSection] {
        guard let m = message(of: ref, text: text) else { return [] }
        let other = counterpart(of: ref)
        let otherMessage = other.flatMap { message(of: $0) }
        let action = m.action ?? otherMessage?.action
        var sections: [DetailSection] = []
        let pair: [(RecordRef, OCPPMessageText)] = {
            guard let o = other, let om = otherMessage else { return [(ref, m)] }
            return m.kind == .call ? [(ref, m), (o, om)] : [(o, om), (ref, m)]
        }()
        let requestTime = pair.first.map { index.time(at: index.position(of: $0.0)) }
        for (r, msg) in pair {
            var title = msg.direction.arrow + " " + kindName(msg.kind) + " " + (action ?? "")
            if let e = msg.errorCode { title += " " + e }
            title += " · " + (msg.hop == .pipe ? "pipe" : "WebSocket") + " · id " + msg.uniqueId
            if msg.kind != .call, let t0 = requestTime {
                title += " · +\(index.time(at: index.position(of: r)) - t0) ms"
            }
            if r == ref { title += " · this record" } else { title += " · " + location(r) }
            var lines: [DetailLine] = []
            if let d = msg.errorDescription { lines.append(DetailLine(d, kind: .error)) }
            if let p = msg.payload { lines += OCPPDetail.json(p, action: action, isAnswer: msg.kind != .call) }
            sections.append(DetailSection(title: title, lines: lines))
        }
        if m.kind == .call, let p = m.payload {
            let ocmf = OCMFDetail.lines(p, analysis: nil)
            if !ocmf.isEmpty { sections.append(DetailSection(title: "OCMF signed readings (checked once the analysis is done)", lines: ocmf)) }
        }
        if other == nil {
            let what = m.kind == .call ? "answer" : "request"
            sections.append(DetailSection(title: "No \(what) found", lines: [
                DetailLine("searched \(searchWindow) records of the same file for id \(m.uniqueId)", kind: .dim)]))
        }
        if let h = hopCopy(of: ref) {
            let hop = m.hop == .pipe ? "WebSocket" : "pipe"
            sections.append(DetailSection(title: "Proxy hop", lines: [
                DetailLine("\(hop) copy at \(location(h))", annotation: "o jumps there")]))
        }
        return sections
    }

    func kindName(_ k: RowSummary.MessageKind) -> String {
        switch k {
        case .call: "CALL"
        case .result: "CALLRESULT"
        case .error: "CALLERROR"
        }
    }

    func location(_ r: RecordRef) -> String {
        let f = index.files[r.file]
        return "\(f.displayPath):\(f.index.lineNumber(r.record))"
    }
}
