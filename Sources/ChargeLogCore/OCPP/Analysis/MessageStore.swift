/// All messages of a bundle in compact form, with the tables that give back their names and ids,
/// and the links the correlation found. Arrays are indexed by message number.
struct MessageStore: Sendable {
    var entries: [MessageEntry] = []
    var idStrings: [String] = []
    var names = NameTable()
    var connections: [OCPPConnection] = []
    var issues: [Int32: [OCPPIssue]] = [:]
    /// Request ↔ answer (-1: none).
    var counterpart: [Int32] = []
    /// Pipe copy ↔ websocket copy (-1: none).
    var hop: [Int32] = []
    /// The exchange a message belongs to (-1: none).
    var exchangeOf: [Int32] = []
    var exchanges: [ExchangeEntry] = []

    var count: Int { entries.count }

    func id(_ i: Int) -> String { entries[i].id.string(pool: idStrings) }
    func action(_ i: Int) -> String? { names.name(entries[i].action) }
    func errorCode(_ i: Int) -> String? { names.name(entries[i].errorCode) }

    mutating func addIssue(_ issue: OCPPIssue, to i: Int) {
        issues[Int32(i), default: []].append(issue)
        entries[i].flags.insert(.hasIssues)
    }

    /// Bytes of merged range results between two returns of freed memory to the system.
    static let releaseBytes = 4 << 20

    /// Joins per-file results (in file order): names and pooled ids renumbered into shared tables,
    /// each message given its connection. Returns the store plus the facts and fingerprints, which
    /// are only needed while building, and the plain-text finds (events, codes, subprotocol mentions).
    /// Each result is released as soon as it is copied, to keep the peak low.
    static func merge(_ results: inout [(file: Int, result: FileScanResult)], files: [IndexedFile])
        -> (MessageStore, FactTable, [Fingerprints], [MainProcessEvent], [CodeEvent], [SubprotocolMention]) {
        var store = MessageStore()
        var pool = IdPool()
        var facts = FactTable()
        var prints: [Fingerprints] = []
        var main: [MainProcessEvent] = []
        var codes: [CodeEvent] = []
        var mentions: [SubprotocolMention] = []
        var connectionIndex: [OCPPConnection: UInt16] = [:]
        let total = results.reduce(0) { $0 + $1.result.entries.count }
        store.entries.reserveCapacity(total)
        prints.reserveCapacity(total)
        // Each range's arrays were made on a scan thread, whose heap the store does not reuse: what they
        // held goes back to the system as it adds up, so the scan's results and the store are not all held at once.
        var released = 0
        for k in results.indices {
            let fileNumber = results[k].file
            var r = results[k].result
            results[k].result = FileScanResult()
            defer {
                released += r.entries.count * (MemoryLayout<MessageEntry>.stride + MemoryLayout<Fingerprints>.stride)
                r = FileScanResult()
                if released >= Self.releaseBytes {
                    OCPPAnalysis.releaseFreedMemory()
                    released = 0
                }
            }
            let base = Int32(store.entries.count)
            let nameMap = r.names.names.map { store.names.number($0) }
            let family = OCPPConnection.family(of: files[fileNumber].displayPath)
            var local: [OCPPChannel: UInt16] = [:]
            // Message numbers are Int32 throughout the analysis.
            guard store.entries.count + r.entries.count < Int(Int32.max) else { break }
            for var e in r.entries {
                e.action = nameMap[Int(e.action)]
                e.errorCode = nameMap[Int(e.errorCode)]
                if e.id.kind == CompactId.pooled { e.id = pool.id(r.ids.strings[Int(e.id.a)]) }
                if let c = local[e.channel] {
                    e.connection = c
                } else {
                    let conn = OCPPConnection(channel: e.channel, log: family)
                    // Connections are numbered in two bytes; past 65,535 the last number is shared
                    // (pairing by unique id then spans those logs; no real bundle gets near it).
                    let c = connectionIndex[conn] ?? {
                        guard store.connections.count < Int(UInt16.max) else { return UInt16.max - 1 }
                        let n = UInt16(store.connections.count)
                        store.connections.append(conn)
                        connectionIndex[conn] = n
                        return n
                    }()
                    local[e.channel] = c
                    e.connection = c
                }
                store.entries.append(e)
            }
            for (k, v) in r.issues { store.issues[base + k] = v }
            for i in 0..<r.facts.count { facts.append(base + r.facts.keys[i], r.facts.values[i]) }
            prints += r.fingerprints
            main += r.mainEvents
            codes += r.codeEvents
            mentions += r.mentions
        }
        store.idStrings = pool.strings
        store.counterpart = Array(repeating: -1, count: store.entries.count)
        store.hop = Array(repeating: -1, count: store.entries.count)
        store.exchangeOf = Array(repeating: -1, count: store.entries.count)
        return (store, facts, prints, main, codes, mentions)
    }
}

/// One exchange: a request and its answer by message number (-1: none).
struct ExchangeEntry: Sendable {
    var request: Int32
    var answer: Int32
}
