import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The OCPP view of a bundle: every frame decoded and validated, requests paired with answers,
/// proxy copies paired with each other, transactions rebuilt, connector and charger states, and
/// connectivity. Built once from the index (files scanned in parallel, only records that can hold
/// frames, each checked by a byte marker before parsing); payloads are not kept, they are read back
/// from the log on demand.
public final class OCPPAnalysis: Sendable {
    public let index: LogIndex
    let store: MessageStore
    /// Timeline position of each message's record (ascending).
    let positions: [UInt32]
    public let transactions: [OCPPTransaction]
    let transactionMessages: [[Int32]]
    let transactionById: [String: Int]
    /// Connector (-1: none) and log time span of each transaction, for quick overlap tests.
    let transactionSpans: [(connector: Int, first: Int64, last: Int64)]
    public let connectorStates: [ConnectorStateHistory]
    /// MainProcess state-machine switches.
    public let chargerStates: [ChargerStateSwitch]
    /// Online/offline periods.
    public let connectivity: [ConnectivityPeriod]
    /// MainProcess lines that matter (state switches, internal ids, id tags, connection changes), by time.
    public let mainEvents: [MainProcessEvent]
    /// Vendor codes (`ocpp error Code :14,2097672`) and fault names (`CCU1->Err_Connector1_…`), by time.
    public let codeEvents: [CodeEvent]
    /// Lines naming the negotiated WebSocket subprotocol, found by the scan (`OCPPVersionInference`).
    let subprotocolMentions: [SubprotocolMention]
    /// Wall time of `build`.
    public let buildSeconds: Double
    /// Wall time of each step of `build` (scan, merge, correlate, order, states, transactions), for `--timing`.
    public let phases: AnalysisPhases
    /// MainProcess event number by record, built on first use.
    let mainEventByRef = LazyBox<[RecordRef: Int]>()
    /// The transaction each correlated record belongs to, built on first use.
    let transactionOfRecord = LazyBox<[RecordRef: String]>()

    init(index: LogIndex, store: MessageStore, positions: [UInt32], transactions: [OCPPTransaction],
         transactionMessages: [[Int32]], connectorStates: [ConnectorStateHistory], chargerStates: [ChargerStateSwitch],
         connectivity: [ConnectivityPeriod], mainEvents: [MainProcessEvent], codeEvents: [CodeEvent],
         subprotocolMentions: [SubprotocolMention] = [], buildSeconds: Double, phases: AnalysisPhases = AnalysisPhases()) {
        self.index = index
        self.store = store
        self.positions = positions
        self.transactions = transactions
        self.transactionMessages = transactionMessages
        var byId: [String: Int] = [:]
        for (k, t) in transactions.enumerated() where byId[t.transactionId] == nil { byId[t.transactionId] = k }
        self.transactionById = byId
        self.transactionSpans = transactions.map { ($0.connector ?? -1, $0.firstLogTime, $0.lastLogTime) }
        self.connectorStates = connectorStates
        self.chargerStates = chargerStates
        self.connectivity = connectivity
        self.mainEvents = mainEvents
        self.codeEvents = codeEvents
        self.subprotocolMentions = subprotocolMentions
        self.buildSeconds = buildSeconds
        self.phases = phases
    }

    // MARK: building

    /// Records of a large file are scanned in ranges of about this many bytes, in parallel.
    public static let scanChunkBytes: UInt64 = 16 << 20

