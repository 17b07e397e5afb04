/// Byte searches for the per-record hot paths (filters, searches). Concrete over `[UInt8]` so they
/// compile to tight loops; the core's generic helpers are not specialised across modules.
enum ByteScan {
    /// Whether `needle` occurs in `hay` (ASCII case folded when `folded`; the needle is then lower case).
    static func contains(_ hay: [UInt8], _ needle: [UInt8], folded: Bool = false) -> Bool {
        find(hay, needle, folded: folded) != nil
    }

    static func find(_ hay: [UInt8], _ needle: [UInt8], folded: Bool = false, from: Int = 0) -> Int? {
        let n = needle.count
        guard n > 0 else { return from }
        guard hay.count - from >= n else { return nil }
        return hay.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { nd in
                let first = nd[0]
                var i = from
                let last = h.count - n
                while i <= last {
                    if (folded ? lower(h[i]) : h[i]) == first {
                        var k = 1
                        while k < n && (folded ? lower(h[i + k]) : h[i + k]) == nd[k] { k += 1 }
                        if k == n { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
}
