import Foundation

/// The one way numbers are printed: as written, without the binary noise arithmetic leaves
/// (`79.6753 kW × 1000` is `79675.29999999999` in a Double: printed `79675.3`). Rounded to 15
/// significant digits (more than any meter writes), integers without a decimal point, never an exponent.
public enum NumberText {
    public static func plain(_ d: Double) -> String {
        guard d.isFinite else { return d.isNaN ? "nan" : (d < 0 ? "-inf" : "inf") }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        // The shortest text that reads back as `d` (Swift's), when it has at most 15 significant digits
        // and no exponent, is what `%.15g` prints: `d` lies far closer to it than half a step of 15
        // digits. Formatting through Foundation took about 10,000 instructions a number.
        let shortest = d.description
        if fitsFifteenDigits(shortest) { return shortest }
        return formatted(d)
    }

    /// Whether `s` (a Double's description) has no exponent and at most 15 significant digits.
    static func fitsFifteenDigits(_ s: String) -> Bool {
        var digits = 0
        var leading = true
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "0"):
                if !leading { digits += 1 }
            case UInt8(ascii: "1")...UInt8(ascii: "9"):
                leading = false
                digits += 1
            case UInt8(ascii: "."), UInt8(ascii: "-"):
                continue
            default:
                return false
            }
        }
        return digits <= 15
    }

    /// `%.15g`, an exponent written out: the reference `plain` is held to.
    static func formatted(_ d: Double) -> String {
        let g = String(format: "%.15g", d)
        guard g.contains("e") || g.contains("E") else { return g }
        return Decimal(string: g, locale: Locale(identifier: "en_US_POSIX")).map { "\($0)" } ?? g
    }

    /// A share as a percentage with one decimal (`0.667` → `66.7 %`); `n/a` when there is none.
    public static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "n/a" }
        return String(format: "%.1f %%", share * 100)
    }

    /// `512 KiB`, `40 MiB`, `4 GiB` (binary units, one decimal when not whole), or bytes below 1 KiB.
    public static func bytes(_ n: UInt64) -> String {
        let units: [(UInt64, String)] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, name) in units where n >= size {
            let whole = n / size, tenth = (n % size) * 10 / size
            return tenth == 0 ? "\(whole) \(name)" : "\(whole).\(tenth) \(name)"
        }
        return "\(n) bytes"
    }
}
