import ChargeLogCore
import Testing
@testable import ChargeLogUI

/// A ChargePilot download in the viewer: each row reads as its OCPP message, and a row that holds
/// both a request and its answer shows each in its own section.
@Suite struct ChargePilotDetailTests {
    static let csv = ChargePilotCSV.headers.joined(separator: ",") + "\r\n"
        + "2024-11-26T09:58:52Z,Authorize,Charger 5,,,,,,,,43434,,,,Accepted,,,,,,,,,,,,\r\n"
        + "2024-11-26T09:58:55Z,StartTransaction,Charger 5,1,,2024-11-26T09:58:54Z,,,,,43434,,4356987,,Accepted,,,,,,,,,,,,\r\n"

    @Test func requestAndAnswerOfOneRowEachInTheirSection() throws {
        let f = try Fixture(files: ["cp/ocpp-log.csv": Self.csv], insights: { OCPPInsights(analysis: OCPPAnalysis.build($0)) })
        defer { f.remove() }
        let row = try #require(f.ref(containing: ",Authorize,"))
        let insights = try #require(f.model.insights)
        #expect(insights.summary(of: row, text: f.index.text(of: row))?.line == "→ Authorize idTag 43434")
        let sections = insights.detail(of: row, text: f.index.text(of: row))
        let request = try #require(sections.first { $0.title == "Request (cp->cs)" })
        let answer = try #require(sections.first { $0.title == "Answer (cs->cp)" })
        #expect(request.lines.map(\.text) == [#"{"idTag": "43434"}"#])
        #expect(answer.lines.map(\.text) == [#"{"idTagInfo": {"status": "Accepted"}}"#])
        // Before the analysis, the row is summarised from the file's own header too.
        let plain = PlainInsights(index: f.index)
        let start = try #require(f.ref(containing: ",StartTransaction,"))
        #expect(plain.summary(of: start, text: f.index.text(of: start))?.line == "→ StartTransaction conn 1 idTag 43434")
    }
}
