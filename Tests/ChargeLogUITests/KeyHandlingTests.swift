import ChargeLogCore
import Foundation
import Testing
@testable import ChargeLogUI

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
        f.press(.char("n"))
        #expect(f.model.statusMessage == "/works well/ not found below")
        #expect(f.model.cursorPosition == second)
        f.press(.char("N"))
        #expect(f.model.cursorPosition == first)
    }

    @Test func searchIsSmartCaseAndBadRegexIsReported() throws {
        let f = try Fixture()
        defer { f.remove() }
        f.press(.char("/")); f.type("PIPE READY"); f.press(.enter)
        #expect(f.model.statusMessage == "/PIPE READY/ not found below")
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
        #expect(f.model.statusMessage == "no error below")
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
        f.press(.char("i")); f.type("046679FA246C80"); f.press(.enter)
        #expect(f.model.selectedTransactionRow?.id == "601")
        #expect(f.model.statusMessage?.hasPrefix("transaction 601 has no records") == true)
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
        let f = try Fixture(files: ["tonly/frames.log": Seeds.tonly + "\n"])
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

    @Test func followIsAnnouncedAsNotYetAvailableAndQQuits() throws {
        let f = try Fixture()
        defer { f.remove() }
        f.press(.char("F"))
        #expect(f.model.statusMessage == "follow mode not available yet (it comes with issue 5)")
        #expect(f.press(.char("q")) == [.quit])
        #expect(f.press(.ctrl("c")) == [.quit])
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
        f.model.replaceInsights(FakeInsights(index: f.index, transactions: SampleTransactions.rows(firstRecord: first)))
        f.model.finishPendingWork()
        #expect(f.model.statusMessage == "OCPP analysis ready: 2 transaction(s)")
        f.press(.char("t")); f.type("667"); f.press(.enter)
        #expect(f.model.cursorRecord == first)
        #expect(f.model.render().text().contains("667     1  05-01 14:42"))
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
