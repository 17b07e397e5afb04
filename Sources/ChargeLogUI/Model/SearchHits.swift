import ChargeLogCore

/// The positions whose raw text matches the current search, found once over the file bytes on all
/// cores (`RecordSearch`) instead of row by row; `n` and `N` then look them up. Kept while the index
/// and the pattern are the same (a followed bundle that grew gets a new index, so a new set).
struct SearchHits {
    let index: ObjectIdentifier
    let source: String
    let caseInsensitive: Bool
    /// Matching positions, ascending.
    let positions: [Int]

    init(index: LogIndex, pattern: TextPattern) {
        self.index = ObjectIdentifier(index)
        source = pattern.source
        caseInsensitive = pattern.caseInsensitive
        positions = RecordSearch.matchingPositions(index, pattern)
    }

    func fits(_ index: LogIndex, _ pattern: TextPattern) -> Bool {
        self.index == ObjectIdentifier(index) && source == pattern.source && caseInsensitive == pattern.caseInsensitive
    }

    func contains(_ p: Int) -> Bool {
        var lo = 0, hi = positions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if positions[mid] < p { lo = mid + 1 } else { hi = mid }
        }
        return lo < positions.count && positions[lo] == p
    }
}
