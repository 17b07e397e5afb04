import Testing
@testable import ChargeLogCore
import TestSupport

/// Numbers from the input that used to trap (Swift `Fatal error`): each is now shown as sent, flagged
/// (an `outOfRange` issue on the message for the detail pane, a `numberOutOfRange` finding for the
/// summary) and not used. The values are those of the reliability issue's probe.
@Suite struct HostileNumberTests {
    /// A charger's MeterValues with one sampled value (shape of the seed proxy lines), answered.
    static func meterValues(_ sampledValue: String) -> [String] {
        [
            proxyLine("2024-05-02 10:00:00.000", #"WebSocketTransmitter - Sending: [2,"mv-1","MeterValues",{"connectorId":1,"transactionId":667,"meterValue":[{"timestamp":"2024-05-02T10:00:00Z","sampledValue":[\#(sampledValue)]}]}]"#),
            proxyLine("2024-05-02 10:00:00.300", #"WebSocketTransmitter - Received: [3,"mv-1",{}]"#),
        ]
    }

    static func outOfRangeIssues(_ b: DiagnosedBundle) -> [OCPPIssue] {
        b.analysis.messages.flatMap(\.issues).filter { $0.kind == .outOfRange }
    }

    @Test("meter values beyond Int64, infinite, or infinite after kWh → Wh: flagged, not used", arguments: [
        (#"{"value":"1e20","measurand":"Energy.Active.Import.Register"}"#, #"value "1e20""#),
        (#"{"value":"1e999999","measurand":"Energy.Active.Import.Register"}"#, #"value "1e999999""#),
        (#"{"value":"1.7e308","unit":"kWh","measurand":"Energy.Active.Import.Register"}"#, #"value "1.7e308""#),
        (#"{"value":"2e12","unit":"kWh","measurand":"Energy.Active.Import.Register"}"#, #"value "2e12" is out of range after unit scaling"#),
        (#"{"value":1e400,"measurand":"Power.Active.Import"}"#, "value 1e400"),
    ])
    func meterValueOutOfRange(sampledValue: String, shown: String) throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.meterValues(sampledValue)])
        defer { b.remove() }
        let issues = Self.outOfRangeIssues(b)
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains(shown) == true, "\(issues)")
        #expect(issues.first?.message.hasSuffix("not used") == true)
        // Not trusted: no sample reaches the transaction or the meter curves.
        #expect(b.analysis.transactions.allSatisfy { $0.samples.isEmpty })
        let found = b.of(.numberOutOfRange)
        #expect(found.count == 1)
        #expect(found.first?.explanation.contains(shown) == true)
        // The detail pane's notes say it too.
        let m = try #require(b.analysis.messages.first { $0.action == "MeterValues" })
        let frame = try #require(m.frame)
        #expect(CodeAnnotations.lines(for: frame).contains { $0.contains(shown) })
    }

    @Test("a multiplier at Int.min (trapped) or 9·10^15 (a loop of that many steps): flagged, value not used", arguments: [
        "-9223372036854775808", "9000000000000000", "19",
    ])
    func multiplierOutOfRange(multiplier: String) throws {
        let sv = #"{"value":"10","measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"Wh","multiplier":\#(multiplier)}}"#
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.meterValues(sv)])
        defer { b.remove() }
        let issues = Self.outOfRangeIssues(b)
        #expect(issues.map(\.message) == ["multiplier \(multiplier) is out of range (-18…18); value \"10\" not used"])
        #expect(b.of(.numberOutOfRange).count == 1)
    }

    @Test("near miss: a multiplier of 3 scales the value and raises nothing")
    func multiplierInRange() throws {
        let sv = #"{"value":"10","measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"Wh","multiplier":3}}"#
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.meterValues(sv)])
        defer { b.remove() }
        #expect(Self.outOfRangeIssues(b).isEmpty)
        #expect(b.of(.numberOutOfRange).isEmpty)
        let samples = b.analysis.transactions.flatMap(\.samples)
        #expect(samples.map(\.value) == [10_000])
    }

    @Test("near miss: 10^15 Wh is the largest reading used")
    func largestReading() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.meterValues(#"{"value":"1e15","measurand":"Energy.Active.Import.Register"}"#)])
        defer { b.remove() }
        #expect(Self.outOfRangeIssues(b).isEmpty)
        #expect(b.analysis.transactions.flatMap(\.samples).map(\.value) == [1e15])
    }

    /// BootNotification answered with `interval`, then heartbeats 60 s apart (the heartbeat tests' shape).
    static func boot(interval: String) -> [String] {
        var lines = ProblemHeartbeatTests.lines([(60, "Heartbeat"), (120, "Heartbeat"), (180, "Heartbeat"), (240, "Heartbeat"), (600, "Heartbeat")])
        lines[1] = lines[1].replacingOccurrences(of: #""interval":60"#, with: #""interval":\#(interval)"#)
        return lines
    }

    @Test("a heartbeat interval of 1e300, 1e999999 or 5e15 s in the BootNotification answer is not used", arguments: [
        "1e300", "1e999999", "5e15",
    ])
    func bootIntervalOutOfRange(interval: String) throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.boot(interval: interval)])
        defer { b.remove() }
        let found = b.of(.numberOutOfRange)
        #expect(found.count == 1)
        #expect(found.first?.explanation.contains(interval) == true, "\(found)")
        // The gap check falls back to the median gap between heartbeats (60 s): 360 s is a gap.
        let gaps = b.of(.heartbeatGap)
        #expect(gaps.count == 1)
        #expect(gaps.first?.explanation.contains("the median gap between heartbeats") == true)
        let answer = try #require(b.analysis.messages.first { $0.type == .callResult && $0.uniqueId == "boot-0001" })
        let notes = CodeAnnotations.lines(for: try #require(answer.frame), action: "BootNotification")
        #expect(notes.contains { $0.contains("heartbeat interval \(interval) s is out of range") })
    }

    @Test("an accepted ChangeConfiguration of HeartbeatInterval to 1e300 or 5e15 is not used", arguments: ["1e300", "5e15"])
    func changeConfigurationOutOfRange(value: String) throws {
        var lines = ProblemHeartbeatTests.lines([(60, "Heartbeat"), (120, "Heartbeat"), (400, "Heartbeat")])
        lines.insert(proxyLine("2024-05-02 10:00:10.000", #"WebSocketTransmitter - Received: [2,"cc-1","ChangeConfiguration",{"key":"HeartbeatInterval","value":"\#(value)"}]"#), at: 2)
        lines.insert(proxyLine("2024-05-02 10:00:10.200", #"WebSocketTransmitter - Sending: [3,"cc-1",{"status":"Accepted"}]"#), at: 3)
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: lines])
        defer { b.remove() }
        let found = b.of(.numberOutOfRange)
        #expect(found.map(\.explanation) == ["heartbeat interval \(value) s from ChangeConfiguration is out of range (1…2147483647 s); not used"])
        // The BootNotification's 60 s stays in force: 280 s is a gap against it.
        #expect(b.of(.heartbeatGap).first?.explanation.contains("interval of 1 min from the BootNotification answer") == true)
    }

    @Test("near miss: an interval of 2147483647 s is used; no number finding")
    func largestInterval() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.boot(interval: "2147483647")])
        defer { b.remove() }
        #expect(b.of(.numberOutOfRange).isEmpty)
        #expect(b.of(.heartbeatGap).isEmpty)
    }

    @Test("an NTP offset of 20 digits (trapped the summary) is worded, not converted")
    func ntpOffsetOfTwentyDigits() throws {
        let line = mainLine("Apr/30 22:46:07", #"NTP Time sync finished, output: "30 Apr 22:46:07 ntpdate[10163]: adjust time server 46.102.157.67 offset 12345678901234567890 sec\n""#)
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: [line]])
        defer { b.remove() }
        let sync = try #require(b.of(.clockSyncNTP).first)
        #expect(sync.explanation.contains("offset +12345678901234567"))
        #expect(b.of(.clockJump).count == 1)
    }

    @Test("--year 100000000000 (trapped) and Int.min are refused by the resolver: the year comes from the bundle")
    func hugeYear() throws {
        let bundle = try TempBundle([DiagnosedBundle.mainProcess: mainLine("Apr/30 22:46:07", "OCPP_Connection_Fail") + "\n"],
                                    mtimes: [DiagnosedBundle.mainProcess: ZipDOSTimeTests.date(2024, 5, 2)])
        defer { bundle.remove() }
        for year in [100_000_000_000, Int.min, 0, 10_000] {
            let index = try bundle.index(year: year)
            #expect(index.rows.map(\.time) == ["2024-04-30T22:46:07.000Z"], "year \(year)")
            #expect(index.files.first?.yearSource == .modificationTime)
        }
    }

    @Test("CheckedNumber: every conversion of an out-of-range double is nil or clamped, never a trap")
    func checkedConversions() {
        for d in [Double.nan, .infinity, -.infinity, 1e20, -1e20, 9.3e18, Double(Int64.max)] {
            #expect(CheckedNumber.int64(d) == nil, "\(d)")
        }
        #expect(CheckedNumber.int64(-9.2e18) == -9_200_000_000_000_000_000)
        #expect(CheckedNumber.int64(12.9) == 12)
        #expect(CheckedNumber.clamp(.nan, to: 0...9) == 0)
        #expect(CheckedNumber.clamp(.infinity, to: 0...9) == 9)
        #expect(CheckedNumber.clamp(4.6, to: 0...9) == 5)
        #expect(CheckedNumber.milliseconds(seconds: 1e300, in: 1...1e9) == nil)
        #expect(CheckedNumber.milliseconds(seconds: 60, in: 1...1e9) == 60_000)
        #expect(CheckedNumber.sum(UInt64.max, 1) == nil)
        #expect(CheckedNumber.saturatingProduct(Int64.max / 2, 3) == .max)
        #expect(CheckedNumber.saturatingProduct(Int64.min / 2, 3) == .min)
        #expect(CheckedNumber.saturatingDifference(.min, 1) == .min)
        #expect(CheckedNumber.powerOfTen(-3) == 0.001)
        #expect(MeterValueReader.plain(1e20) == "1e+20")
        #expect(MeterValueReader.plain(3.48e-05) == "0.0000348")
        #expect(FindingText.duration(.min) == "-106751991167 d 7 h")
    }
}
