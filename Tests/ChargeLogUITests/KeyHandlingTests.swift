import ChargeLogCore
import Foundation
import Testing
@testable import ChargeLogUI
import TestSupport

@Suite struct KeyHandlingTests {
    @Test func cursorMovesWithVimAndLessKeys() throws {
        let f = try Fixture()
        defer { f.remove() }
        let m = f.model
        #expect(m.cursorPosition == 0)
        f.press(.char("j"), .down)
        #expect(m.cursorPosition == 2)
        f.press(.char("k"))
        #expect(m.cursorPosition == 1)
        f.press(.char("G"))
        #expect(m.cursorPosition == f.index.count - 1)
        f.press(.char("g"))
        #expect(m.cursorPosition == 0)
        f.press(.pageDown)
        #expect(m.cursorPosition == m.timelineHeight)
        f.press(.pageUp, .up)
        #expect(m.cursorPosition == 0)
    }

    @Test func searchFindsForwardAndBackward() throws {
        let f = try Fixture()
        defer { f.remove() }
        f.press(.char("/"))
        f.type("works well")
        f.press(.enter)
        let first = try #require(f.model.cursorPosition)
        #expect(f.index.text(at: first).contains("works well"))
        f.press(.char("n"))
        let second = try #require(f.model.cursorPosition)
        #expect(second > first && f.index.text(at: second).contains("works well"))
        // Past the last match the search goes on from the top (as vim and less), and says so.
        f.press(.char("n"))
        #expect(f.model.statusMessage == "search hit BOTTOM, continued at TOP")
        #expect(f.model.cursorPosition == first)
        f.press(.char("N"))
        #expect(f.model.cursorPosition == second && f.model.statusMessage == "search hit TOP, continued at BOTTOM")
        f.press(.char("N"))
        #expect(f.model.cursorPosition == first)
    }

    @Test func searchIsSmartCaseAndBadRegexIsReported() throws {
        let f = try Fixture()
        defer { f.remove() }
        f.press(.char("/")); f.type("PIPE READY"); f.press(.enter)
        #expect(f.model.statusMessage == "/PIPE READY/ not found")
        f.press(.char("/")); f.type("pipe ready"); f.press(.enter)
        #expect(f.cursorText.hasSuffix("Pipe Ready"))
        f.press(.char("/")); f.type("(unclosed"); f.press(.enter)
        #expect(f.model.statusMessage?.contains("invalid value '(unclosed'") == true)
    }

    @Test func enterJumpsBetweenRequestAndAnswer() throws {
        let f = try Fixture()
        defer { f.remove() }
        let call = try #require(f.position(containing: "Sending: [2,\"db8df750"))
        let answer = try #require(f.position(containing: "Received: [3,\"db8df750"))
        f.model.moveCursor(toPosition: call)
        f.press(.enter)
        #expect(f.model.cursorPosition == answer)
        f.press(.enter)
        #expect(f.model.cursorPosition == call)
        // o: the same request on the pipe.
        f.press(.char("o"))
        #expect(f.cursorText.contains("=StartTransaction="))
        // A line without a counterpart says so and stays.
        let other = try #require(f.position(containing: "Pipe Ready"))
        f.model.moveCursor(toPosition: other)
        f.press(.enter)
        #expect(f.model.cursorPosition == other)
        #expect(f.model.statusMessage?.hasPrefix("no counterpart") == true)
    }

    @Test func errorsForwardAndBack() throws {
        let f = try Fixture()
        defer { f.remove() }
        f.press(.char("e"))
        #expect(f.cursorText.contains("Received: [4,"))
        f.press(.char("e"))
        #expect(f.model.statusMessage == "no error below (the problems found come with the OCPP analysis)")
        f.press(.char("G"), .char("E"))
        #expect(f.cursorText.contains("Received: [4,"))
    }

    @Test func transactionIdWithoutAnalysisFindsItsFirstMention() throws {
        let f = try Fixture()
        defer { f.remove() }
        f.press(.char("t"))
        f.type("667")
        f.press(.enter)
        #expect(f.cursorText.contains(#"Received: [3,"db8df750-e2e2-409d-90f6-c746feacae89",{"transactionId":667"#))
        f.press(.char(":")); f.type("tx 999"); f.press(.enter)
        #expect(f.model.statusMessage == "no transaction with id 999 in this bundle")
    }

