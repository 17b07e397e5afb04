import Testing
@testable import ChargeLogCore

/// Silence from the charger longer than twice the heartbeat interval.
@Suite struct ProblemHeartbeatTests {
    /// BootNotification (interval 60 s) at 10:00:00, then the charger's calls at the given seconds.
    static func lines(_ calls: [(Int, String)]) -> [String] {
        var out = [
            proxyLine("2024-05-02 10:00:00.000", #"WebSocketTransmitter - Sending: [2,"boot-0001","BootNotification",{"chargePointVendor":"Sungrow","chargePointModel":"IDC180E","chargePointSerialNumber":"A23C2706768","firmwareVersion":"V1.2.8"}]"#),
            proxyLine("2024-05-02 10:00:00.400", #"WebSocketTransmitter - Received: [3,"boot-0001",{"currentTime":"2024-05-02T10:00:00Z","interval":60,"status":"Accepted"}]"#),
        ]
        let base = ms("2024-05-02T10:00:00Z")
        for (k, (s, action)) in calls.enumerated() {
            let t = base + Int64(s) * 1000
            let payload = action == "Heartbeat" ? "{}" : #"{"connectorId":1,"errorCode":"NoError","status":"Available","vendorId":"Sungrow","vendorErrorCode":""}"#
            out.append(proxyLine(CivilTime.display(t), #"WebSocketTransmitter - Sending: [2,"call-\#(k)","\#(action)",\#(payload)]"#))
            out.append(proxyLine(CivilTime.display(t + 300), #"WebSocketTransmitter - Received: [3,"call-\#(k)",\#(action == "Heartbeat" ? #"{"currentTime":"2024-05-02T10:00:00Z"}"# : "{}")]"#))
        }
        return out
    }

    @Test func gapLongerThanTwiceTheInterval() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.lines([(60, "Heartbeat"), (120, "Heartbeat"), (400, "Heartbeat"), (460, "Heartbeat")])])
        defer { b.remove() }
        let found = b.of(.heartbeatGap)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(CivilTime.iso8601(f.time) == "2024-05-02T10:02:00.000Z")
        #expect(f.durationMs == 280_000)
        #expect(f.explanation.contains("4 min 40 s"))
        #expect(f.explanation.contains("interval of 1 min from the BootNotification answer"))
    }

    @Test func gapUnderTwiceTheIntervalIsFine() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.lines([(60, "Heartbeat"), (120, "Heartbeat"), (220, "Heartbeat")])])
        defer { b.remove() }
        #expect(b.of(.heartbeatGap).isEmpty)
    }

    @Test func otherMessagesKeepTheLinkAlive() throws {
        // Near miss: heartbeats 280 s apart, but the charger sent StatusNotifications in between.
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.lines([(60, "Heartbeat"), (120, "Heartbeat"), (200, "StatusNotification"),
                                                                         (300, "StatusNotification"), (400, "Heartbeat")])])
        defer { b.remove() }
        #expect(b.of(.heartbeatGap).isEmpty)
    }

    @Test func gapDuringAConnectionLossSaysSo() throws {
        let main = [mainLine("May/02 10:02:30", "OCPP_Connection_Fail"), mainLine("May/02 10:06:10", "OCPP_Connection_Restore")]
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.lines([(60, "Heartbeat"), (120, "Heartbeat"), (400, "Heartbeat")]),
                                     DiagnosedBundle.mainProcess: main])
        defer { b.remove() }
        #expect(b.of(.heartbeatGap).first?.explanation.contains("connection was lost meanwhile") == true)
    }
}
