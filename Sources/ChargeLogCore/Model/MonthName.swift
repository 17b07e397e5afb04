/// English month names as the Sungrow streams print them: `Apr`, `April`, `January`.
public enum MonthName {
    /// Parses a month name at the start of `s`; returns (month 1...12, length).

    public static func parse<C: RandomAccessCollection<UInt8>>(_ s: C) -> (month: Int, length: Int)? where C.Index == Int {
        guard s.count >= 3 else { return nil }
        let b = s.startIndex
        let c0 = s[b] | 0x20, c1 = s[b + 1] | 0x20, c2 = s[b + 2] | 0x20
        let m: Int
        switch (c0, c1, c2) {
        case (0x6A, 0x61, 0x6E): m = 1   // jan
        case (0x66, 0x65, 0x62): m = 2   // feb
        case (0x6D, 0x61, 0x72): m = 3   // mar
        case (0x61, 0x70, 0x72): m = 4   // apr
        case (0x6D, 0x61, 0x79): m = 5   // may
        case (0x6A, 0x75, 0x6E): m = 6   // jun
        case (0x6A, 0x75, 0x6C): m = 7   // jul
        case (0x61, 0x75, 0x67): m = 8   // aug
        case (0x73, 0x65, 0x70): m = 9   // sep
        case (0x6F, 0x63, 0x74): m = 10  // oct
        case (0x6E, 0x6F, 0x76): m = 11  // nov
        case (0x64, 0x65, 0x63): m = 12  // dec
        default: return nil
        }
        var i = b + 3
        // Letters of the long form.
        while i < s.endIndex, (s[i] | 0x20) >= 0x61, (s[i] | 0x20) <= 0x7A { i += 1 }
        return (m, i - b)
    }
}
