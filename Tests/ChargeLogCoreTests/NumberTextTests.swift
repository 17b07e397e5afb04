import ChargeLogGenerator
import Foundation
import Testing
@testable import ChargeLogCore

/// `NumberText.plain` takes Swift's shortest text when it has at most 15 significant digits: the same
/// text `%.15g` (the reference, `formatted`) prints, on the values meters send and on arbitrary doubles.
@Suite("Plain numbers")
struct NumberTextTests {
    static func reference(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : NumberText.formatted(d)
    }

    @Test(arguments: [
        (11602.9, "11602.9"), (79.6753 * 1000, "79675.3"), (0.1 + 0.2, "0.3"), (-0.001, "-0.001"),
        (3.48e-05, "0.0000348"), (1234567890123.45, "1234567890123.45"), (2.5, "2.5"), (1e15 + 0.5, "1000000000000000"),
    ])
    func knownValues(_ c: (Double, String)) {
        #expect(NumberText.plain(c.0) == c.1)
        #expect(NumberText.plain(c.0) == Self.reference(c.0))
    }

    @Test func meterLikeValuesAndArbitraryDoublesPrintAsWithFormatting() {
        var rng = SeededRandom(seed: 21)
        var shortcut = 0
        for k in 0..<60_000 {
            let d: Double
            switch k % 4 {
            case 0: d = Double(Int64(rng.next() % 100_000_000)) / pow(10, Double(rng.next() % 9))
            case 1: d = Double(Int64(rng.next() % 1_000_000)) / 1000 * 1000 / 3.6
            case 2: d = (Double(rng.next() % 1_000_000_000) / 1e6) * (rng.next() % 2 == 0 ? 1 : -1)
            default: d = Double(bitPattern: 0x3F00_0000_0000_0000 &+ rng.next() % 0x0A00_0000_0000_0000)
            }
            guard d.isFinite else { continue }
            if NumberText.fitsFifteenDigits(d.description) { shortcut += 1 }
            #expect(NumberText.plain(d) == Self.reference(d), "\(d)")
        }
        #expect(shortcut > 20_000)
    }
}
