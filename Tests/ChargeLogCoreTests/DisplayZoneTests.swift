import ChargeLogCore
import Foundation
import Testing

/// `--display-tz` / `:tz`: the zone times are shown in. Expected texts come from Foundation's own
/// `DateFormatter` (an independent calendar and zone database) and from the EU summer-time rule
/// (clocks go forward at 01:00 UTC on the last Sunday of March: 2024-03-31).
@Suite struct DisplayZoneTests {
    static func foundation(_ ms: Int64, _ zone: TimeZone) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.calendar = Calendar(identifier: .gregorian)
        f.timeZone = zone
        f.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    @Test func utcIsTheDefaultAndWritesWhatCivilTimeWrites() throws {
        let t: Int64 = 1_714_574_534_595 // 2024-05-01T14:42:14.595Z
        #expect(DisplayZone.utc.display(t) == "2024-05-01 14:42:14.595")
        #expect(DisplayZone.utc.label(at: t) == "UTC")
        #expect(try DisplayZone(parsing: "UTC").isUTC && DisplayZone(parsing: "+00:00").isUTC)
        #expect(DisplayZone.utc.iso8601(t) == "2024-05-01T14:42:14.595Z")
    }

    @Test func fixedOffsetsAgreeWithFoundation() throws {
        let z = try DisplayZone(parsing: "+05:30")
        let minus = try DisplayZone(parsing: "-0800")
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let t = Int64.random(in: 0...4_102_444_800_000, using: &rng) // 1970 … 2100
            #expect(z.display(t) == Self.foundation(t, TimeZone(secondsFromGMT: 19_800)!))
            #expect(minus.display(t) == Self.foundation(t, TimeZone(secondsFromGMT: -28_800)!))
        }
        #expect(z.label(at: 0) == "UTC+05:30" && minus.label(at: 0) == "UTC-08:00")
        #expect(z.iso8601(1_714_574_534_595) == "2024-05-01T20:12:14.595+05:30")
    }

    @Test func namedZonesFollowTheirSummerTime() throws {
        let berlin = try DisplayZone(parsing: "Europe/Berlin")
        let before = CivilTime.parseUserTime("2024-03-31T00:59:59Z")!
        let after = CivilTime.parseUserTime("2024-03-31T01:00:00Z")!
        #expect(berlin.display(before, millis: false) == "2024-03-31 01:59:59")
        #expect(berlin.label(at: before) == "UTC+01:00")
        #expect(berlin.display(after, millis: false) == "2024-03-31 03:00:00")
        #expect(berlin.label(at: after) == "UTC+02:00")
        let tz = TimeZone(identifier: "Europe/Berlin")!
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let t = Int64.random(in: 946_684_800_000...2_524_608_000_000, using: &rng) // 2000 … 2050
            #expect(berlin.display(t) == Self.foundation(t, tz))
        }
    }

    @Test func typedTimesAreReadInTheZoneUnlessTheyNameOne() throws {
        let berlin = try DisplayZone(parsing: "Europe/Berlin")
        // July: CEST, UTC+02:00.
        #expect(berlin.parseUserTime("2024-07-01 12:00") == CivilTime.parseUserTime("2024-07-01T10:00:00Z"))
        #expect(berlin.parseUserTime("2024-07-01 12:00Z") == CivilTime.parseUserTime("2024-07-01T12:00:00Z"))
        #expect(berlin.parseUserTime("2024-07-01T12:00+05:00") == CivilTime.parseUserTime("2024-07-01T07:00:00Z"))
        // January: CET, UTC+01:00; a date alone is the zone's midnight.
        #expect(berlin.parseUserTime("2024-01-15") == CivilTime.parseUserTime("2024-01-14T23:00:00Z"))
        #expect(DisplayZone.utc.parseUserTime("2024-07-01 12:00") == CivilTime.parseUserTime("2024-07-01T12:00:00Z"))
        // The zone's midnight of a shown day.
        let t = CivilTime.parseUserTime("2024-07-01T23:30:00Z")! // 2024-07-02 01:30 in Berlin
        #expect(berlin.startOfDay(t) == CivilTime.parseUserTime("2024-07-01T22:00:00Z"))
    }

    @Test func aZoneNoOneKnowsIsRefusedWithWhatIsAccepted() {
        #expect(throws: ChargeLogError.self) { try DisplayZone(parsing: "Mars/Base") }
        #expect(throws: ChargeLogError.self) { try DisplayZone(parsing: "+25:00") }
        do { _ = try DisplayZone(parsing: "Mars/Base") } catch {
            #expect(error.message.contains("--display-tz") && error.message.contains("local"))
        }
    }
}
