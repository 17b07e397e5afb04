import HeapModule

/// The simulation's agenda: actions by time, ties in scheduling order.
struct EventQueue<Context> {
    struct Event: Comparable {
        var time: Int64
        var seq: Int
        var action: (Context) -> Void

        static func < (a: Event, b: Event) -> Bool { (a.time, a.seq) < (b.time, b.seq) }
        static func == (a: Event, b: Event) -> Bool { a.time == b.time && a.seq == b.seq }
    }

    private var heap = Heap<Event>()
    private var seq = 0

    var isEmpty: Bool { heap.isEmpty }

    mutating func schedule(_ time: Int64, _ action: @escaping (Context) -> Void) {
        heap.insert(Event(time: time, seq: seq, action: action))
        seq += 1
    }

    mutating func pop() -> Event? { heap.popMin() }

    /// Moves every pending event by `delta` (the charger's clock jumped); their order stays.
    mutating func shiftAll(by delta: Int64) {
        heap = Heap(heap.unordered.map { e in
            var e = e
            e.time += delta
            return e
        })
    }
}
