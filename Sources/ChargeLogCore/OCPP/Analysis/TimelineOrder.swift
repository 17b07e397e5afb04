/// Puts the merged messages into timeline order (the position of their record in the merged index,
/// then their order within the record) and renumbers every link accordingly.
enum TimelineOrder {
    static func apply(_ store: inout MessageStore, facts: inout FactTable, index: LogIndex) -> [UInt32] {
        let n = store.count
        let keys = sortKeys(store, index: index)
        // Stable: equal keys keep bundle order. Message numbers are Int32 throughout the analysis.
        let order = (0..<Int32(n)).sorted { (a: Int32, b: Int32) -> Bool in
            let ka = keys[Int(a)], kb = keys[Int(b)]
            return ka != kb ? ka < kb : a < b
        }
        var newIndex = [Int32](repeating: 0, count: n)
        for (new, old) in order.enumerated() { newIndex[Int(old)] = Int32(new) }
        func map(_ x: Int32) -> Int32 { x < 0 ? x : newIndex[Int(x)] }

        permute(&store.entries, order)
        store.counterpart = order.map { map(store.counterpart[Int($0)]) }
        store.hop = order.map { map(store.hop[Int($0)]) }
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
        return order.map { UInt32(keys[Int($0)] >> 8) }
    }

    /// Each message's timeline position (of its record) above its order within the record. The
    /// positions of the records of files holding messages come from one walk over the merged order;
    /// that table (four bytes per record) is gone when this returns.
    static func sortKeys(_ store: MessageStore, index: LogIndex) -> [UInt64] {
        var positionOf = [[UInt32]](repeating: [], count: index.files.count)
        for e in store.entries where positionOf[Int(e.file)].isEmpty {
            positionOf[Int(e.file)] = [UInt32](repeating: 0, count: index.files[Int(e.file)].recordCount)
        }
        if store.count > 0 {
            index.forEach { p, r in
                if !positionOf[r.file].isEmpty { positionOf[r.file][r.record] = UInt32(p) }
            }
        }
        return store.entries.map { e in UInt64(positionOf[Int(e.file)][Int(e.record)]) << 8 | UInt64(e.ordinal) }
    }

    /// `items[new] = items[order[new]]`, in place (cycle by cycle), without a second copy.
    static func permute<T>(_ items: inout [T], _ order: [Int32]) {
        var done = [Bool](repeating: false, count: items.count)
        for start in items.indices where !done[start] {
            let saved = items[start]
            var to = start
            while true {
                done[to] = true
                let from = Int(order[to])
                if from == start { items[to] = saved; break }
                items[to] = items[from]
                to = from
            }
        }
    }

    static func first(_ e: ExchangeEntry) -> Int32 { e.request >= 0 ? e.request : e.answer }
}
