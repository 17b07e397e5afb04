import Foundation

/// The one way numbers are printed: as written, without the binary noise arithmetic leaves
/// (`79.6753 kW × 1000` is `79675.29999999999` in a Double: printed `79675.3`). Rounded to 15
/// significant digits (more than any meter writes), integers without a decimal point, never an exponent.
public enum NumberText {
    public static func plain(_ d: Double) -> String {
        guard d.isFinite else { return d.isNaN ? "nan" : (d < 0 ? "-inf" : "inf") }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        let g = String(format: "%.15g", d)
        guard g.contains("e") || g.contains("E") else { return g }
        return Decimal(string: g, locale: Locale(identifier: "en_US_POSIX")).map { "\($0)" } ?? g
    }

    /// A share as a percentage with one decimal (`0.667` → `66.7 %`); `n/a` when there is none.
    public static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "n/a" }
        return String(format: "%.1f %%", share * 100)
    }
}
