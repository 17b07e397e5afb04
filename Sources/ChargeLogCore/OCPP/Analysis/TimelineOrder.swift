/// Puts the merged messages into timeline order (the position of their record in the merged index,
/// then their order within the record) and renumbers every link accordingly.
enum TimelineOrder {
    static func apply(_ store: inout MessageStore, facts: inout FactTable, index: LogIndex) -> [UInt32] {
        let n = store.count
        // Positions of the records of files holding messages, in one walk over the merged order.
        var positionOf = [[UInt32]](repeating: [], count: index.files.count)
        for e in store.entries where positionOf[Int(e.file)].isEmpty {
            positionOf[Int(e.file)] = [UInt32](repeating: 0, count: index.files[Int(e.file)].recordCount)
        }
        if n > 0 {
            index.forEach { p, r in
                if !positionOf[r.file].isEmpty { positionOf[r.file][r.record] = UInt32(p) }
            }
        }
        var keys = [UInt64](repeating: 0, count: n)
        for i in 0..<n {
            let e = store.entries[i]
            let p = UInt64(positionOf[Int(e.file)][Int(e.record)])
            keys[i] = p << 8 | UInt64(e.ordinal)
        }
        // Stable: equal keys keep bundle order.
        let order = (0..<n).sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        var newIndex = [Int32](repeating: 0, count: n)
        for (new, old) in order.enumerated() { newIndex[old] = Int32(new) }
        func map(_ x: Int32) -> Int32 { x < 0 ? x : newIndex[Int(x)] }

        permute(&store.entries, order)
        store.counterpart = order.map { map(store.counterpart[$0]) }
        store.hop = order.map { map(store.hop[$0]) }
        var issues: [Int32: [OCPPIssue]] = [:]
        for (k, v) in store.issues { issues[newIndex[Int(k)]] = v }
        store.issues = issues
        facts.renumber(newIndex)

        var exchanges = store.exchanges.map { ExchangeEntry(request: map($0.request), answer: map($0.answer)) }
        exchanges.sort { first($0) < first($1) }
        store.exchanges = exchanges
        store.exchangeOf = [Int32](repeating: -1, count: n)
        for (x, ex) in exchanges.enumerated() {
            if ex.request >= 0 { store.exchangeOf[Int(ex.request)] = Int32(x) }
            if ex.answer >= 0 { store.exchangeOf[Int(ex.answer)] = Int32(x) }
        }
        return order.map { UInt32(keys[$0] >> 8) }
    }

    /// `items[new] = items[order[new]]`, in place (cycle by cycle), without a second copy.
    static func permute<T>(_ items: inout [T], _ order: [Int]) {
        var done = [Bool](repeating: false, count: items.count)
        for start in items.indices where !done[start] {
            let saved = items[start]
            var to = start
            while true {
                done[to] = true
                let from = order[to]
                if from == start { items[to] = saved; break }
                items[to] = items[from]
                to = from
            }
        }
    }

    static func first(_ e: ExchangeEntry) -> Int32 { e.request >= 0 ? e.request : e.answer }
}
