import Testing
@testable import ChargeLogCore
import ChargeLogGenerator

@Suite("Decimal text")
struct DecimalTextTests {
    /// Same bits as `Double(text)` (so `-0` stays negative), nil exactly when it is nil.
    func same(_ text: String) -> Bool {
        let a = DecimalText.double(text), b = Double(text)
        return a?.bitPattern == b?.bitPattern
    }

    @Test("gives the value Double(text) gives on the grammar's edges and on texts it does not read")
    func edges() {
        let texts = ["0", "-0", "+0", "-0.0", "00", "007", "1.", ".5", "-.5", "+1", "11727.040", "230.1", "0.1", "0.3",
                     "9007199254740992", "9007199254740993", "9007199254740992.5", "1234567890123456789", "12345678901234567890",
                     "0.0000000000000000000001", "0.00000000000000000000001", "1e5", "3.48e-05", "", "+", "-", ".", "..1",
                     "1.2.3", " 1", "1 ", "abc", "inf", "nan", "0x10", "1_000", "١٢"]
        for t in texts { #expect(same(t), "\(t)") }
        // The fast path takes the plain decimals and leaves the rest to Double(text).
        func fast(_ t: String) -> Double? { Array(t.utf8).withUnsafeBufferPointer(DecimalText.fastPath) }
        #expect(fast("11727.040") == 11727.04)
        #expect(fast("-0.5") == -0.5)
        #expect(fast("9007199254740993") == nil)
        #expect(fast("12345678901234567890") == nil)
        #expect(fast("3.48e-05") == nil)
        #expect(fast("abc") == nil)
    }

    @Test("matches Double(text) on 200,000 generated decimals around the fast path's limits")
    func generated() {
        var rng = SeededRandom(seed: 7)
        var mismatches: [String] = []
        for _ in 0..<200_000 {
            let digits = Int(rng.next() % 24) + 1
            var text = ""
            for _ in 0..<digits { text.append(Character(Unicode.Scalar(UInt8(48 + rng.next() % 10)))) }
            if rng.next() % 4 != 0 {
                let at = Int(rng.next() % UInt64(digits + 1))
                text.insert(".", at: text.index(text.startIndex, offsetBy: at))
            }
            switch rng.next() % 4 { case 0: text = "-" + text; case 1: text = "+" + text; default: break }
            if !same(text) { mismatches.append(text) }
        }
        // Significands at 2^53 and one past it, with and without decimals.
        for k in 0..<23 {
            for w in ["9007199254740992", "9007199254740993", "9007199254740991"] {
                var t = w
                if k > 0 { t.insert(".", at: t.index(t.endIndex, offsetBy: -min(k, t.count))) }
                if !same(t) { mismatches.append(t) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
