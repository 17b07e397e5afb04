/// Rebuilds transactions from the counted (primary) messages in timeline order: Authorize,
/// RemoteStart, StartTransaction and the id in its answer, MeterValues, RemoteStop, StopTransaction
/// and its verdict, 2.0.1 RequestStart/Stop and TransactionEvent; then adds the charger's internal
/// uuid from MainProcess. A stop or meter value for an id whose start is not in the log makes a
/// transaction marked `startedBeforeLog`.
struct TransactionBuilder {
    /// How far back a remote start or an authorisation is taken as the cause of a start.
    static let authWindow: Int64 = 10 * 60_000
    /// How far from the start a MainProcess `lem start transaction` line may be.
    static let internalIdWindow: Int64 = 2 * 60_000

    let store: MessageStore
    /// Consumed: the readings of meter values, stops and transaction events move into the transactions.
    var facts: FactTable
    let mainEvents: [MainProcessEvent]
    let index: LogIndex

    var txs: [OCPPTransaction] = []
    /// Messages of each transaction (primary copies), in order.
    var messagesOf: [[Int32]] = []
    var byId: [String: Int] = [:]
    var openOnConnector: [Int: Int] = [:]
    var seenMeterValues: [Int: Set<UInt64>] = [:]
    var seenSeqNo: [Int: Set<Int>] = [:]
    var stopPrint: [Int: UInt64] = [:]
    var remoteStarts: [(time: Int64, connector: Int?, idTag: String?, message: Int)] = []
    var remoteStartIds: [Int: Int] = [:]
    var remoteStops: [String: Int] = [:]
    var authorizations: [String: (time: Int64, message: Int)] = [:]
    /// Log time of each transaction's start message.
    var startLogTime: [Int: Int64] = [:]

    init(store: MessageStore, facts: FactTable, mainEvents: [MainProcessEvent], index: LogIndex) {
        self.index = index
        self.store = store
        self.facts = facts
        self.mainEvents = mainEvents
    }

    func ref(_ i: Int) -> RecordRef { store.entries[i].ref }
    func time(_ i: Int) -> Int64 { store.entries[i].time }

    func answerFacts(_ i: Int) -> (transactionId: String?, status: String?)? {
        let a = store.counterpart[i]
        guard a >= 0, case .answer(let tx, let status)? = facts[a] else { return nil }
        return (tx, status)
    }

    /// `Accepted`, `CALLERROR:<code>`, or `none`.
    func verdict(_ i: Int) -> String {
        let a = Int(store.counterpart[i])
        guard a >= 0 else { return "none" }
        if store.entries[a].messageType == .callError { return "CALLERROR:" + (store.errorCode(a) ?? "?") }
        return "Accepted"
    }

    /// Readings handed over between two returns of freed memory to the system (`handOver`).
    static let handOverBytes = 4 << 20

    /// Consuming: the builder and the facts it still holds are gone when it returns.
    consuming func build() -> ([OCPPTransaction], [[Int32]]) {
        var handedOver = 0
        for k in facts.keys.indices {
            let i = Int(facts.keys[k])
            guard store.entries[i].flags.contains(.primary), store.entries[i].messageType?.isRequest == true else { continue }
            // Facts with readings are read once: they move into the transactions and are released here,
            // and the memory they held goes back to the system as it adds up (they were made on the scan's
            // threads, whose heaps the transactions do not reuse), so the readings are not held twice.
            let f = facts.values[k]
            defer {
                if let n = f.readingCount {
                    facts.handOver(at: k)
                    handedOver += n * MemoryLayout<MeterSample>.stride
                    if handedOver >= Self.handOverBytes {
                        OCPPAnalysis.releaseFreedMemory()
                        handedOver = 0
                    }
                }
            }
            switch f {
            case .authorize(let tag):
                authorizations[tag] = (time(i), i)
            case .remoteStart(let c, let tag, _):
                if answerFacts(i)?.status != "Rejected" { remoteStarts.append((time(i), c, tag, i)) }
            case .requestStart(let evse, let rid, let tag):
                if answerFacts(i)?.status != "Rejected" {
                    remoteStarts.append((time(i), evse, tag, i))
                    if let rid { remoteStartIds[rid] = i }
                }
            case .remoteStop(let id), .requestStop(let id):
                if let t = byId[id] { txs[t].remoteStopRef = ref(i); add(i, to: t) } else { remoteStops[id] = i }
            case .start(let s):
                start(s, message: i)
            case .meterValues(let m):
                meterValues(m, message: i)
            case .stop(let s):
                stop(s, message: i)
            case .transactionEvent(let t):
                transactionEvent(t, message: i)
            case .status, .answer, .handedOver:
                break
            }
        }
        finish()
        return (txs, messagesOf)
    }

    mutating func add(_ i: Int, to t: Int) {
        messagesOf[t].append(Int32(i))
        txs[t].firstLogTime = min(txs[t].firstLogTime, time(i))
        txs[t].lastLogTime = max(txs[t].lastLogTime, time(i))
    }

