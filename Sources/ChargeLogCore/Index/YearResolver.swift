/// Decides the year of year-less files (MainProcess, CCU, fault, update) from the bundle itself.
///
/// Order of evidence: `--year`; the file's own session headers; overlap with the full-dated streams
/// of the bundle (the proxy log), including files already anchored by headers; the file's or archive
/// entry's modification time (the last line cannot be later); otherwise the current year.
/// A file's times sit in the provisional year 2000 (plus New-Year rollovers counted while scanning);
/// the decision is a year delta applied per segment between header anchors.
struct YearResolver {
    struct Decision {
        /// (first record, year delta) segments, sorted; the first applies to records before it too.
        var segments: [(record: Int, delta: Int)]
        var source: YearSource
    }

    var userYear: Int?
    var currentYear: Int

    /// Span of the full-dated evidence: min and max time over dated files.
    func decide(scan: ScanOutput, file: InputFile, dated: [ClosedRange<Int64>]) -> Decision {
        if let y = userYear, CivilTime.years.contains(y) {
            return Decision(segments: [(0, y - YearlessStamp.provisionalYear)], source: .userOverride)
        }
        if !scan.anchors.isEmpty {
            return Decision(segments: scan.anchors, source: .headers)
        }
        guard let range = Self.range(scan.index.times) else {
            return Decision(segments: [(0, currentYear - YearlessStamp.provisionalYear)], source: .assumed)
        }
        if !dated.isEmpty {
            return Decision(segments: [(0, Self.bestOverlap(range, dated))], source: .bundle)
        }
        if let m = file.modificationTime {
            // Largest year whose last record is not after the modification time (one day of slack).
            let my = CivilTime.components(m).year
            for y in stride(from: my + 1, through: my - 3, by: -1) {
                let d = y - YearlessStamp.provisionalYear
                var s = YearShifter(resolving: d)
                if s.shift(range.upperBound) <= (CheckedNumber.sum(m, CivilTime.msPerDay) ?? .max) { return Decision(segments: [(0, d)], source: .modificationTime) }
            }
            return Decision(segments: [(0, my - YearlessStamp.provisionalYear)], source: .modificationTime)
        }
        return Decision(segments: [(0, currentYear - YearlessStamp.provisionalYear)], source: .assumed)
    }

    /// The year delta that puts `range` on the most overlap with the dated files' spans; with no
    /// overlap in any candidate year, the smallest gap to one of them.
    static func bestOverlap(_ range: ClosedRange<Int64>, _ dated: [ClosedRange<Int64>]) -> Int {
        let lowY = CivilTime.components(dated.map(\.lowerBound).min()!).year - 1
        let highY = CivilTime.components(dated.map(\.upperBound).max()!).year + 1
        // The real year of the first cycle is 2000 + delta (provisional years: `YearShifter`).
        let startYear = YearlessStamp.provisionalYear + YearShifter.cycle(ofProvisional: CivilTime.components(range.lowerBound).year)
        var best = (delta: highY - startYear, overlap: Int64(-1), gap: Int64.max)
        for y in stride(from: highY, through: lowY, by: -1) {
            let d = y - startYear
            var s = YearShifter(resolving: d)
            let a = s.shift(range.lowerBound), b = s.shift(range.upperBound)
            var overlap: Int64 = 0, gap = Int64.max
            for r in dated {
                let o = min(b, r.upperBound) - max(a, r.lowerBound)
                if o >= 0 { overlap = CheckedNumber.sum(overlap, o + 1) ?? .max; gap = 0 } else { gap = min(gap, -o) }
            }
            if overlap > best.overlap || (overlap == best.overlap && gap < best.gap) { best = (d, overlap, gap) }
        }
        return best.delta
    }

    static func range(_ times: TimeColumn) -> ClosedRange<Int64>? {
        guard times.count > 0 else { return nil }
        var lo = Int64.max, hi = Int64.min
        times.forEach { _, t in
            if t < lo { lo = t }
            if t > hi { hi = t }
        }
        return lo...hi
    }

    /// Applies the decision to the file's times. A `Feb/29` that lands in a common year has no real
    /// day: it is kept raw with the unparsed marker and its neighbour's time, like any impossible
    /// stamp. Returns how many such records there were.
    @discardableResult
    static func apply(_ d: Decision, to index: inout FileIndex, from first: Int = 0) -> Int {
        let segs = d.segments.sorted { $0.record < $1.record }
        guard !segs.isEmpty else { return 0 }
        var k = 0
        var shifter = YearShifter(resolving: segs[0].delta)
        var impossible: [Int] = []
        var previous: Int64? = first > 0 && first <= index.times.count ? index.times[first - 1] : nil
        index.times = index.times.mapped { i, t in
            if i < first { return t }
            while k + 1 < segs.count && i >= segs[k + 1].record {
                k += 1
                shifter = YearShifter(resolving: segs[k].delta)
            }
            let shifted = shifter.shift(t)
            if shifter.losesLeapDay(t), !index.flags(i).contains(.inferredTime) {
                impossible.append(i)
                return previous ?? shifted
            }
            previous = shifted
            return shifted
        }
        for i in impossible { index.orFlags(i, [.unparsed, .inferredTime]) }
        return impossible.count
    }
}
