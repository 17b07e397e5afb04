import ChargeLogCore

/// The rows the timeline shows: every index position, or those passing a filter. A filter is
/// evaluated incrementally (`advance(budget:)`), so keys stay responsive on millions of records;
/// rows found so far are shown while the rest is scanned.
final class TimelineRows {
    let index: LogIndex
    let filter: ViewFilter
    private let evaluator: FilterEvaluator?
    /// Accepted positions, ascending; nil when nothing is filtered (row == position).
    private(set) var positions: [Int32]?
    /// Index positions examined so far.
    private(set) var scanned: Int

    init(index: LogIndex, filter: ViewFilter, insights: InsightSource) {
        self.index = index
        self.filter = filter
        if filter.isEmpty {
            evaluator = nil
            positions = nil
            scanned = index.count
        } else {
            evaluator = FilterEvaluator(filter: filter, index: index, insights: insights)
            positions = []
            scanned = 0
            // Time bounds need no scan of what lies outside them.
            if let s = filter.since { scanned = index.firstPosition(atOrAfter: s) }
        }
    }

    var count: Int { positions?.count ?? index.count }
    var isComplete: Bool { scanned >= index.count }
    var progress: Double { index.count == 0 ? 1 : Double(scanned) / Double(index.count) }

    func position(ofRow row: Int) -> Int {
        guard let p = positions else { return row }
        return Int(p[row])
    }

    /// The first row whose position is at or after `position` (clamped to the last row), or nil when empty.
    func row(atOrAfter position: Int) -> Int? {
        guard count > 0 else { return nil }
        guard let p = positions else { return min(max(0, position), count - 1) }
        var lo = 0, hi = p.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(p[mid]) < position { lo = mid + 1 } else { hi = mid }
        }
        return min(lo, p.count - 1)
    }

    /// The row showing exactly `position`, if it passes the filter (and has been scanned).
    func row(of position: Int) -> Int? {
        guard let r = row(atOrAfter: position), self.position(ofRow: r) == position else { return nil }
        return r
    }

    /// Examines up to `budget` more positions.
    func advance(budget: Int) {
        guard let ev = evaluator, !isComplete else { return }
        let end = min(index.count, scanned + max(1, budget))
        var found: [Int32] = []
        if let u = filter.until, scanned < index.count, index.time(at: scanned) >= u {
            // Past the window (the timeline is time-ordered apart from flagged stragglers).
            scanned = index.count
            return
        }
        for p in scanned..<end where ev.accepts(position: p) { found.append(Int32(p)) }
        positions?.append(contentsOf: found)
        scanned = end
    }
}