    @Test func transactionWithAnalysisPutsCursorOnFirstRecordAndSelectsIt() throws {
        var pipeReq: RecordRef?
        let f = try Fixture(insights: { index in
            let fx = FakeInsights(index: index)
            pipeReq = (0..<index.count).map(index.ref(at:)).first { index.text(of: $0).contains("=StartTransaction=") }
            let all = (0..<index.count).map(index.ref(at:)).filter {
                let t = index.text(of: $0)
                return t.contains("db8df750") || t.contains("060349123358459bad89d758458796ef") || t.contains("Authorize request accepted")
            }
            fx.transactions = SampleTransactions.rows(firstRecord: pipeReq)
            fx.correlatedRecords = ["667": all]
            fx.series = ["667": SampleTransactions.series()]
            return fx
        })
        defer { f.remove() }
        f.press(.char("t")); f.type("667"); f.press(.enter)
        #expect(f.model.cursorRecord == pipeReq)
        #expect(f.model.selectedTransactionRow?.id == "667")
        // ] walks the transaction's records in any stream, [ walks back.
        f.press(.char("]"))
        #expect(f.cursorText.contains("SendRequest Queue size: 1"))
        f.press(.char("]"), .char("]"))
        #expect(f.cursorText.contains("Received: [3,\"db8df750"))
        f.press(.char("["))
        #expect(f.cursorText.contains("Sending: [2,\"db8df750"))
        f.press(.char("g"), .char("["))
        #expect(f.model.cursorPosition == 0)
        // i: by idTag.
        f.press(.char("i")); f.type("0482466A9E6F80"); f.press(.enter)
        #expect(f.model.selectedTransactionRow?.id == "544")
        #expect(f.model.statusMessage?.hasPrefix("transaction 544 has no records") == true)
    }

    @Test func gotoCommandTakesAUserTime() throws {
        let f = try Fixture()
        defer { f.remove() }
        f.press(.char(":")); f.type("goto 2024-05-01 14:42"); f.press(.enter)
        #expect(f.cursorText.hasPrefix("2024-05-01 14:42:14.595"))
        f.press(.char(":")); f.type("goto yesterday"); f.press(.enter)
        #expect(f.model.statusMessage?.contains("invalid value 'yesterday' for :goto") == true)
        f.press(.char(":")); f.type("bogus"); f.press(.enter)
        #expect(f.model.statusMessage == "unknown command :bogus (? lists the commands)")
        #expect(f.press(.char(":"), .char("q"), .enter) == [.quit])
    }

    @Test func marksAndCopyMaskSecrets() throws {
        let f = try Fixture(files: ["tonly/frames.log": SeedBundles.tonlyStart + "\n"])
        defer { f.remove() }
        let auth = try #require(f.position(containing: "Authorization: Basic"))
        f.model.moveCursor(toPosition: auth)
        f.press(.char("m"))
        #expect(f.model.marks.count == 1)
        let effects = f.press(.char("c"))
        guard case .writeToTerminal(let seq)? = effects.first else { Issue.record("no OSC 52"); return }
        #expect(seq.hasPrefix("\u{1B}]52;c;") && seq.hasSuffix("\u{07}"))
        let b64 = String(seq.dropFirst(7).dropLast())
        let copied = String(decoding: Data(base64Encoded: b64)!, as: UTF8.self)
        #expect(copied.contains("Authorization: Basic ***"))
        #expect(!copied.contains("MjEwMzI1MjEyMTA5MDAwMToxMjM0NTY3OA=="))
        // m again on the same row unmarks it.
        f.model.moveCursor(toPosition: auth)
        f.press(.char("m"))
        #expect(f.model.marks.isEmpty)
    }

    @Test func panesCycleAndMaximise() throws {
        let f = try Fixture()
        defer { f.remove() }
        #expect(f.model.focusedPane == .timeline && !f.model.layout.single)
        f.press(.tab)
        #expect(f.model.focusedPane == .detail)
        f.press(.char("z"))
        #expect(f.model.layout.single && f.model.layout.panes.keys.contains(.detail))
        f.press(.tab, .tab, .tab)
        #expect(f.model.focusedPane == .timeline)
        f.press(.backTab)
        #expect(f.model.focusedPane == .transactions)
        f.press(.char("z"))
        #expect(!f.model.layout.single)
    }

    @Test func followTogglesAndQQuits() throws {
        let f = try Fixture()
        defer { f.remove() }
        #expect(f.press(.char("F")) == [.follow(true)])
        #expect(f.model.following && f.model.cursorPosition == f.index.count - 1)
        #expect(f.model.render().text().contains("· following"))
        #expect(f.press(.char("F")) == [.follow(false)])
        #expect(!f.model.following && f.model.statusMessage == "stopped following")
        #expect(f.press(.char("q")) == [.quit])
        #expect(f.press(.ctrl("c")) == [.quit])
    }

