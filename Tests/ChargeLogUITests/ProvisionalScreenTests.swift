import ChargeLogCore
@testable import ChargeLogUI
import Foundation
import Testing
import TestSupport

/// The first screen comes from the provisional index (the files read while the largest is still read);
/// it says so, and when the full index replaces it a cursor the user moved stays on its record.
@Suite struct ProvisionalScreenTests {
    @Test func theFirstScreenSaysWhatIsStillReadAndTheCursorSurvivesTheFullIndex() throws {
        let run = try ProvisionalRun(prefix: "chargelog-ui-provisional")
        defer { run.remove() }
        let full = run.full
        let early = try #require(run.provisional.first)
        let model = ViewerModel(rows: 30, cols: 160, bundleName: "gen")
        model.attach(index: early, insights: PlainInsights(index: early))
        let first = model.render().text()
        #expect(first.contains("\(early.files.count) of \(full.files.count) files"))
        #expect(first.contains("showing \(early.files.count) file(s) while A23C2706768Vocpp.log is read; the timeline fills in then"))
        // Following waits for the full index.
        #expect(model.handle(.char("F")).isEmpty)
        #expect(!model.following)
        for _ in 0..<7 { _ = model.handle(.down) }
        let ref = try #require(model.cursorRecord)
        let path = early.files[ref.file].displayPath
        model.marks = [ref]
        // Text read through the provisional index is cached under its file numbers.
        for p in 0..<min(400, early.count) { _ = model.text(at: p) }
        model.attach(index: full, insights: PlainInsights(index: full))
        let now = try #require(model.cursorRecord)
        #expect(full.files[now.file].displayPath == path)
        #expect(now.record == ref.record)
        // Every record's own text, not one cached under its old number; the mark moved with its record.
        #expect((0..<400).allSatisfy { model.text(at: $0) == full.text(at: $0) })
        #expect(model.marks == [now])
        let text = model.render().text()
        #expect(text.contains("\(full.files.count) files"))
        #expect(!text.contains("the timeline fills in then"))
    }
}

