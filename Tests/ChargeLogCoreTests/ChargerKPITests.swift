import Testing
import TestSupport
@testable import ChargeLogCore

/// Charger KPIs: availability per connector, session success, first-attempt success, plug-in to energy.
@Suite struct ChargerKPITests {
    static func status(_ s: String) -> String { #"{"connectorId":1,"status":"\#(s)","errorCode":"NoError"}"# }
    static func start(_ id: Int, _ meter: Int, _ time: String) -> (String, String) {
        (#"{"connectorId":1,"idTag":"TAG-1","meterStart":\#(meter),"timestamp":"2024-01-15T\#(time)Z"}"#,
         #"{"transactionId":\#(id),"idTagInfo":{"status":"Accepted"}}"#)
    }
    static func stop(_ id: Int, _ meter: Int, _ time: String, _ reason: String) -> String {
        #"{"transactionId":\#(id),"meterStop":\#(meter),"timestamp":"2024-01-15T\#(time)Z","reason":"\#(reason)"}"#
    }

    /// One connector's day in the TONLY carrier; every value below is counted from these lines.
    static func log() -> FrameLog {
        var l = FrameLog()
        l.call("08:00:00", "1", "BootNotification", FrameLog.boot, answer: FrameLog.bootAnswer())
        l.call("08:00:10", "2", "StatusNotification", status("Available"))
        l.call("08:10:00", "3", "StatusNotification", status("Preparing"))
        l.call("08:10:20", "4", "Authorize", #"{"idTag":"TAG-1"}"#, answer: #"{"idTagInfo":{"status":"Accepted"}}"#)
        let s1 = start(42, 1_000, "08:10:30")
        l.call("08:10:30", "5", "StartTransaction", s1.0, answer: s1.1)
        l.call("08:11:00", "6", "StatusNotification", status("Charging"))
        l.call("08:40:00", "7", "StopTransaction", stop(42, 13_000, "08:40:00", "EVDisconnected"), answer: #"{"idTagInfo":{"status":"Accepted"}}"#)
        l.call("08:40:00.100", "8", "StatusNotification", status("Finishing"))
        l.call("08:41:00", "9", "StatusNotification", status("Available"))
        l.call("09:00:00", "10", "StatusNotification", #"{"connectorId":1,"status":"Faulted","errorCode":"GroundFailure"}"#)
        l.call("09:10:00", "11", "StatusNotification", status("Available"))
        // A failed try (50 Wh), then a retry 1 min 40 s later that works.
        let s2 = start(43, 13_000, "09:12:00")
        l.call("09:12:00", "12", "StartTransaction", s2.0, answer: s2.1)
        l.call("09:12:20", "13", "StopTransaction", stop(43, 13_050, "09:12:20", "Local"), answer: "{}")
        let s3 = start(44, 13_050, "09:14:00")
        l.call("09:14:00", "14", "StartTransaction", s3.0, answer: s3.1)
        l.call("09:18:00", "15", "StopTransaction", stop(44, 18_050, "09:18:00", "Local"), answer: "{}")
        l.call("09:20:00", "16", "Heartbeat", "{}", answer: #"{"currentTime":"2024-01-15T09:20:00Z"}"#)
        return l
    }

    @Test func availabilityAndSessions() throws {
        let b = try Self.log().bundle()
        defer { b.remove() }
        let k = BundleSummary.build(b.context, findings: b.findings).kpis
        let a = try #require(k.connectors.first)
        #expect(k.connectors.count == 1 && a.label == "1")
        // Span 08:00:00 (first line) → 09:20:00.500 (last answer).
        #expect(a.unknownMs == 10_000)                                      // 08:00:00 → 08:00:10
        #expect(a.availableMs == (590 + 1140) * 1000 + 600_500)             // 08:00:10→08:10, 08:41→09:00, 09:10→09:20:00.5
        #expect(a.inUseMs == 60_000 + 1_740_000 + 100 + 59_900)             // Preparing, Charging, 100 ms then Finishing
        #expect(a.chargingMs == 1_740_100)                                  // Charging 08:11:00 → 08:40:00.100 (Finishing)
        #expect(a.inoperativeMs == 600_000)                                 // Faulted 09:00 → 09:10
        #expect(a.offlineMs == 0)
        #expect(a.availability == Double(a.availableMs + a.inUseMs) / Double(a.availableMs + a.inUseMs + 600_000))

        #expect(k.sessions.map(\.success) == [true, false, true])
        #expect(k.sessions[1].failure == "50 Wh delivered")
        #expect(k.sessions.map(\.firstAttempt) == [true, true, false])
        #expect(k.successRate == 2.0 / 3.0)
        #expect(k.firstAttemptRate == 0.5)
        // Preparing 08:10:00 → Charging 08:11:00.
        #expect(k.sessions[0].plugInToEnergyMs == 60_000)
        #expect(k.sessions[1].plugInToEnergyMs == nil, "no plug-in seen for the retries")

        let kpis = try JSONOracle.object(BundleSummary.build(b.context, findings: b.findings).json())["kpis"] as? [String: Any]
        #expect(kpis?["sessionsSuccessful"] as? Int == 2)
        #expect(kpis?["firstAttemptRate"] as? Double == 0.5)
        #expect((kpis?["connectors"] as? [[String: Any]])?.first?["inoperativeMs"] as? Int == 600_000)
        #expect(BundleSummary.build(b.context, findings: b.findings).text().contains("Sessions   2 of 3 successful (66.7 %), first attempt 1 of 2 (50.0 %)"))
    }

    @Test func faultAfterTheStopOrAnOddReasonFailsASession() throws {
        var l = Self.log()
        // The fault moves to 30 s after the first stop; the first stop's reason becomes PowerLoss.
        l.lines = l.lines.map { $0.replacingOccurrences(of: "[2024-01-15 09:00:00:000] [2,\"10\"", with: "[2024-01-15 08:40:30:000] [2,\"10\"") }
        l.lines = l.lines.map { $0.replacingOccurrences(of: #""reason":"Local"}]"#, with: #""reason":"PowerLoss"}]"#) }
        let b = try l.bundle()
        defer { b.remove() }
        let k = BundleSummary.build(b.context, findings: b.findings).kpis
        #expect(k.sessions[0].success == false && k.sessions[0].failure == "connector Faulted")
        #expect(k.sessions[2].failure == "stopped PowerLoss")
    }

    @Test("client_ocpp_sim_201.log: 3 sessions ended, 1 delivered energy and succeeded (facts from the count script)")
    func realLog201() throws {
        let a = try RealLogFile.analysis("client_ocpp_sim_201.log")
        let k = BundleSummary.build(a).kpis
        // Ended: cb5966b7 and 964cdab6 without meter values, a13335c9 100 → 400 Wh; no Faulted status in the file.
        #expect(k.judged == 3 && k.successful == 1)
        #expect(k.sessions.first { $0.success == true }?.transactionId == "a13335c9-f4f7-4a92-94bb-b8fb99d432e9")
        #expect(k.connectors.map(\.label) == ["1/1", "2/1"])
    }
}
