/// Pairs requests with answers within each connection, in log order, by OCPP-J's rule
/// (`ExchangePairing`: FIFO per unique id, CALLERRORs included, reused ids in order, bounded).
/// Flags answers without a call, duplicate answers, ids reused while open, and calls never answered.
/// Also settles each message's direction.
enum Correlator {
    static func run(_ store: inout MessageStore) {
        var pairing = ExchangePairing<UInt16, CompactId, Int>()
        for i in 0..<store.count {
            let e = store.entries[i]
            guard let type = e.messageType else { continue }
            let conn = e.connection
            let role = type.pairingRole
            switch role {
            case _ where type.isRequest:
                store.entries[i].direction = requestDirection(store, i)
                if role == .opens {
                    let (earlier, givenUp) = pairing.open(i, id: e.id, on: conn)
                    if let earlier, !(e.channel == .pipe && store.id(i) == "1") {
                        store.addIssue(OCPPIssue(.warning, .reusedId,
                            "unique id \(store.id(i)) reused while the call at \(CivilTime.clock(store.entries[earlier].time)) is still open"), to: i)
                    }
                    for c in givenUp { store.addIssue(unanswered, to: c) }
                }
                store.exchangeOf[i] = Int32(store.exchanges.count)
                store.exchanges.append(ExchangeEntry(request: Int32(i), answer: -1))
            case .answers:
                switch pairing.answer(id: e.id, on: conn) {
                case .call(let call):
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
                case .again(let prev):
                    store.entries[i].direction = e.hint.direction
                    store.addIssue(OCPPIssue(.warning, .answerWithoutCall,
                        "second answer to the \(store.action(prev) ?? "") call at \(CivilTime.clock(store.entries[prev].time)) (unique id \(store.id(i)))"), to: i)
                    appendOrphan(&store, i)
                case .none:
                    store.entries[i].direction = e.hint.direction
                    store.addIssue(OCPPIssue(.warning, .answerWithoutCall,
                        "answer without a call (unique id \(store.id(i)) is not open on this connection)"), to: i)
                    appendOrphan(&store, i)
                }
            case .none, .opens:
                store.entries[i].direction = e.hint.direction
            }
        }
        for c in pairing.unanswered { store.addIssue(unanswered, to: c) }
    }

    static let unanswered = OCPPIssue(.warning, .unanswered, "no answer in the log")

    static func appendOrphan(_ store: inout MessageStore, _ i: Int) {
        store.exchangeOf[i] = Int32(store.exchanges.count)
        store.exchanges.append(ExchangeEntry(request: -1, answer: Int32(i)))
    }

    /// A CALL's sender: the proxy knows it; bare logs go by the action table, then by the label.
    static func requestDirection(_ store: MessageStore, _ i: Int) -> OCPPDirection {
        let e = store.entries[i]
        if e.channel == .pipe || e.channel == .websocket { return e.hint.direction }
        if let a = store.action(i), let d = OCPPSchema.direction(of: a)?.callDirection { return d }
        return e.hint.direction
    }
}
