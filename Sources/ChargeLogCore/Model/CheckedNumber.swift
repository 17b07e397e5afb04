/// Conversions of numbers that come from the input. Swift traps on an `Int64(Double)` out of range,
/// on `Int(Double.nan)` and on overflowing `+ - *`; a log can hold any of those (`"1e20"`, `1e999999`,
/// a ZIP64 offset near 2^64), so input-derived numbers go through these instead: they return nil (the
/// caller keeps the raw text and says why it was not used) or clamp where a bound is the right answer.
public enum CheckedNumber {
    /// The whole part of `d` as an Int64; nil when `d` is not finite or outside Int64.
    public static func int64(_ d: Double) -> Int64? {
        guard d.isFinite else { return nil }
        return Int64(exactly: d.rounded(.towardZero))
    }

    /// The whole part of `d` as an Int; nil when `d` is not finite or outside Int.
    public static func int(_ d: Double) -> Int? {
        guard d.isFinite else { return nil }
        return Int(exactly: d.rounded(.towardZero))
    }

    /// `d` rounded and clamped into `range`; NaN gives the lower bound.
    public static func clamp(_ d: Double, to range: ClosedRange<Int>) -> Int {
        guard !d.isNaN else { return range.lowerBound }
        if d <= Double(range.lowerBound) { return range.lowerBound }
        if d >= Double(range.upperBound) { return range.upperBound }
        return Int(d.rounded())
    }

    /// Seconds as whole milliseconds when they lie in `range` (in seconds); nil otherwise.
    public static func milliseconds(seconds: Double, in range: ClosedRange<Double>) -> Int64? {
        guard seconds.isFinite, range.contains(seconds) else { return nil }
        return int64((seconds * 1000).rounded())
    }

    /// `a + b`, nil on overflow.
    public static func sum(_ a: UInt64, _ b: UInt64) -> UInt64? {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? nil : r
    }

    /// `a + b`, nil on overflow.
    public static func sum(_ a: Int64, _ b: Int64) -> Int64? {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? nil : r
    }

    /// `a * b`, nil on overflow.
    public static func product(_ a: Int64, _ b: Int64) -> Int64? {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? nil : r
    }

    /// `a * b`, saturating at the Int64 bounds.
    public static func saturatingProduct(_ a: Int64, _ b: Int64) -> Int64 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        if !o { return r }
        return (a < 0) == (b < 0) ? .max : .min
    }

    /// `a - b`, saturating at the Int64 bounds.
    public static func saturatingDifference(_ a: Int64, _ b: Int64) -> Int64 {
        let (r, o) = a.subtractingReportingOverflow(b)
        if !o { return r }
        return b < 0 ? .max : .min
    }

    /// `10^n` for an exponent already checked to be small (|n| ≤ 308); never loops past that.
    public static func powerOfTen(_ n: Int) -> Double {
        let k = min(abs(n), 400)
        var r = 1.0
        for _ in 0..<k { r *= 10 }
        return n < 0 ? 1 / r : r
    }
}