    mutating func newTransaction(id: String, message i: Int, startedBeforeLog: Bool) -> Int {
        let t = txs.count
        txs.append(OCPPTransaction(
            transactionId: id, connector: nil, evse: nil, idTag: nil, auth: startedBeforeLog ? "Unknown" : "Local",
            start: nil, stop: nil, meterStart: nil, meterStop: nil, reason: nil, stopStatus: nil, stopIdTagStatus: nil,
            meterValues: 0, samples: [], signedValues: [], internalId: nil, startedBeforeLog: startedBeforeLog,
            startRef: nil, stopRef: nil, remoteStartRef: nil, remoteStopRef: nil, authorizeRef: nil,
            firstLogTime: time(i), lastLogTime: time(i), issues: []))
        messagesOf.append([])
        byId[id] = t
        if let rs = remoteStops.removeValue(forKey: id) {
            txs[t].remoteStopRef = ref(rs)
            messagesOf[t].append(Int32(rs))
            txs[t].firstLogTime = min(txs[t].firstLogTime, time(rs))
        }
        return t
    }

    /// The transaction a MeterValues / StopTransaction / TransactionEvent names, created when unknown.
    mutating func transaction(named id: String?, connector: Int?, message i: Int) -> Int? {
        if let id, !id.isEmpty {
            if let t = byId[id] { return t }
            let t = newTransaction(id: id, message: i, startedBeforeLog: true)
            txs[t].connector = connector
            if let c = connector { openOnConnector[c] = t }
            return t
        }
        if let c = connector, let t = openOnConnector[c] { return t }
        return nil
    }

    mutating func start(_ s: MessageFacts.StartFacts, message i: Int) {
        let answer = answerFacts(i)
        let v = verdict(i)
        let startTime = s.timestamp ?? time(i)
        let id = answer?.transactionId ?? "?\(s.connector.map(String.init) ?? "")@\(CivilTime.iso8601(startTime))"
        if let t = byId[id], !txs[t].startedBeforeLog, txs[t].startRef != nil {
            // The same start again (a resend, or a copy the hop matcher could not pair).
            add(i, to: t)
            return
        }
        // A start that got no id (e.g. the pipe copy of a start sent while offline) is the same
        // transaction as this one when connector, idTag and meterStart agree.
        if let c = s.connector, let prev = openOnConnector[c], txs[prev].transactionId.hasPrefix("?"),
           txs[prev].idTag == s.idTag, txs[prev].meterStart == s.meterStart.map(Double.init), txs[prev].isOpen {
            byId[txs[prev].transactionId] = nil
            if answer?.transactionId != nil {
                txs[prev].transactionId = id
                txs[prev].issues.removeAll { $0.kind == .unanswered }
            }
            byId[txs[prev].transactionId] = prev
            add(i, to: prev)
            return
        }
        let t = byId[id] ?? newTransaction(id: id, message: i, startedBeforeLog: false)
        txs[t].startedBeforeLog = false
        if let c = s.connector, let prev = openOnConnector[c], prev != t, txs[prev].isOpen {
            txs[prev].issues.append(OCPPIssue(.warning, .missingStop,
                "no StopTransaction before the next start on connector \(c) at \(CivilTime.display(startTime))"))
        }
        txs[t].connector = s.connector ?? txs[t].connector
        txs[t].idTag = s.idTag
        txs[t].start = startTime
        txs[t].meterStart = s.meterStart.map(Double.init)
        txs[t].startRef = ref(i)
        startLogTime[t] = time(i)
        txs[t].auth = authorisation(connector: s.connector, idTag: s.idTag, at: time(i), tx: t)
        if answer?.transactionId == nil {
            txs[t].issues.append(OCPPIssue(.warning, .unanswered, v == "none"
                ? "StartTransaction got no answer, so no transaction id"
                : "StartTransaction answered with \(v), so no transaction id"))
        } else if let st = answer?.status, st != "Accepted" {
            txs[t].issues.append(OCPPIssue(.warning, .rejected, "StartTransaction answered with idTagInfo status \(st)"))
        }
        if let c = s.connector { openOnConnector[c] = t }
        add(i, to: t)
    }

    /// `Remote` after a remote start for this connector or idTag, `RFID` after an Authorize of the
    /// idTag or a MainProcess `Rfid_Authorize`, else `Local`.
    mutating func authorisation(connector: Int?, idTag: String?, at t0: Int64, tx: Int) -> String {
        if let k = remoteStarts.lastIndex(where: { r in
            t0 - r.time <= Self.authWindow && t0 >= r.time
                && ((connector != nil && r.connector == connector) || (idTag != nil && r.idTag == idTag) || r.connector == nil)
        }) {
            let r = remoteStarts.remove(at: k)
            txs[tx].remoteStartRef = ref(r.message)
            add(r.message, to: tx)
            return "Remote"
        }
        if let tag = idTag, let a = authorizations[tag], t0 - a.time <= Self.authWindow, t0 >= a.time {
            txs[tx].authorizeRef = ref(a.message)
            add(a.message, to: tx)
            return "RFID"
        }
        if let e = MainProcessEvent.within(mainEvents, t0 - Self.authWindow, t0).last(where: { e in
            if case .authorizeMethod(let m) = e.kind { return m.lowercased().contains("rfid") }
            return false
        }) {
            txs[tx].authorizeRef = e.ref
            return "RFID"
        }
        return "Local"
    }

