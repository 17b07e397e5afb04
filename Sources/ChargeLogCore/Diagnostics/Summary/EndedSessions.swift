/// The sessions that ended (have a stop record), grouped by idTag and by connector and sorted by
/// their end on either clock, so "did a session of this tag (or connector) end within a window
/// before this time" is a binary search instead of a pass over every transaction.
struct EndedSessions {
    /// One ended session: its number in the analysis and its end on the list's clock.
    struct Ended {
        var number: Int
        var end: Int64
    }

    /// `payload`: ends by payload timestamp (the stop's log time when it has none); `log`: by log time.
    enum Clock { case payload, log }

    /// Whose sessions a list holds, and on which clock they are sorted.
    private struct Key: Hashable {
        enum Who: Hashable { case tag(String), connector(Int?) }
        var who: Who
        var clock: Clock
    }

    private var lists: [Key: [Ended]] = [:]

    init(_ txs: [OCPPTransaction], logTime: (RecordRef) -> Int64) {
        for (k, p) in txs.enumerated() {
            guard let stopRef = p.stopRef else { continue }
            let log = logTime(stopRef)
            var whos: [Key.Who] = [.connector(p.connector)]
            if let tag = p.idTag { whos.append(.tag(tag)) }
            for who in whos {
                lists[Key(who: who, clock: .payload), default: []].append(Ended(number: k, end: p.stop ?? log))
                lists[Key(who: who, clock: .log), default: []].append(Ended(number: k, end: log))
            }
        }
        for key in lists.keys { lists[key]!.sort { $0.end < $1.end } }
    }

    /// Whether `accept` holds for a session of `tag` (without one: of `connector`) that ended in
    /// `window` on `clock`.
    func any(tag: String?, connector: Int?, clock: Clock, in window: ClosedRange<Int64>, _ accept: (Int) -> Bool) -> Bool {
        let list = lists[Key(who: tag.map { .tag($0) } ?? .connector(connector), clock: clock)] ?? []
        return SortedByTime.range(list, from: window.lowerBound, to: window.upperBound, time: \.end)
            .contains { accept(list[$0].number) }
    }
}
