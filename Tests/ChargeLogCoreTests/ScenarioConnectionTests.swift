import Testing
@testable import ChargeLogCore
import TestSupport

/// OCPP connection lost and restored, with its duration and what was queued meanwhile.
@Suite struct ScenarioConnectionTests {
    /// Seed 000's connection lines, restored five minutes later; two requests queued by the proxy
    /// while offline and sent after the restore.
    static let main = SeedExcerpts.connectionMain + [mainLine("Apr/30 20:08:20", "OCPP_Connection_Restore")]
    static let proxy = [
        proxyLine("2024-04-30 20:04:02.113", #"PipeSession - [From charging station]: 1=StatusNotification={    "connectorId": 1,    "errorCode": "NoError",    "status": "Preparing",    "vendorErrorCode": "",    "vendorId": "Sungrow"}"#),
        proxyLine("2024-04-30 20:04:02.131", "RequestQueue - SendRequest Queue size: 1, Store time: 1.402 ms, UUID: 3f1b9c52-8d7e-4a61-b2c4-5e0f7d9a1c33"),
        proxyLine("2024-04-30 20:05:10.540", #"PipeSession - [From charging station]: 1=StatusNotification={    "connectorId": 1,    "errorCode": "NoError",    "status": "Available",    "vendorErrorCode": "",    "vendorId": "Sungrow"}"#),
        proxyLine("2024-04-30 20:05:10.561", "RequestQueue - SendRequest Queue size: 2, Store time: 1.188 ms, UUID: 7a2e4d10-1c9b-4f3e-8a55-2b6d0e4f9c81"),
        proxyLine("2024-04-30 20:08:21.204", #"WebSocketTransmitter - Sending: [2,"3f1b9c52-8d7e-4a61-b2c4-5e0f7d9a1c33","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Preparing","vendorId":"Sungrow","vendorErrorCode":""}]"#),
        proxyLine("2024-04-30 20:08:21.480", #"WebSocketTransmitter - Received: [3,"3f1b9c52-8d7e-4a61-b2c4-5e0f7d9a1c33",{}]"#),
        proxyLine("2024-04-30 20:08:21.502", #"WebSocketTransmitter - Sending: [2,"7a2e4d10-1c9b-4f3e-8a55-2b6d0e4f9c81","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available","vendorId":"Sungrow","vendorErrorCode":""}]"#),
        proxyLine("2024-04-30 20:08:21.733", #"WebSocketTransmitter - Received: [3,"7a2e4d10-1c9b-4f3e-8a55-2b6d0e4f9c81",{}]"#),
    ]

    @Test func lostAndRestoredWithWhatWasQueued() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: Self.main, DiagnosedBundle.proxy: Self.proxy])
        defer { b.remove() }
        let found = b.of(.connectionLost)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(CivilTime.iso8601(f.time) == "2024-04-30T20:03:18.000Z")
        #expect(f.durationMs == 302_000)
        #expect(f.explanation.contains("for 5 min 2 s"))
        #expect(f.explanation.contains("2 requests queued"))
        #expect(f.explanation.contains("queue size up to 2"))
        #expect(f.explanation.contains("StatusNotification ×2"))
        let texts = b.texts(f)
        #expect(texts[0].hasSuffix("OCPP_Connection_Fail"))
        #expect(texts[1].hasSuffix("OCPP_Connection_Restore"))
        #expect(texts.filter { $0.contains("SendRequest Queue size") }.count == 2)
    }

    @Test func lostUntilTheEndOfTheLog() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: SeedExcerpts.connectionMain])
        defer { b.remove() }
        let f = try #require(b.of(.connectionLost).first)
        #expect(f.explanation.contains("not restored"))
    }

    @Test func restoreWithoutALossIsNoLoss() throws {
        let lines = SeedExcerpts.connectionMain.filter { !$0.contains("OCPP_Connection_Fail") }
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: lines])
        defer { b.remove() }
        #expect(b.of(.connectionLost).isEmpty)
    }
}
