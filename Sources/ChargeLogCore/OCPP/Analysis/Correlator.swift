/// Pairs requests with answers by unique id within each connection, in log order: the first open
/// call with an id takes the next answer with that id (FIFO, so a reused id still pairs in order).
/// Flags answers without a call, duplicate answers, ids reused while open, and calls never answered.
/// Also settles each message's direction.
enum Correlator {
    /// Maximum wait counted as latency; a later answer with the same id is still paired.
    static func run(_ store: inout MessageStore) {
        var open: [UInt16: [CompactId: [Int]]] = [:]
        var answered = RecentAnswers()
        for i in 0..<store.count {
            let e = store.entries[i]
            guard let type = e.messageType else { continue }
            let conn = e.connection
            switch type {
            case .call, .send:
                store.entries[i].direction = requestDirection(store, i)
                if type == .call {
                    if let q = open[conn]?[e.id], let earlier = q.first, !(e.channel == .pipe && store.id(i) == "1") {
                        store.addIssue(OCPPIssue(.warning, .reusedId,
                            "unique id \(store.id(i)) reused while the call at \(CivilTime.clock(store.entries[earlier].time)) is still open"), to: i)
                    }
                    open[conn, default: [:]][e.id, default: []].append(i)
                }
                store.exchangeOf[i] = Int32(store.exchanges.count)
                store.exchanges.append(ExchangeEntry(request: Int32(i), answer: -1))
            case .callResult, .callError:
                if var q = open[conn]?[e.id], !q.isEmpty {
                    let call = q.removeFirst()
                    open[conn]![e.id] = q.isEmpty ? nil : q
                    answered.note(conn, e.id, call: call)
                    store.counterpart[i] = Int32(call)
                    store.counterpart[call] = Int32(i)
                    let x = store.exchangeOf[call]
                    store.exchanges[Int(x)].answer = Int32(i)
                    store.exchangeOf[i] = x
                    if store.entries[i].action == 0 { store.entries[i].action = store.entries[call].action }
                    if e.channel != .pipe && e.channel != .websocket && store.entries[call].direction == .unknown {
                        // A bidirectional action in a bare log: the answer's label tells.
                        store.entries[call].direction = e.hint.direction.reversed
                    }
                    store.entries[i].direction = e.channel == .pipe || e.channel == .websocket
                        ? e.hint.direction : store.entries[call].direction.reversed
                    if e.channel == .pipe, e.action != 0, e.action != store.entries[call].action {
                        store.addIssue(OCPPIssue(.warning, .answerWithoutCall,
                            "answer named \(store.action(i) ?? "?") for a \(store.action(call) ?? "?") call"), to: i)
                    }
                } else {
                    store.entries[i].direction = e.hint.direction
                    if let prev = answered.call(conn, e.id) {
                        store.addIssue(OCPPIssue(.warning, .answerWithoutCall,
                            "second answer to the \(store.action(prev) ?? "") call at \(CivilTime.clock(store.entries[prev].time)) (unique id \(store.id(i)))"), to: i)
                    } else {
                        store.addIssue(OCPPIssue(.warning, .answerWithoutCall,
                            "answer without a call (unique id \(store.id(i)) is not open on this connection)"), to: i)
                    }
                    store.exchangeOf[i] = Int32(store.exchanges.count)
                    store.exchanges.append(ExchangeEntry(request: -1, answer: Int32(i)))
                }
            case .callResultError:
                store.entries[i].direction = e.hint.direction
            }
        }
        for (_, byId) in open {
            for (_, calls) in byId {
                for c in calls {
                    store.addIssue(OCPPIssue(.warning, .unanswered, "no answer in the log"), to: c)
                }
            }
        }
    }

    /// A CALL's sender: the proxy knows it; bare logs go by the action table, then by the label.
    static func requestDirection(_ store: MessageStore, _ i: Int) -> OCPPDirection {
        let e = store.entries[i]
        if e.channel == .pipe || e.channel == .websocket { return e.hint.direction }
        if let a = store.action(i), let d = OCPPSchema.direction(of: a)?.callDirection { return d }
        return e.hint.direction
    }
}

/// The calls answered most recently, by connection and id, to tell a second answer from an answer
/// without any call. Bounded: only the last `capacity` answers are remembered.
struct RecentAnswers {
    static let capacity = 4096
    private var ring: [(conn: UInt16, id: CompactId, call: Int)] = []
    private var next = 0
    private var map: [UInt16: [CompactId: Int]] = [:]

    mutating func note(_ conn: UInt16, _ id: CompactId, call: Int) {
        if ring.count < Self.capacity {
            ring.append((conn, id, call))
        } else {
            let old = ring[next]
            // Forget it unless the same id was answered again since.
            if map[old.conn]?[old.id] == old.call { map[old.conn]?[old.id] = nil }
            ring[next] = (conn, id, call)
            next = (next + 1) % Self.capacity
        }
        map[conn, default: [:]][id] = call
    }

    func call(_ conn: UInt16, _ id: CompactId) -> Int? { map[conn]?[id] }
}
