import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// Stamps that cannot be a time used to be moved silently (`2024-02-30` became 1 March, `+99:99` was
/// applied); they are now kept raw with the unparsed marker and counted in `stats`.
@Suite struct ImpossibleStampTests {
    static func parse(_ s: String) -> Int64? { ISOStamp.parse(Array(s.utf8)[...])?.ms }

    @Test("ISOStamp rejects impossible dates, years and zones", arguments: [
        "2024-02-30 10:00:00.000 +0000", "2023-02-29 10:00:00", "2024-04-31T10:00:00Z", "2024-13-01 10:00:00",
        "0000-06-01 10:00:00", "2024-05-01 10:00:00 +99:99", "2024-05-01T10:00:00+19:00", "2024-05-01T10:00:00-12:60",
        "0001-01-01T00:30:00+01:00", "2024-02-30",
    ])
    func rejected(text: String) {
        #expect(Self.parse(text) == nil)
    }

    @Test("near misses parse: Feb 29 of a leap year, the widest real zones, the first and last printable instants")
    func accepted() {
        #expect(Self.parse("2024-02-29 10:00:00") == CivilTime.millis(year: 2024, month: 2, day: 29, hour: 10, minute: 0, second: 0, millis: 0))
        #expect(Self.parse("2024-05-01T10:00:00+14:00") == CivilTime.millis(year: 2024, month: 4, day: 30, hour: 20, minute: 0, second: 0, millis: 0))
        #expect(Self.parse("2024-05-01T10:00:00-12:00") == CivilTime.millis(year: 2024, month: 5, day: 1, hour: 22, minute: 0, second: 0, millis: 0))
        #expect(Self.parse("0001-01-01T00:00:00Z") == CivilTime.printable.lowerBound)
        #expect(Self.parse("9999-12-31T23:59:59.999Z") == CivilTime.printable.upperBound)
        #expect(Self.parse("2000-02-29") != nil)
    }

    @Test("ISO text is well-formed for every accepted year, and in the expanded form (+10000, -0001) outside them")
    func isoText() {
        #expect(CivilTime.iso8601(CivilTime.printable.lowerBound) == "0001-01-01T00:00:00.000Z")
        #expect(CivilTime.iso8601(CivilTime.printable.upperBound) == "9999-12-31T23:59:59.999Z")
        #expect(CivilTime.iso8601(CivilTime.printable.upperBound + 1) == "+10000-01-01T00:00:00.000Z")
        #expect(CivilTime.iso8601(CivilTime.printable.lowerBound - 1) == "0000-12-31T23:59:59.999Z")
        #expect(CivilTime.iso8601(CivilTime.millis(year: -1, month: 12, day: 31, hour: 0, minute: 0, second: 0, millis: 0)) == "-0001-12-31T00:00:00.000Z")
        // Every year 1...9999 round-trips through the text.
        for y in stride(from: 1, through: 9999, by: 7) {
            let t = CivilTime.millis(year: y, month: 7, day: 1, hour: 0, minute: 0, second: 0, millis: 0)
            #expect(Self.parse(CivilTime.iso8601(t)) == t, "\(y)")
        }
        #expect(CivilTime.iso8601(.max).hasPrefix("+292278994-"))
        #expect(CivilTime.iso8601(.min).hasPrefix("-292275055-"))
    }

    @Test("yearless stamps: Apr/31 and Feb/30 are no stamps; Feb/29 is (the year decides later)")
    func yearless() {
        #expect(YearlessStamp.parse(Array("Apr/31 08:00:00 UTC".utf8)[...]) == nil)
        #expect(YearlessStamp.parse(Array("Feb/30 08:00:00 UTC".utf8)[...]) == nil)
        #expect(YearlessStamp.parse(Array("Feb/29 08:00:00 UTC".utf8)[...]) != nil)
    }

    @Test("a proxy log with 2024-02-30 and +99:99: both lines kept raw, marked unparsed, counted in stats")
    func proxyLog() throws {
        let lines = [
            proxyLine("2024-05-01 14:42:14.595", "ChargePoint - works well"),
            "2024-02-30 14:42:15.000 +0000 INFO ChargePoint - works well",
            "2024-05-01 14:42:16.000 +99:99 INFO ChargePoint - works well",
            proxyLine("2024-05-01 14:42:17.000", "ChargePoint - works well"),
        ]
        let b = try TempBundle([DiagnosedBundle.proxy: lines.joined(separator: "\n") + "\n"])
        defer { b.remove() }
        let index = try b.index()
        let f = try #require(index.files.first)
        #expect((0..<f.recordCount).map { f.text($0) } == lines)
        #expect((0..<4).map { f.index.flags($0).contains(.unparsed) } == [false, true, true, false])
        // Their neighbour's time: 14:42:14.595.
        #expect(f.index.times[1] == ms("2024-05-01T14:42:14.595Z") && f.index.times[2] == ms("2024-05-01T14:42:14.595Z"))
        #expect(f.stats.impossibleStamps == 2)
        #expect(f.stats.unparsedLines == 2)
        #expect(index.diagnostics.contains { $0.file == DiagnosedBundle.proxy && $0.message.hasPrefix("2 line(s) carry an impossible date, time or zone") })
        let json = StatsReport(index: index, loadDiagnostics: []).json()
        #expect(json.contains(#""impossibleStamps":2"#))
    }