    @Test func refreshTailsAtTheEndAndOtherwiseKeepsTheCursorsRecord() throws {
        let base = SeedBundles.sungrowBundle
        let f = try Fixture(files: base)
        defer { f.remove() }
        f.press(.char("G"))
        // The proxy log grows by one line.
        let grown = base["2168Vocpp/A23C2706768Vocpp.log"]! + "2024-05-01 14:42:27.759 +0000 INFO PipeSession - Pipe Ready\n"
        try grown.write(to: f.bundle.dir.appendingPathComponent("2168Vocpp/A23C2706768Vocpp.log"), atomically: true, encoding: .utf8)
        let next = try f.bundle.index()
        f.model.refresh(index: next, insights: PlainInsights(index: next))
        #expect(f.model.cursorPosition == next.count - 1)
        #expect(next.text(at: f.model.cursorPosition!).hasSuffix("14:42:27.759 +0000 INFO PipeSession - Pipe Ready"))
        // Not at the end: the cursor stays on its record.
        let remote = try #require((0..<next.count).first { next.text(at: $0).contains("Received: [2,\"b68ba114") })
        f.model.moveCursor(toPosition: remote)
        f.model.refresh(index: next, insights: PlainInsights(index: next))
        #expect(f.model.cursorPosition == remote)
        // A transaction chosen in the pane is chosen again once the grown bundle is analysed.
        f.model.replaceInsights(FakeInsights(index: next, transactions: SampleTransactions.rows(firstRecord: nil)))
        f.model.selectTransaction(to: 1)
        f.model.refresh(index: next, insights: PlainInsights(index: next))
        #expect(f.model.selectedTransactionRow == nil)
        f.model.replaceInsights(FakeInsights(index: next, transactions: SampleTransactions.rows(firstRecord: nil)))
        #expect(f.model.selectedTransactionRow?.id == "667")
    }

    @Test func quitWorksWhileLoading() {
        let m = ViewerModel()
        m.loadingProgress(done: 10, total: 100)
        #expect(m.handle(.char("j")).isEmpty)
        #expect(m.handle(.char("q")) == [.quit])
    }

    @Test func everyHelpKeyIsHandled() throws {
        // Single-character keys listed in the help do something: a state change, a message, an effect.
        let f = try Fixture(insights: { FakeInsights(index: $0, transactions: SampleTransactions.rows(firstRecord: nil)) })
        defer { f.remove() }
        let keys = KeyHelp.groups.flatMap(\.entries).flatMap { $0.keys.split(separator: " ") }
            .filter { $0.count == 1 && $0.first!.isASCII }.map { Character(String($0)) }
        #expect(keys.count >= 25)
        for k in keys {
            f.model.moveCursor(toPosition: 3)
            _ = f.model.handle(.char("l"))  // scrolled right, so h and 0 have something to undo
            f.model.message = nil
            let before = f.model.render()
            let effects = f.model.handle(.char(k))
            f.model.finishPendingWork()
            let after = f.model.render()
            #expect(!effects.isEmpty || before != after || f.model.statusMessage != nil, "key \(k) did nothing")
            // Close whatever opened.
            _ = f.model.handle(.escape)
        }
    }
}

@Suite struct InsightSwapTests {
    @Test func analysisArrivingLaterReplacesPlainInsights() throws {
        let f = try Fixture()
        defer { f.remove() }
        f.press(.char(":")); f.type("heartbeats hide"); f.press(.enter)
        #expect(f.model.render().text().contains("transactions come from the OCPP"))
        let first = try #require(f.ref(containing: "=StartTransaction="))
        f.model.analysisRunning = true
        f.press(.char("j"))
        #expect(f.model.render().rowText(23).hasPrefix(" analysing OCPP messages…"))
        f.model.replaceInsights(FakeInsights(index: f.index, transactions: SampleTransactions.rows(firstRecord: first)))
        f.model.finishPendingWork()
        #expect(f.model.statusMessage == "OCPP analysis ready: 2 transaction(s)" && !f.model.analysisRunning)
        f.press(.char("t")); f.type("667"); f.press(.enter)
        #expect(f.model.cursorRecord == first)
        #expect(f.model.render().text().contains("667     1   05-01 14:42"))
    }
}

@Suite struct MouseTests {
    @Test func wheelScrollsAndClickSelectsARowOrFocusesAPane() throws {
        let f = try Fixture()
        defer { f.remove() }
        _ = f.model.handle(.mouse(MouseEvent(.wheelDown, row: 5, col: 10)))
        #expect(f.model.cursorPosition == 3)
        _ = f.model.handle(.mouse(MouseEvent(.wheelUp, row: 5, col: 10)))
        #expect(f.model.cursorPosition == 0)
        // Row 1 is the timeline's title; row 2 its first record.
        _ = f.model.handle(.mouse(MouseEvent(.click, row: 6, col: 20)))
        #expect(f.model.cursorPosition == 4)
        let detail = try #require(f.model.layout.panes[.detail])
        _ = f.model.handle(.mouse(MouseEvent(.click, row: detail.row + 2, col: detail.col + 3)))
        #expect(f.model.focusedPane == .detail && f.model.cursorPosition == 4)
    }
}
