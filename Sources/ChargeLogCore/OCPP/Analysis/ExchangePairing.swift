/// OCPP-J's rule for which CALL an answer belongs to, the one place it is written down. The engine
/// (`Correlator`), the per-file schema check (`FileScan`), the viewer's first screen (`PlainInsights`)
/// and its filters (`FilterEvaluator`) all pair through it, so they cannot disagree.
///
/// The rule (OCPP-J 1.6 §4.1.1 and §4.2, 2.0.1 part 4 §4.1–4.2): an answer's unique id is that of the
/// CALL it answers, a CALLERROR answers a CALL just as a CALLRESULT does, and a peer handles the
/// messages of one connection in the order they arrive. So the first CALL still open with an id on a
/// connection takes the next CALLRESULT or CALLERROR with that id (FIFO): with `StatusNotification(7)`,
/// `Heartbeat(7)`, `CALLERROR(7)`, `CALLRESULT(7)` the error answers the StatusNotification and the
/// result the Heartbeat. SEND (2.1) opens nothing and CALLRESULTERROR answers no call.
///
/// The Open OCPP Trace specification defines its consumer view with the most recent open call instead
/// (`OCPPTraceView`): `Order.latestFirst`.
///
/// Memory is bounded: at most `capacity` calls stay open (past it the oldest is given up, returned by
/// `open` so the caller can call it unanswered) and only the last `recentCapacity` answered calls are
/// remembered to tell a second answer from an answer without a call.
public struct ExchangePairing<Connection: Hashable, Id: Hashable, Call> {
    /// What an answer met.
    public enum Answer {
        /// The open call it answers.
        case call(Call)
        /// No call is open with its id, but this call was answered by an earlier message with the id.
        case again(Call)
        /// No call with its id is open or was answered lately.
        case none

        public var call: Call? {
            if case .call(let c) = self { return c }
            return nil
        }
    }

    /// Which open call with the id an answer takes.
    public enum Order: Sendable {
        /// The oldest (OCPP-J: a peer answers in arrival order).
        case oldestFirst
        /// The most recent (the Open OCPP Trace specification's view).
        case latestFirst
    }

    public static var defaultCapacity: Int { 100_000 }
    public static var defaultRecentCapacity: Int { 4096 }

    public let capacity: Int
    public let recentCapacity: Int
    public let order: Order

    struct Key: Hashable {
        var connection: Connection
        var id: Id
    }

    /// The calls open under one key, oldest first: the oldest kept inline (a key seldom has a second,
    /// so opening and answering allocate nothing).
    struct Queue {
        var first: (serial: Int, call: Call)
        var more: [(serial: Int, call: Call)] = []

        var all: [(serial: Int, call: Call)] { [first] + more }
    }

    /// Open calls by connection and id, oldest first, each with its opening number.
    private var open: [Key: Queue] = [:]
    /// Opening order, to give up the oldest call past `capacity` (answered ones are skipped lazily).
    private var opened: [(key: Key, serial: Int)] = []
    private var openedStart = 0
    private var serial = 0
    public private(set) var openCount = 0
    /// The calls answered last: a ring of keys and the latest answered call per key.
    private var recentRing: [(key: Key, serial: Int)] = []
    private var recentNext = 0
    private var recent: [Key: (serial: Int, call: Call)] = [:]

    public init(order: Order = .oldestFirst, capacity: Int = Self.defaultCapacity, recentCapacity: Int = Self.defaultRecentCapacity) {
        self.order = order
        self.capacity = max(1, capacity)
        self.recentCapacity = max(1, recentCapacity)
    }

