/// Byte searches for the per-record hot paths (filters, searches). Concrete over `[UInt8]` so they
/// compile to tight loops; the core's generic helpers are not specialised across modules.
enum ByteScan {
    /// Index of the first `[2,"`, `[3,"` ... `[6,"` (spaces allowed after `[` and `,`), or nil.
    static func frameStart(_ bytes: [UInt8], from: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = from
            let n = b.count
            while i + 3 < n {
                if b[i] == 0x5B {  // [
                    var j = i + 1
                    while j < n, b[j] == 0x20 { j += 1 }
                    if j < n, b[j] >= 0x32, b[j] <= 0x36 {
                        j += 1
                        while j < n, b[j] == 0x20 { j += 1 }
                        if j < n, b[j] == 0x2C {
                            j += 1
                            while j < n, b[j] == 0x20 { j += 1 }
                            if j < n, b[j] == 0x22 { return i }
                        }
                    }
                }
                i += 1
            }
            return nil
        }
    }

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

    static func bytes(_ s: StaticString) -> [UInt8] {
        Array(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
}
