import ChargeLogCore
import Testing
@testable import ChargeLogUI

@Suite struct PlainInsightsTests {
    @Test func requestAndAnswerFindEachOther() throws {
        let f = try Fixture()
        defer { f.remove() }
        let insights = PlainInsights(index: f.index)
        let call = try #require(f.ref(containing: "Sending: [2,\"db8df750"))
        let answer = try #require(f.ref(containing: "Received: [3,\"db8df750"))
        #expect(insights.counterpart(of: call) == answer)
        #expect(insights.counterpart(of: answer) == call)
        // The bare answer is summarised with its request's action.
        let s = try #require(insights.summary(of: answer, text: f.index.text(of: answer)))
        #expect(s.line == "← StartTransaction.conf tx 667 Accepted")
        // Pipe messages pair by pipe id and action.
        let pipeReq = try #require(f.ref(containing: "=StartTransaction="))
        let pipeResp = try #require(f.ref(containing: "=StartTransactionResponse="))
        #expect(insights.counterpart(of: pipeReq) == pipeResp)
        // A line that is no OCPP message has none.
        let other = try #require(f.ref(containing: "works well"))
        #expect(insights.counterpart(of: other) == nil && insights.summary(of: other, text: f.index.text(of: other)) == nil)
    }

    @Test func proxyHopCopies() throws {
        let f = try Fixture()
        defer { f.remove() }
        let insights = PlainInsights(index: f.index)
        // Charger-initiated: the pipe request becomes a WebSocket request with a new id.
        let pipeReq = try #require(f.ref(containing: "=StartTransaction="))
        let wsReq = try #require(f.ref(containing: "Sending: [2,\"db8df750"))
        #expect(insights.hopCopy(of: pipeReq) == wsReq)
        #expect(insights.hopCopy(of: wsReq) == pipeReq)
        // Answers: the copy of an answer is the answer to the request's copy.
        let pipeResp = try #require(f.ref(containing: "=StartTransactionResponse="))
        let wsResp = try #require(f.ref(containing: "Received: [3,\"db8df750"))
        #expect(insights.hopCopy(of: wsResp) == pipeResp)
        // CPO-initiated: the WebSocket id is kept on the pipe.
        let wsRemote = try #require(f.ref(containing: "Received: [2,\"b68ba114"))
        let pipeRemote = try #require(f.ref(containing: "[To charging station]: b68ba114"))
        #expect(insights.hopCopy(of: wsRemote) == pipeRemote)
    }

    @Test func detailShowsRequestThenAnswerWithLatencyAndAnnotations() throws {
        let f = try Fixture()
        defer { f.remove() }
        let insights = PlainInsights(index: f.index)
        let answer = try #require(f.ref(containing: "Received: [3,\"db8df750"))
        let sections = insights.detail(of: answer, text: f.index.text(of: answer))
        #expect(sections.count == 3)
        #expect(sections[0].title.hasPrefix("→ CALL StartTransaction · WebSocket · id db8df750-e2e2-409d-90f6-c746feacae89"))
        #expect(sections[0].title.hasSuffix(" 2168Vocpp/A23C2706768Vocpp.log:\(f.index.files[answer.file].index.lineNumber(answer.record) - 1)"))
        #expect(sections[1].title == "← CALLRESULT StartTransaction · WebSocket · id db8df750-e2e2-409d-90f6-c746feacae89 · +1129 ms · this record")
        let meter = try #require(sections[0].lines.first { $0.text.contains("meterStart") })
        #expect(meter.annotation == "= 7854.588 kWh")
        #expect(sections[2].title == "Proxy hop" && sections[2].lines[0].text.hasPrefix("pipe copy at 2168Vocpp/A23C2706768Vocpp.log:"))
        #expect(!insights.hasAnalysis && insights.transactions.isEmpty)
    }

    @Test func noFramesAreLookedForInMainProcessLines() throws {
        let f = try Fixture()
        defer { f.remove() }
        let insights = PlainInsights(index: f.index)
        let r = try #require(f.ref(containing: "this ocppin is about =  \"RemoteStartTransaction\""))
        #expect(insights.message(of: r) == nil)
    }
}
