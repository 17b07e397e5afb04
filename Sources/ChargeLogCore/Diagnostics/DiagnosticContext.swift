/// What the scenario rules and problem checks read: the OCPP analysis, the primary (counted once)
/// requests by action, and the marked plain-text lines, all gathered once.
public final class DiagnosticContext: Sendable {
    public let analysis: OCPPAnalysis
    let marked: [LineMarker: [MarkedLine]]
    /// Primary CALL/SEND message numbers by action, in timeline order.
    let callsByAction: [String: [Int]]
    /// Primary answers without a request (message numbers).
    let loneAnswers: [Int]
    /// Earliest and latest record time of the bundle.
    public let logStart: Int64?
    public let logEnd: Int64?
    /// Latest record time of each file.
    let fileEnds: [Int64?]
    /// Start, authorisation and remote-start records → transaction.
    let linked: [RecordRef: Int]
    /// The charger repeats the start idTag in every StopTransaction (the Sungrow proxy does; seen when
    /// a Remote or EVDisconnected stop carries one), so an idTag in a stop does not show a card.
    public let echoesIdTagOnStop: Bool

    public init(_ analysis: OCPPAnalysis) {
        self.analysis = analysis
        let index = analysis.index
        marked = MarkedLineScan.scan(index)
        var calls: [String: [Int]] = [:]
        var lone: [Int] = []
        let store = analysis.store
        for i in 0..<store.count {
            let e = store.entries[i]
            guard e.flags.contains(.primary), let type = e.messageType else { continue }
            if type.isRequest, let a = store.action(i) {
                calls[a, default: []].append(i)
            } else if type.isAnswer, store.counterpart[i] < 0 {
                lone.append(i)
            }
        }
        callsByAction = calls
        loneAnswers = lone
        let ranges = index.files.map(\.timeRange)
        fileEnds = ranges.map { $0?.upperBound }
        logStart = ranges.compactMap { $0?.lowerBound }.min()
        logEnd = ranges.compactMap { $0?.upperBound }.max()
        var links: [RecordRef: Int] = [:]
        for (k, t) in analysis.transactions.enumerated() {
            for r in [t.startRef, t.authorizeRef, t.remoteStartRef].compactMap({ $0 }) where links[r] == nil { links[r] = k }
        }
        linked = links
        let proxied = store.connections.contains { $0.channel == .pipe }
        echoesIdTagOnStop = proxied || analysis.transactions.contains { t in
            guard let r = t.reason, r != "Local", r != "DeAuthorized", t.stopRef != nil else { return false }
            return Self.stopIdTag(analysis, t) != nil
        }
    }

    public var index: LogIndex { analysis.index }

    // MARK: messages

    /// Primary requests of an action, in timeline order.
    public func calls(_ action: String) -> [OCPPMessage] {
        (callsByAction[action] ?? []).map(analysis.makeMessage)
    }

    /// Primary requests of an action with `lo <= time <= hi` (messages are in timeline order, so a
    /// binary search finds the first; a stamp out of order may lie a little outside).
    public func calls(_ action: String, from lo: Int64, to hi: Int64) -> [OCPPMessage] {
        let list = callsByAction[action] ?? []
        let entries = analysis.store.entries
        return SortedByTime.range(list, from: lo, to: hi) { entries[$0].time }.map { analysis.makeMessage(list[$0]) }
    }

    /// Message numbers (any kind, any hop) with `lo <= time <= hi`.
    func messageNumbers(from lo: Int64, to hi: Int64) -> Range<Int> {
        SortedByTime.range(analysis.store.entries, from: lo, to: hi) { $0.time }
    }

    /// The answer (CALLRESULT or CALLERROR) to a request.
    public func answer(to m: OCPPMessage) -> OCPPMessage? {
        let a = analysis.store.counterpart[m.number]
        return a >= 0 ? analysis.makeMessage(Int(a)) : nil
    }

    /// The other proxy copy (pipe ↔ websocket) of a message.
    public func hopCopy(of m: OCPPMessage) -> OCPPMessage? {
        let h = analysis.store.hop[m.number]
        return h >= 0 ? analysis.makeMessage(Int(h)) : nil
    }

    /// `idTagInfo.status` (1.6) or `idTokenInfo.status` (2.0.1) of an answer's payload.
    static func idTagStatus(_ p: JSONValue) -> String? {
        p["idTagInfo"]?["status"]?.stringValue ?? p["idTokenInfo"]?["status"]?.stringValue
    }

    /// The idTag a transaction's stop message carries (1.6 `idTag`, 2.0.1 `idToken.idToken`).
    static func stopIdTag(_ analysis: OCPPAnalysis, _ t: OCPPTransaction) -> String? {
        guard let ref = t.stopRef, let m = analysis.message(at: ref) else { return nil }
        let p = m.payload
        return p["idTag"]?.stringValue ?? p["idToken"]?["idToken"]?.stringValue
    }

    // MARK: marked lines

    public func lines(_ marker: LineMarker) -> [MarkedLine] { marked[marker] ?? [] }

    /// Marked lines with `lo <= time <= hi`.
    public func lines(_ marker: LineMarker, from lo: Int64, to hi: Int64) -> [MarkedLine] {
        let all = marked[marker] ?? []
        return Array(all[SortedByTime.range(all, from: lo, to: hi) { $0.time }])
    }

    public func text(_ ref: RecordRef) -> String { index.text(of: ref) }

    /// MainProcess events with `lo <= time <= hi`.
    public func mainEvents(from lo: Int64, to hi: Int64) -> ArraySlice<MainProcessEvent> {
        MainProcessEvent.within(analysis.mainEvents, lo, hi)
    }

    // MARK: transactions

    /// The transaction a record starts, authorises or remote-starts.
    public func transaction(linkedTo ref: RecordRef) -> OCPPTransaction? {
        linked[ref].map { analysis.transactions[$0] }
    }

    /// The first transaction started in `lo...hi`, optionally on a connector.
    public func transaction(startingFrom lo: Int64, to hi: Int64, connector: Int? = nil, idTag: String? = nil) -> OCPPTransaction? {
        analysis.transactions.first { t in
            guard let ref = t.startRef else { return false }
            let time = self.time(ref)
            guard time >= lo, time <= hi else { return false }
            if let c = connector, let tc = t.connector, c != tc { return false }
            if let tag = idTag, let tt = t.idTag, tag != tt { return false }
            return true
        }
    }

    /// Log time of a record.
    public func time(_ ref: RecordRef) -> Int64 { index.files[ref.file].index.times[ref.record] }
}
