/// Time windows over arrays sorted by time: the one binary search the analysis, the findings
/// engine and the marked lines share.
enum SortedByTime {
    /// The positions of the elements with `lo <= time <= hi` in `sorted` (ascending by `time`): a
    /// binary search for the first, then a walk to the first later than `hi`, so a rare stamp out of
    /// order ends the window where it stands, as it would in a scan of the file.
    static func range<C: RandomAccessCollection>(_ sorted: C, from lo: Int64, to hi: Int64,
                                                 time: (C.Element) -> Int64) -> Range<Int> where C.Index == Int {
        let start = firstIndex(sorted, time: time) { $0 >= lo }
        var end = start
        while end < sorted.endIndex, time(sorted[end]) <= hi { end += 1 }
        return start..<end
    }

    /// The first position whose time satisfies `past` (which must be false, then true, along the array).
    static func firstIndex<C: RandomAccessCollection>(_ sorted: C, time: (C.Element) -> Int64,
                                                      _ past: (Int64) -> Bool) -> Int where C.Index == Int {
        var a = sorted.startIndex, b = sorted.endIndex
        while a < b {
            let m = a + (b - a) / 2
            if past(time(sorted[m])) { b = m } else { a = m + 1 }
        }
        return a
    }
}