    mutating func meterValues(_ m: MessageFacts.MeterFacts, message i: Int) {
        guard let t = transaction(named: m.transactionId, connector: m.connector, message: i) else { return }
        add(i, to: t)
        guard seenMeterValues[t, default: []].insert(m.fingerprint).inserted else { return }
        txs[t].meterValues += 1
        txs[t].samples += m.samples
        txs[t].signedValues += m.signed.map { var s = $0; s.ref = ref(i); return s }
        if txs[t].connector == nil { txs[t].connector = m.connector }
    }

    mutating func stop(_ s: MessageFacts.StopFacts, message i: Int) {
        guard let t = transaction(named: s.transactionId, connector: nil, message: i) else { return }
        add(i, to: t)
        if let previous = stopPrint[t] {
            if previous != s.fingerprint {
                txs[t].issues.append(OCPPIssue(.warning, .duplicateStop,
                    "a second, different StopTransaction at \(CivilTime.display(time(i)))"))
            } else if txs[t].stopStatus == "none" || store.entries[i].channel == .websocket {
                // A copy the hop matcher could not pair (sent late after an outage): the CPO's
                // verdict is on the websocket copy.
                txs[t].stopStatus = verdict(i)
                txs[t].stopIdTagStatus = answerFacts(i)?.status
            }
            return
        }
        stopPrint[t] = s.fingerprint
        txs[t].stop = s.timestamp ?? time(i)
        txs[t].stopRef = ref(i)
        txs[t].meterStop = s.meterStop.map(Double.init)
        txs[t].reason = s.reason ?? "Local"
        if txs[t].idTag == nil { txs[t].idTag = s.idTag }
        if txs[t].connector == nil { txs[t].connector = s.connector ?? hopStopConnector(i) }
        txs[t].stopStatus = verdict(i)
        txs[t].stopIdTagStatus = answerFacts(i)?.status
        // Readings the stop repeats from the MeterValues (Transaction.Begin/End sent in both) are kept once.
        let known = txs[t].samples
        txs[t].samples += s.samples.filter { x in !known.contains(x) }
        txs[t].signedValues += s.signed.map { var v = $0; v.ref = ref(i); return v }
        if let c = txs[t].connector, openOnConnector[c] == t { openOnConnector[c] = nil }
    }

    /// The connector the proxy's pipe copy of a StopTransaction names (the websocket copy has none).
    func hopStopConnector(_ i: Int) -> Int? {
        let h = Int(store.hop[i])
        guard h >= 0, case .stop(let s)? = FactRecovery.facts(of: h, store: store, index: index) else { return nil }
        return s.connector
    }

    mutating func finish() {
        for t in txs.indices {
            // Held as long as the analysis: at their size, without the room left by growing.
            if txs[t].samples.capacity > txs[t].samples.count {
                txs[t].samples = txs[t].samples.withUnsafeBufferPointer { Array($0) }
            }
            // The charger's own uuid: the `lem start transaction` line of this connector nearest the start.
            if let c = txs[t].connector, let t0 = startLogTime[t] {
                var best: (d: Int64, uuid: String)? = nil
                for e in MainProcessEvent.within(mainEvents, t0 - Self.internalIdWindow, t0 + Self.internalIdWindow) {
                    guard case .internalTransaction(let n, let uuid) = e.kind, n == c else { continue }
                    let d = abs(e.time - t0)
                    if d <= Self.internalIdWindow && (best == nil || d < best!.d) { best = (d, uuid) }
                }
                txs[t].internalId = best?.uuid
            }
            if !txs[t].events.isEmpty { finishEvents(t) }
            checkRegister(t)
            if txs[t].isOpen {
                txs[t].issues.append(OCPPIssue(.info, .missingStop, "no StopTransaction in the log (still open)"))
            }
            if txs[t].stopStatus.map({ $0.hasPrefix("CALLERROR") }) == true {
                txs[t].issues.append(OCPPIssue(.warning, .rejected, "the CPO rejected the stop: \(txs[t].stopStatus!)"))
            }
        }
    }

    /// Energy register samples must not decrease.
    mutating func checkRegister(_ t: Int) {
        var last: MeterSample? = nil
        let register = txs[t].samples.filter { $0.measurand == .energyActiveImportRegister && $0.phase == nil }
        for s in Self.stableByTime(register) {
            if let l = last, s.value < l.value - 0.5 {
                let ratio = l.value / max(s.value, 1e-9)
                let hint = ratio > 900 && ratio < 1100 ? " (a kWh value labelled Wh?)" : ""
                txs[t].issues.append(OCPPIssue(.warning, .registerDecreased,
                    "energy register went down from \(Self.format(l.value)) Wh to \(Self.format(s.value)) Wh at \(CivilTime.display(s.time))\(hint)"))
                break
            }
            last = s
        }
    }

    static func format(_ v: Double) -> String { JSONText.value(v) }
}
