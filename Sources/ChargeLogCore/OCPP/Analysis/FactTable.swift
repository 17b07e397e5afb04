/// Message facts by message number: two parallel arrays sorted by number, much smaller than a
/// dictionary, renumbered in place when the messages are reordered.
struct FactTable: Sendable {
    private(set) var keys: [Int32] = []
    private(set) var values: [MessageFacts] = []

    var count: Int { keys.count }

    /// Appends a fact; numbers must come in ascending order.
    mutating func append(_ key: Int32, _ value: MessageFacts) {
        keys.append(key)
        values.append(value)
    }

    subscript(key: Int32) -> MessageFacts? {
        var a = 0, b = keys.count
        while a < b {
            let m = (a + b) / 2
            if keys[m] < key { a = m + 1 } else { b = m }
        }
        return a < keys.count && keys[a] == key ? values[a] : nil
    }

    /// Replaces the fact at position `k` (not a message number) with `.handedOver`, releasing what it held.
    mutating func handOver(at k: Int) { values[k] = .handedOver }

    /// Gives every fact its message's new number and sorts again.
    mutating func renumber(_ newIndex: [Int32]) {
        for k in keys.indices { keys[k] = newIndex[Int(keys[k])] }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        keys = order.map { keys[$0] }
        values = order.map { values[$0] }
    }

    /// Adds facts in any order.
    mutating func insert(_ more: [(Int32, MessageFacts)]) {
        guard !more.isEmpty else { return }
        let k = keys + more.map(\.0)
        let v = values + more.map(\.1)
        let order = k.indices.sorted { k[$0] < k[$1] }
        keys = order.map { k[$0] }
        values = order.map { v[$0] }
    }
}
