import Foundation
import Testing
@testable import ChargeLogCore

/// `CivilTime` (the generator, the manifest and the tests' time helpers all use it, so its own
/// calendar errors would cancel out) checked against Foundation's Gregorian calendar in UTC, the
/// independent oracle: random instants over years 1583…9999, both directions, and the leap-year edges.
/// (Foundation's Gregorian calendar is Julian before the 1582 reform; CivilTime is proleptic
/// Gregorian, as ISO 8601 is, so the two agree from 1583 on.)
@Suite struct CivilTimeOracleTests {
    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// Foundation's date for a civil time, in Unix milliseconds.
    static func foundationMillis(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Int64? {
        var dc = DateComponents()
        dc.era = 1
        (dc.year, dc.month, dc.day, dc.hour, dc.minute, dc.second) = (y, mo, d, h, mi, s)
        guard let date = calendar.date(from: dc) else { return nil }
        return Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    @Test func randomInstantsAgreeWithFoundation() {
        var rng = SystemRandomNumberGenerator()
        // 1583 (after the Gregorian reform) to 9999 (the last year chargelog prints as ISO text).
        let lo = Self.foundationMillis(1583, 1, 1)!, hi = Self.foundationMillis(9999, 12, 31, 23, 59, 59)!
        for _ in 0..<5_000 {
            let seconds = Int64.random(in: (lo / 1000)...(hi / 1000), using: &rng)
            let ms = seconds * 1000 + Int64.random(in: 0...999, using: &rng)
            let c = CivilTime.components(ms)
            let f = Self.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                                 from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect([c.year, c.month, c.day, c.hour, c.minute, c.second] == [f.year, f.month, f.day, f.hour, f.minute, f.second],
                    "\(ms)")
            #expect(c.millis == Int(ms - seconds * 1000))
            #expect(CivilTime.millis(year: c.year, month: c.month, day: c.day, hour: c.hour, minute: c.minute,
                                     second: c.second, millis: c.millis) == ms)
        }
    }

    @Test(arguments: [1600, 1700, 1900, 2000, 2023, 2024, 2100, 2400, 1970, 1969, 9996, 9999])
    func leapYearEdges(_ year: Int) {
        let leapInFoundation = Self.calendar.range(of: .day, in: .month,
            for: Self.calendar.date(from: DateComponents(era: 1, year: year, month: 2, day: 1))!)?.count == 29
        #expect(CivilTime.isLeap(year) == leapInFoundation)
        #expect(CivilTime.daysInMonth(year: year, month: 2) == (leapInFoundation ? 29 : 28))
        #expect(CivilTime.isValidDate(year: year, month: 2, day: 29) == leapInFoundation)
        for (mo, d) in [(2, 28), (3, 1), (12, 31), (1, 1)] {
            let ours = CivilTime.millis(year: year, month: mo, day: d, hour: 12, minute: 0, second: 0, millis: 0)
            #expect(ours == Self.foundationMillis(year, mo, d, 12), "\(year)-\(mo)-\(d)")
        }
        if leapInFoundation {
            #expect(CivilTime.millis(year: year, month: 2, day: 29, hour: 0, minute: 0, second: 0, millis: 0)
                    == Self.foundationMillis(year, 2, 29))
        }
    }

    @Test func isoTextAgreesWithFoundationsFormatter() {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        f.timeZone = TimeZone(identifier: "UTC")
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            // 1970…2100: the range ISO8601DateFormatter and the logs share.
            let ms = Int64.random(in: 0...4_102_444_800_000, using: &rng)
            #expect(CivilTime.iso8601(ms) == f.string(from: Date(timeIntervalSince1970: TimeInterval(ms) / 1000)), "\(ms)")
        }
    }
}
