import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// Year-less stamps get their year from the bundle: proxy dates, fault/update headers, New Year
/// rollover inside a file; file dates only as a last resort; `--year` overrides.
@Suite struct YearInferenceTests {
    let proxy = """
    2024-04-30 20:02:10.100 +0000 INFO PipeSession - Pipe Ready
    2024-04-30 20:03:20.000 +0000 INFO WebSocketTransmitter - Sending: [2,"a","Heartbeat",{}]
    """
    let main = """
    Apr/30 20:02:13 UTC --  OCPP_Connection_Restore
    Apr/30 20:03:18 UTC --  OCPP_Connection_Fail
    """

    @Test func proxyDatesTheMainProcessLog() throws {
        let b = try TempBundle(["qt/main.log": main, "ocpp/ocpp.log": proxy],
                               mtimes: ["qt/main.log": Date(timeIntervalSince1970: 1_893_456_000)])  // 2030
        defer { b.remove() }
        let ix = try b.index()
        let f = try #require(ix.file(named: "main.log"))
        #expect(f.yearSource == .bundle)
        #expect(ix.rows.map(\.time) == [
            "2024-04-30T20:02:10.100Z", "2024-04-30T20:02:13.000Z", "2024-04-30T20:03:18.000Z", "2024-04-30T20:03:20.000Z",
        ])
    }

    @Test func newYearRolloverInsideAFileWithMtimesOfAnotherYear() throws {
        let mainNY = """
        Dec/31 23:59:58 UTC --  Heartbeat
        Dec/31 23:59:59 UTC --  this ocppin is about =  "HeartbeatResponse"
        Jan/01 00:00:04 UTC --  OCPP_Connection_Fail
        """
        let proxyNY = """
        2024-12-31 23:59:57.000 +0000 INFO PipeSession - Pipe Ready
        2025-01-01 00:00:05.000 +0000 INFO PipeSession - Pipe Ready
        """
        let ccuNY = """
        [December/31 23:59:59.500 UTC][D00 01:00:00.000] before
        [January/01 00:00:01.000 UTC][D00 01:00:01.500] after
        """
        let later = Date(timeIntervalSince1970: 1_790_000_000)  // 2026
        let b = try TempBundle(["q/main.log": mainNY, "o/ocpp.log": proxyNY, "c/ccu.log": ccuNY],
                               mtimes: ["q/main.log": later, "o/ocpp.log": later, "c/ccu.log": later])
        defer { b.remove() }
        let ix = try b.index()
        #expect(ix.rows.map(\.time) == [
            "2024-12-31T23:59:57.000Z", "2024-12-31T23:59:58.000Z", "2024-12-31T23:59:59.000Z",
            "2024-12-31T23:59:59.500Z", "2025-01-01T00:00:01.000Z", "2025-01-01T00:00:04.000Z",
            "2025-01-01T00:00:05.000Z",
        ])
        #expect(ix.file(named: "main.log")?.stats.yearRollovers == 1)
        #expect(ix.file(named: "main.log")?.stats.outOfOrder == 0)
    }

    @Test func faultHeadersDateTheirOwnFileAndTheRest() throws {
        let fault = """
        [January/10 06:20:31.486 UTC]2023/January/10 06:20:31.485
        [January/10 06:21:06.873 UTC]CCU1->Err_Connector1_Cp_StateE_Alarm
        """
        let mainJan = "Jan/10 06:21:07 UTC --  Connector: 1 fault\n"
        let b = try TempBundle(["f/fault.log": fault, "q/main.log": mainJan],
                               mtimes: ["q/main.log": Date(timeIntervalSince1970: 1_790_000_000)])
        defer { b.remove() }
        let ix = try b.index()
        #expect(ix.file(named: "fault.log")?.yearSource == .headers)
        #expect(ix.file(named: "main.log")?.yearSource == .bundle)
        #expect(ix.rows.map(\.time) == ["2023-01-10T06:20:31.486Z", "2023-01-10T06:21:06.873Z", "2023-01-10T06:21:07.000Z"])
    }

    @Test func modificationTimeIsTheLastResortAndWarns() throws {
        // mtime 2025-02-01: an Apr stamp cannot be later than that, so it is April 2024.
        let mtime = Date(timeIntervalSince1970: TimeInterval(ms("2025-02-01T00:00:00Z") / 1000))
        let b = try TempBundle(["main.log": "Apr/30 20:02:13 UTC --  OCPP_Connection_Fail\n"], mtimes: ["main.log": mtime])
        defer { b.remove() }
        let ix = try b.index()
        #expect(ix.rows.first?.time == "2024-04-30T20:02:13.000Z")
        #expect(ix.files[0].yearSource == .modificationTime)
        #expect(ix.diagnostics.contains { $0.severity == .warning && $0.message.contains("no year") })
    }

    @Test func userYearOverridesEverything() throws {
        let b = try TempBundle(["qt/main.log": main, "ocpp/ocpp.log": proxy])
        defer { b.remove() }
        let ix = try b.index(year: 2019)
        #expect(ix.file(named: "main.log")?.index.times.array.map(CivilTime.iso8601).first == "2019-04-30T20:02:13.000Z")
        #expect(ix.file(named: "main.log")?.yearSource == .userOverride)
    }

    @Test func yearShifterKeepsCivilTimeAcrossLeapYears() {
        var s = YearShifter(years: 24)
        #expect(CivilTime.iso8601(s.shift(ms("2000-03-01T10:00:00Z"))) == "2024-03-01T10:00:00.000Z")
        #expect(CivilTime.iso8601(s.shift(ms("2000-02-29T10:00:00Z"))) == "2024-02-29T10:00:00.000Z")
        var t = YearShifter(years: 23)
        #expect(CivilTime.iso8601(t.shift(ms("2000-12-31T23:59:59Z"))) == "2023-12-31T23:59:59.000Z")
        #expect(CivilTime.iso8601(t.shift(ms("2000-01-01T00:00:00Z"))) == "2023-01-01T00:00:00.000Z")
    }
}
