/// Pairs the proxy's two copies of each message: the pipe copy (charger side) and the websocket copy
/// (CPO side) carry different ids, so they are matched by type, action and payload (formatting and
/// key order ignored; a `connectorId` the proxy adds on one side ignored) within a few seconds,
/// oldest first. Answers follow their calls: when two calls are copies, so are their answers.
enum HopMatcher {
    /// Copies further apart than this are not paired.
    static let window: Int64 = 10_000

    struct Candidate {
        var index: Int
        var time: Int64
    }

    static func run(_ store: inout MessageStore, fingerprints: [Fingerprints]) {
        // Connections by log: the pipe and the websocket of each proxy log.
        var pipeOf: [String: UInt16] = [:], wsOf: [String: UInt16] = [:]
        for (n, c) in store.connections.enumerated() {
            if c.channel == .pipe { pipeOf[c.log] = UInt16(n) }
            if c.channel == .websocket { wsOf[c.log] = UInt16(n) }
        }
        var pairOf: [UInt16: UInt16] = [:]
        for (log, p) in pipeOf { if let w = wsOf[log] { pairOf[p] = w; pairOf[w] = p } }
        guard !pairOf.isEmpty else { return }

        // Unmatched requests (and orphan answers) per connection, oldest first.
        var waiting: [UInt16: [Candidate]] = [:]
        for i in 0..<store.count {
            let e = store.entries[i]
            guard let other = pairOf[e.connection], let type = e.messageType else { continue }
            let isOrphanAnswer = type.isAnswer && store.counterpart[i] < 0
            guard type.isRequest || isOrphanAnswer else { continue }
            var list = waiting[other] ?? []
            list.removeAll { e.time - $0.time > window }
            if let k = list.firstIndex(where: { matches(store, fingerprints, $0.index, i) }) {
                let j = list[k].index
                list.remove(at: k)
                link(&store, i, j)
            } else {
                waiting[e.connection, default: []].append(Candidate(index: i, time: e.time))
            }
            waiting[other] = list
        }
        // Answers of paired calls are paired.
        for i in 0..<store.count where store.hop[i] >= 0 && i < Int(store.hop[i]) {
            let j = Int(store.hop[i])
            let a = store.counterpart[i], b = store.counterpart[j]
            if a >= 0, b >= 0, store.hop[Int(a)] < 0, store.hop[Int(b)] < 0,
               store.entries[Int(a)].messageType?.isAnswer == true {
                link(&store, Int(a), Int(b))
            }
        }
        // The websocket copy is the one counted; a pipe message without a copy counts too.
        for i in 0..<store.count where store.entries[i].channel == .pipe && store.hop[i] >= 0 {
            store.entries[i].flags.remove(.primary)
        }
    }

    static func link(_ store: inout MessageStore, _ a: Int, _ b: Int) {
        store.hop[a] = Int32(b)
        store.hop[b] = Int32(a)
    }

    static func matches(_ store: MessageStore, _ fp: [Fingerprints], _ a: Int, _ b: Int) -> Bool {
        let x = store.entries[a], y = store.entries[b]
        guard !x.flags.contains(.broken), !y.flags.contains(.broken), x.type == y.type, x.action == y.action || x.action == 0 || y.action == 0 else { return false }
        if fp[a].full == fp[b].full { return true }
        // One side has a connectorId the other lacks.
        return x.flags.contains(.hasConnectorId) != y.flags.contains(.hasConnectorId) && fp[a].reduced == fp[b].reduced
    }
}
