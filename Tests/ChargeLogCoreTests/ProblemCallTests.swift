import Testing
@testable import ChargeLogCore
import TestSupport

/// CALLERRORs, calls never answered, slow answers.
@Suite struct ProblemCallTests {
    /// A Sungrow websocket call and (optionally) its answer `latency` ms later, then an unrelated line later on.
    static func exchange(_ action: String, payload: String, answer: String?, latencyMs: Int) -> [String] {
        let id = "b1e2c3d4-0000-4000-8000-\(action.count)0000000000"
        var lines = [proxyLine("2024-05-01 14:42:14.635", #"WebSocketTransmitter - Sending: [2,"\#(id)","\#(action)",\#(payload)]"#)]
        if let answer {
            let t = CivilTime.display(ms("2024-05-01T14:42:14.635Z") + Int64(latencyMs))
            lines.append(proxyLine(t, #"WebSocketTransmitter - Received: [3,"\#(id)",\#(answer)]"#))
        }
        lines.append(proxyLine("2024-05-01 14:50:00.000", "ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well."))
        return lines
    }

    static let start = #"{"connectorId":1,"idTag":"201ACCBF","meterStart":7854588,"timestamp":"2024-05-01T14:42:14Z"}"#
    static let started = #"{"transactionId":667,"idTagInfo":{"status":"Accepted"}}"#

    @Test func callErrorCountedOnce() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.scientificStopOCPP])
        defer { b.remove() }
        let found = b.of(.callError)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.severity == .error)
        #expect(f.transactionId == "544")
        #expect(f.explanation.contains("InternalError answering StopTransaction"))
        #expect(f.explanation.contains("the receiver could not process the action"))
        #expect(b.texts(f)[0].contains("[4,"))
        #expect(b.texts(f)[1].contains("[2,"))
    }

    @Test func rejectionIsNoCallError() throws {
        let lines = SeedExcerpts.qrOCPP.replacing(#"{"status":"Accepted"}"#, with: #"{"status":"Rejected"}"#)
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: lines])
        defer { b.remove() }
        #expect(b.of(.callError).isEmpty)
    }

    @Test func callNeverAnswered() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.exchange("StartTransaction", payload: Self.start, answer: nil, latencyMs: 0)])
        defer { b.remove() }
        let found = b.of(.unansweredCall)
        #expect(found.count == 1)
        #expect(found.first?.explanation.contains("StartTransaction (cp->cs") == true)
        #expect(found.first?.connector == 1)
        #expect(b.of(.slowAnswer).isEmpty)
    }

    @Test func lateAnswerIsNotUnanswered() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.exchange("StartTransaction", payload: Self.start, answer: Self.started, latencyMs: 20_000)])
        defer { b.remove() }
        #expect(b.of(.unansweredCall).isEmpty)
        #expect(b.of(.slowAnswer).count == 1)
    }

    @Test func pipeStatusNotificationsAreNotAnsweredOnThePipe() throws {
        // Seed 000: the proxy never logs StatusNotification answers on the pipe.
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.qrOCPP])
        defer { b.remove() }
        #expect(b.of(.unansweredCall).isEmpty)
    }

    @Test func slowAnswer() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.exchange("StartTransaction", payload: Self.start, answer: Self.started, latencyMs: 7_200)])
        defer { b.remove() }
        let found = b.of(.slowAnswer)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.explanation.contains("after 7.2 s"))
        #expect(f.durationMs == 7_200)
        #expect(f.records.count == 2)
    }

    @Test func answerJustUnderTheLimitIsNotSlow() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.exchange("StartTransaction", payload: Self.start, answer: Self.started, latencyMs: 4_900)])
        defer { b.remove() }
        #expect(b.of(.slowAnswer).isEmpty)
    }

    @Test func seedAnswersAreNotSlow() throws {
        // Seed 000: 1129 ms and 1283 ms on the websocket.
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.rfidOCPP + SeedExcerpts.stopRemoteOCPP])
        defer { b.remove() }
        #expect(b.of(.slowAnswer).isEmpty)
        #expect(b.of(.unansweredCall).isEmpty)
    }
}