    /// Opens `call`. Returns the call already open with the same id on the connection (its id is
    /// reused while open), and the calls given up to stay within `capacity`, oldest first.
    @discardableResult
    public mutating func open(_ call: Call, id: Id, on connection: Connection) -> (reusing: Call?, givenUp: [Call]) {
        let key = Key(connection: connection, id: id)
        serial += 1
        var reusing: Call? = nil
        // One lookup: a new key's queue starts with this call; an older queue gets it appended.
        let this = serial
        Self.update(&open[key, default: Queue(first: (this, call))]) { q in
            if q.first.serial != this {
                reusing = q.first.call
                q.more.append((this, call))
            }
        }
        opened.append((key, serial))
        openCount += 1
        var givenUp: [Call] = []
        while openCount > capacity, openedStart < opened.count {
            let (k, s) = opened[openedStart]
            openedStart += 1
            // Still open only if it is the oldest of its key (a key's queue stays sorted by opening).
            guard let at = open.index(forKey: k), open.values[at].first.serial == s else { continue }
            openCount -= 1
            givenUp.append(takeOldest(at: at).call)
        }
        compactOpened()
        return (reusing, givenUp)
    }

    /// Pairs an answer with `id` on `connection`.
    public mutating func answer(id: Id, on connection: Connection) -> Answer {
        let key = Key(connection: connection, id: id)
        guard let at = open.index(forKey: key) else {
            return recent[key].map { .again($0.call) } ?? .none
        }
        let taken: (serial: Int, call: Call)
        if order == .latestFirst, let last = open.values[at].more.popLast() {
            taken = last
        } else {
            taken = takeOldest(at: at)
        }
        openCount -= 1
        remember(key, taken)
        return .call(taken.call)
    }

    /// The calls still open, in the order they were opened.
    public var unanswered: [Call] {
        open.values.flatMap(\.all).sorted { $0.serial < $1.serial }.map(\.call)
    }

    @inline(__always)
    private static func update(_ q: inout Queue, _ body: (inout Queue) -> Void) { body(&q) }

    /// Takes the oldest call of the queue at `at` (the key goes when it was the last).
    private mutating func takeOldest(at: Dictionary<Key, Queue>.Index) -> (serial: Int, call: Call) {
        let oldest = open.values[at].first
        if open.values[at].more.isEmpty {
            open.remove(at: at)
        } else {
            open.values[at].first = open.values[at].more.removeFirst()
        }
        return oldest
    }

    private mutating func remember(_ key: Key, _ entry: (serial: Int, call: Call)) {
        if recentRing.count < recentCapacity {
            recentRing.append((key, entry.serial))
        } else {
            let old = recentRing[recentNext]
            // Forget it unless the same id was answered again since.
            if let at = recent.index(forKey: old.key), recent.values[at].serial == old.serial { recent.remove(at: at) }
            recentRing[recentNext] = (key, entry.serial)
            recentNext = (recentNext + 1) % recentCapacity
        }
        recent[key] = entry
    }

    /// Drops the given-up head of `opened` and, when most of it is stale, rebuilds it from the open calls.
    private mutating func compactOpened() {
        let kept = opened.count - openedStart
        guard kept > 1024, kept > 2 * openCount + 1024 else {
            if openedStart > 1024, openedStart * 2 > opened.count {
                opened.removeFirst(openedStart)
                openedStart = 0
            }
            return
        }
        opened = open.flatMap { k, q in q.all.map { (key: k, serial: $0.serial) } }.sorted { $0.serial < $1.serial }
        openedStart = 0
    }
}

/// What a message does to the open calls of its connection (`OCPPMessageType.pairingRole`).
public enum PairingRole: Sendable, Equatable {
    case opens, answers, none
}

extension OCPPMessageType {
    /// A CALL opens; a CALLRESULT or CALLERROR answers; SEND and CALLRESULTERROR do neither.
    public var pairingRole: PairingRole {
        switch self {
        case .call: .opens
        case .callResult, .callError: .answers
        case .send, .callResultError: .none
        }
    }
}

extension ExchangePairing: Sendable where Connection: Sendable, Id: Sendable, Call: Sendable {}
extension ExchangePairing.Answer: Sendable where Call: Sendable {}
extension ExchangePairing.Key: Sendable where Connection: Sendable, Id: Sendable {}
extension ExchangePairing.Queue: Sendable where Call: Sendable {}
