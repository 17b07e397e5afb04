/// The simulation's agenda: actions by time, ties in scheduling order.
struct EventQueue<Context> {
    struct Event {
        var time: Int64
        var seq: Int
        var action: (Context) -> Void
    }

    private var heap: [Event] = []
    private var seq = 0

    var isEmpty: Bool { heap.isEmpty }

    mutating func schedule(_ time: Int64, _ action: @escaping (Context) -> Void) {
        heap.append(Event(time: time, seq: seq, action: action))
        seq += 1
        var i = heap.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard Self.less(heap[i], heap[p]) else { break }
            heap.swapAt(i, p)
            i = p
        }
    }

    private static func less(_ a: Event, _ b: Event) -> Bool { a.time != b.time ? a.time < b.time : a.seq < b.seq }

    mutating func pop() -> Event? {
        guard !heap.isEmpty else { return nil }
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, Self.less(heap[l], heap[m]) { m = l }
                if r < heap.count, Self.less(heap[r], heap[m]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
        return top
    }

    /// Moves every pending event by `delta` (the charger's clock jumped).
    mutating func shiftAll(by delta: Int64) {
        for i in heap.indices { heap[i].time += delta }
    }
}
