/// Reads a decimal number's text (`11727.040`, `-0.5`, `230`) into a Double, the same value
/// `Double(text)` gives, without going through `strtod` for the plain decimals meters send: a
/// significand below 2^53 with at most 22 decimals is exact as a Double, and one division by an
/// exact power of ten rounds it correctly (Clinger's fast path). Anything else (an exponent, more
/// digits, text that is not a number) is left to `Double(text)`.
enum DecimalText {
    static func double(_ text: String) -> Double? {
        var text = text
        if let d = text.withUTF8(fastPath) { return d }
        return Double(text)
    }

    /// Nil when the text is not a plain decimal the fast path is exact for.
    static func fastPath(_ u: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = u.count
        var i = 0
        var negative = false
        if i < n, u[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if i < n, u[i] == UInt8(ascii: "+") { i += 1 }
        var significand: UInt64 = 0
        var digits = 0
        var decimals = 0
        while i < n, u[i] &- 48 < 10, digits < 19 { significand = significand * 10 + UInt64(u[i] &- 48); digits += 1; i += 1 }
        if i < n, u[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, u[i] &- 48 < 10, digits < 19 {
                significand = significand * 10 + UInt64(u[i] &- 48)
                digits += 1
                decimals += 1
                i += 1
            }
        }
        guard i == n, digits > 0, significand <= 1 << 53, decimals < powers.count else { return nil }
        var d = Double(significand)
        if decimals > 0 { d /= powers[decimals] }
        return negative ? -d : d
    }

    /// 10^0 … 10^22, each exact as a Double.
    static let powers: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]
}