    static let feb29 = [
        mainLine("Feb/28 23:59:00", "OCPP_Connection_Fail"),
        mainLine("Feb/29 10:00:00", "OCPP_Connection_Restore"),
        mainLine("Mar/01 00:00:01", "Card NoEnable"),
    ]

    @Test("Feb/29 in a file whose year resolves to 2023 (common): kept raw, unparsed, the time of the line before, counted")
    func feb29InACommonYear() throws {
        let b = try TempBundle([DiagnosedBundle.mainProcess: Self.feb29.joined(separator: "\n") + "\n"])
        defer { b.remove() }
        let index = try b.index(year: 2023)
        let f = try #require(index.files.first)
        #expect(f.index.times.array == [ms("2023-02-28T23:59:00Z"), ms("2023-02-28T23:59:00Z"), ms("2023-03-01T00:00:01Z")])
        #expect(f.index.flags(1).contains(.unparsed) && f.index.flags(1).contains(.inferredTime))
        #expect(f.stats.impossibleStamps == 1)
        #expect(f.text(1) == Self.feb29[1])
    }

    @Test("near miss: the same file in 2024 keeps Feb 29")
    func feb29InALeapYear() throws {
        let b = try TempBundle([DiagnosedBundle.mainProcess: Self.feb29.joined(separator: "\n") + "\n"])
        defer { b.remove() }
        let f = try #require(try b.index(year: 2024).files.first)
        #expect(f.index.times.array == [ms("2024-02-28T23:59:00Z"), ms("2024-02-29T10:00:00Z"), ms("2024-03-01T00:00:01Z")])
        #expect(f.stats.impossibleStamps == 0)
        #expect(!f.index.flags(1).contains(.unparsed))
    }

    @Test("Feb/29 right after a New-Year rollover stays Feb 29 (it used to come out as 1 March) and sorts before March")
    func feb29AfterRollover() throws {
        let lines = [
            mainLine("Dec/31 23:59:00", "OCPP_Connection_Fail"),
            mainLine("Jan/01 00:01:00", "OCPP_Connection_Restore"),
            mainLine("Feb/29 10:00:00", "Card NoEnable"),
            mainLine("Mar/01 08:00:00", "Card NoEnable"),
        ]
        let b = try TempBundle([DiagnosedBundle.mainProcess: lines.joined(separator: "\n") + "\n"])
        defer { b.remove() }
        // --year 2023: the file starts in 2023, crosses into 2024 (a leap year).
        let f = try #require(try b.index(year: 2023).files.first)
        #expect(f.index.times.array == [ms("2023-12-31T23:59:00Z"), ms("2024-01-01T00:01:00Z"), ms("2024-02-29T10:00:00Z"), ms("2024-03-01T08:00:00Z")])
        #expect(f.stats.yearRollovers == 1)
        #expect(f.stats.impossibleStamps == 0)
        #expect((0..<4).allSatisfy { !f.index.flags($0).contains(.outOfOrder) })
    }

    @Test("two rollovers in a year-less file: the years advance by one each, whatever the provisional years are")
    func twoRollovers() throws {
        let lines = [
            mainLine("Dec/31 23:00:00", "a"), mainLine("Jun/30 12:00:00", "b"),
            mainLine("Dec/31 23:30:00", "c"), mainLine("Jan/01 01:00:00", "d"),
        ]
        // Two falls of more than 180 days: Dec/31 → Jun/30 (184 days) and Dec/31 → Jan/01.
        let b = try TempBundle([DiagnosedBundle.mainProcess: lines.joined(separator: "\n") + "\n"])
        defer { b.remove() }
        let f = try #require(try b.index(year: 2021).files.first)
        #expect(f.index.times.array == [ms("2021-12-31T23:00:00Z"), ms("2022-06-30T12:00:00Z"), ms("2022-12-31T23:30:00Z"), ms("2023-01-01T01:00:00Z")])
        #expect(f.stats.yearRollovers == 2)
    }
}
