import Foundation

/// Numbers as the charger prints its meter values (C `%.6g`, fixed decimals): the generator writes
/// what a charger writes, independently of how chargelog prints numbers (`NumberText`).
enum ChargerNumbers {
    private static let powers: [Double] = (0...18).map { pow(10, Double($0)) }

    /// C's `%.6g`: 6 significant digits, trailing zeros dropped, exponent form below 1e-4 or from 1e6
    /// (`11730.1`, `0.00107`, `150`, `3.48e-05`).
    static func g(_ value: Double, digits: Int = 6) -> String {
        if value == 0 || !value.isFinite { return value == 0 ? "0" : "\(value)" }
        let negative = value < 0
        let a = abs(value)
        var e = Int(floor(log10(a)))
        var m = (a * pow(10, Double(digits - 1 - e))).rounded()
        if m >= powers[digits] {
            e += 1
            m = (a * pow(10, Double(digits - 1 - e))).rounded()
        } else if m < powers[digits - 1] {
            e -= 1
            m = (a * pow(10, Double(digits - 1 - e))).rounded()
        }
        var mantissa = String(Int64(m))       // exactly `digits` digits
        var out = negative ? "-" : ""
        if e < -4 || e >= digits {
            while mantissa.count > 1, mantissa.hasSuffix("0") { mantissa.removeLast() }
            out += String(mantissa.first!)
            if mantissa.count > 1 { out += "." + mantissa.dropFirst() }
            out += e < 0 ? "e-" : "e+"
            let ae = abs(e)
            out += ae < 10 ? "0\(ae)" : "\(ae)"
            return out
        }
        if e >= 0 {
            let intPart = mantissa.prefix(e + 1)
            var frac = String(mantissa.dropFirst(e + 1))
            while frac.hasSuffix("0") { frac.removeLast() }
            return out + intPart + (frac.isEmpty ? "" : "." + frac)
        }
        var frac = String(repeating: "0", count: -e - 1) + mantissa
        while frac.hasSuffix("0") { frac.removeLast() }
        return out + "0." + frac
    }

    /// Fixed decimals: `fixed(106.63, 1)` → `106.6`, `fixed(11727.04, 3)` → `11727.040`.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        let scale = powers[decimals]
        var v = Int64((abs(value) * scale).rounded())
        let negative = value < 0 && v != 0
        let s = Int64(scale)
        let intPart = v / s
        v %= s
        var text = (negative ? "-" : "") + String(intPart)
        if decimals > 0 {
            let f = String(v)
            text += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        return text
    }
}