    /// Analyses the bundle. `ocmfKeys` check OCMF signatures; `schemas` adds JSON schemas loaded at run
    /// time (`--schemas DIR`); `versions` (`--ocpp-version`) pin the schema version payloads of a log
    /// are checked against; `threads` defaults to all cores. With a `memo` (follow mode), ranges that
    /// scanned the same in the last analysis are taken from it and only the others are read.
    /// `rangeBytes` sizes the ranges (tests use small ones to have several); `pipeShortcut` off parses and
    /// checks every proxy pipe copy (`PipeCopies`; tests compare both).
    public static func build(_ index: LogIndex, ocmfKeys: OCMFKeyring = OCMFKeyring(), schemas: OCPPSchemaSet? = nil,
                             versions: [OCPPVersionOverride] = [],
                             threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                             memo: ScanMemo? = nil, rangeBytes: UInt64 = scanChunkBytes,
                             pipeShortcut: Bool = true) -> OCPPAnalysis {
        let started = DispatchTime.now().uptimeNanoseconds
        var phases = AnalysisPhases()
        let files = index.files
        // Work: large files in ranges of about 16 MB, largest first, so all cores stay busy.
        let work = files.indices.filter { FileScan.needsScan(files[$0].stream) }
            .flatMap { f in FileScan.ranges(files[f], bytes: rangeBytes).map { (file: f, records: $0) } }
        let order = work.indices.sorted {
            let a = work[$0], b = work[$1]
            return files[a.file].index.offset(a.records.upperBound) - files[a.file].index.offset(a.records.lowerBound)
                > files[b.file].index.offset(b.records.upperBound) - files[b.file].index.offset(b.records.lowerBound)
        }
        // By log family, as OCPPVersionInference reads the same overrides (`x.log=2.0.1` covers `x.log.1`).
        let pinned = files.map { OCPPVersionOverride.forLog(OCPPConnection.family(of: $0.displayPath), in: versions)?.version }
        let slots = ScanSlots(count: work.count)
        // A memo that keeps nothing from this analysis (the viewer's first one) needs no signatures.
        let recording = memo.flatMap { $0.records ? $0 : nil }
        let signatures = JobResults<ScanSignature>(count: recording == nil ? 0 : work.count)
        let next = Counter()
        let reused = Counter()
        DispatchQueue.concurrentPerform(iterations: min(max(1, threads), max(1, work.count))) { _ in
            while true {
                let k = Int(next.add(1)) - 1
                guard k < order.count else { return }
                let w = work[order[k]]
                if let memo = recording {
                    let signature = ScanSignature(files[w.file], fileNumber: w.file, records: w.records, version: pinned[w.file])
                    signatures.set(order[k], signature)
                    if let kept = memo.result(for: signature) {
                        slots.set(order[k], kept)
                        _ = reused.add(1)
                        continue
                    }
                }
                slots.set(order[k], FileScan.scan(files[w.file], fileNumber: w.file, records: w.records, schemas: schemas,
                                                        version: pinned[w.file], pipeShortcut: pipeShortcut))
            }
        }
        var results = work.indices.map { (file: work[$0].file, result: slots.take($0) ?? FileScanResult()) }
        // Every range of a recording analysis has its signature.
        memo?.keep(recording == nil ? [] : work.indices.map { (signatures.get($0), results[$0].result) }, reused: Int(reused.add(0)))
        phases.mark("scan")

        var (store, facts, prints, main, codes, mentions) = MessageStore.merge(&results, files: files)
        results = []
        releaseFreedMemory()
        phases.mark("merge")
        Correlator.run(&store)
        HopMatcher.run(&store, fingerprints: prints)
        prints = []
        // Pipe messages without a websocket copy are counted: read their facts again.
        facts.insert(FactRecovery.unpairedPipeFacts(store, index: index))
        phases.mark("correlate")
        let positions = TimelineOrder.apply(&store, facts: &facts, index: index)
        main.sort { ($0.time, $0.ref) < ($1.time, $1.ref) }
        codes.sort { ($0.time, $0.ref) < ($1.time, $1.ref) }
        releaseFreedMemory()
        phases.mark("order")

        // States first: the transaction builder consumes the facts (their readings move into the transactions).
        let connectorStates = StateBuilder.connectorStates(store, facts: facts)
        let chargerStates = StateBuilder.chargerStates(main)
        let connectivity = StateBuilder.connectivity(main)
        phases.mark("states")

        var (txs, txMessages) = TransactionBuilder(store: store, facts: consume facts, mainEvents: main, index: index).build()
        for t in txs.indices { OCMFTransactionCheck.run(&txs[t], keys: ocmfKeys) }
        releaseFreedMemory()
        phases.mark("transactions")
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return OCPPAnalysis(index: index, store: store, positions: positions, transactions: txs,
                            transactionMessages: txMessages, connectorStates: connectorStates,
                            chargerStates: chargerStates, connectivity: connectivity, mainEvents: main, codeEvents: codes,
                            subprotocolMentions: mentions, buildSeconds: seconds, phases: phases)
    }

    /// Gives the heap freed by the per-range results back to the system: glibc keeps freed memory
    /// otherwise, and a long-running viewer would carry it. `malloc_trim` is looked up at run time
    /// (it is glibc-only and not in the Glibc module).
    static func releaseFreedMemory() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        if let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(sym, to: Trim.self)(0)
        }
        #endif
    }

    // MARK: messages

    /// All messages in timeline order.
    public var messages: OCPPMessageList { OCPPMessageList(analysis: self) }

    func makeMessage(_ i: Int) -> OCPPMessage {
        let e = store.entries[i]
        return OCPPMessage(number: i, ref: e.ref, time: e.time, direction: e.direction, type: e.messageType,
                           uniqueId: store.id(i), action: store.action(i), errorCode: store.errorCode(i),
                           connection: store.connections[Int(e.connection)],
                           issues: store.issues[Int32(i)] ?? [], isBroken: e.flags.contains(.broken),
                           isCounted: e.flags.contains(.primary), ordinal: Int(e.ordinal), index: index)
    }

    /// Message numbers of a record (usually zero or one).
    func messageNumbers(at ref: RecordRef) -> Range<Int> {
        guard ref.file >= 0, ref.file < index.files.count, ref.record >= 0,
              ref.record < index.files[ref.file].recordCount else { return 0..<0 }
        let p = UInt32(index.position(of: ref))
        var lo = 0, hi = positions.count
        while lo < hi {
            let m = (lo + hi) / 2
            if positions[m] < p { lo = m + 1 } else { hi = m }
        }
        var end = lo
        while end < positions.count, positions[end] == p { end += 1 }
        return lo..<end
    }

    /// The (first) message a record carries.
    public func message(at ref: RecordRef) -> OCPPMessage? {
        messageNumbers(at: ref).first.map(makeMessage)
    }

    /// All messages a record carries.
    public func messages(at ref: RecordRef) -> [OCPPMessage] { messageNumbers(at: ref).map(makeMessage) }

    /// Request ↔ answer.
    public func counterpart(of ref: RecordRef) -> RecordRef? {
        guard let i = messageNumbers(at: ref).first, store.counterpart[i] >= 0 else { return nil }
        return store.entries[Int(store.counterpart[i])].ref
    }

    /// Pipe copy ↔ websocket copy of a proxied message.
    public func hopCopy(of ref: RecordRef) -> RecordRef? {
        guard let i = messageNumbers(at: ref).first, store.hop[i] >= 0 else { return nil }
        return store.entries[Int(store.hop[i])].ref
    }

    // MARK: exchanges

    /// One per request (and per lone answer), ordered by their first message. The proxy's pipe and
    /// websocket hops are separate exchanges (see `OCPPExchange.connection`).
    public var exchanges: OCPPExchangeList { OCPPExchangeList(analysis: self) }

    func makeExchange(_ x: Int) -> OCPPExchange {
        let ex = store.exchanges[x]
        let r = ex.request >= 0 ? Int(ex.request) : nil
        let a = ex.answer >= 0 ? Int(ex.answer) : nil
        let any = r ?? a!
        let e = store.entries[any]
        let result: OCPPExchange.Result
        switch a.flatMap({ store.entries[$0].messageType }) {
        case .callResult?: result = .callResult
        case .callError?: result = .callError
        default: result = .none
        }
        let direction = r.map { store.entries[$0].direction } ?? e.direction.reversed
        return OCPPExchange(number: x, uniqueId: store.id(any), action: store.action(any), direction: direction,
                            connection: store.connections[Int(e.connection)], requestMessage: r, answerMessage: a,
                            request: r.map { store.entries[$0].ref }, answer: a.map { store.entries[$0].ref },
                            requestTime: r.map { store.entries[$0].time }, responseTime: a.map { store.entries[$0].time },
                            result: result, errorCode: a.flatMap { store.errorCode($0) },
                            isSend: r.map { store.entries[$0].messageType == .send } ?? false,
                            timesAreOwn: [r, a].allSatisfy { m in
                                m.map { !index.files[Int(store.entries[$0].file)].index.flags(Int(store.entries[$0].record)).contains(.inferredTime) } ?? true
                            })
    }

    /// The exchange a record's message belongs to.
    public func exchange(containing ref: RecordRef) -> OCPPExchange? {
        guard let i = messageNumbers(at: ref).first, store.exchangeOf[i] >= 0 else { return nil }
        return makeExchange(Int(store.exchangeOf[i]))
    }

    // MARK: transactions

    public func transaction(id: String) -> OCPPTransaction? {
        transactionById[id].map { transactions[$0] }
    }

    /// Transactions of an idTag (2.0.1: idToken).
    public func transactions(idTag: String) -> [OCPPTransaction] {
        transactions.filter { $0.idTag == idTag }
    }

    /// Approximate heap bytes held (messages, links, transactions' samples), for the benchmark.
    public var memoryBytes: Int {
        let n = store.count
        return n * (MemoryLayout<MessageEntry>.stride + 4 * 4)
            + store.exchanges.count * MemoryLayout<ExchangeEntry>.stride
            + transactions.reduce(0) { $0 + $1.samples.count * MemoryLayout<MeterSample>.stride }
    }
}

/// Thread-safe slots for per-file scan results.
final class ScanSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [FileScanResult?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: FileScanResult) { lock.lock(); slots[i] = r; lock.unlock() }
    /// Hands the result over (the slot forgets it, so it is freed with its last user).
    func take(_ i: Int) -> FileScanResult? {
        lock.lock(); defer { lock.unlock() }
        let r = slots[i]
        slots[i] = nil
        return r
    }
}

