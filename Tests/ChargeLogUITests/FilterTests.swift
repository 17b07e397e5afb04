import ChargeLogCore
import Testing
@testable import ChargeLogUI
import TestSupport

@Suite struct FilterTests {
    func shownTexts(_ f: Fixture) -> [String] {
        let t = f.model.timeline!
        return (0..<t.count).map { f.index.text(at: t.position(ofRow: $0)) }
    }

    @Test func oneStreamByKeyAndByCommand() throws {
        let f = try Fixture()
        defer { f.remove() }
        let main = try #require(f.position(containing: "Authorize request accepted"))
        f.model.moveCursor(toPosition: main)
        f.press(.char("s"))
        #expect(shownTexts(f).count == 29)
        #expect(f.model.cursorPosition == main, "the cursor stays on its record")
        #expect((0..<f.model.rowCount).allSatisfy { f.index.stream(at: f.model.timeline!.position(ofRow: $0)) == .mainprocess })
        f.press(.char("s"))
        #expect(f.model.rowCount == f.index.count)
        f.press(.char(":")); f.type("stream ocpp"); f.press(.enter)
        #expect(f.model.rowCount == f.index.files.first { $0.stream == .ocpp }!.recordCount)
        f.press(.char(":")); f.type("stream nope"); f.press(.enter)
        #expect(f.model.statusMessage?.hasPrefix("invalid value 'nope' for :stream") == true)
        f.press(.char(":")); f.type("filter clear"); f.press(.enter)
        #expect(f.model.rowCount == f.index.count)
    }

    @Test func ocppVerbosityAsChargePilotDefinesIt() throws {
        let f = try Fixture(files: ["tonly/frames.log": SeedBundles.tonlyStart + "\n"])
        defer { f.remove() }
        f.press(.char(":")); f.type("verbosity minimal"); f.press(.enter)
        let minimal = shownTexts(f)
        // BootNotification and its answer stay; StatusNotification and its answers go; other lines stay.
        #expect(minimal.contains { $0.contains("\"BootNotification\"") })
        #expect(minimal.contains { $0.hasPrefix(#"[3,"100",{"currentTime""#) })
        #expect(!minimal.contains { $0.contains("StatusNotification") })
        #expect(!minimal.contains { $0.contains(#"[3,"101",{}]"#) })
        #expect(minimal.contains { $0.contains("Socket Connect Server Successful") })
        f.press(.char(":")); f.type("verbosity info"); f.press(.enter)
        let info = shownTexts(f)
        #expect(info.contains { $0.contains("\"Faulted\"") })
        #expect(!info.contains { $0.contains("Heartbeat") })
        f.press(.char(":")); f.type("verbosity debug"); f.press(.enter)
        #expect(shownTexts(f).contains { $0.contains("Heartbeat") })
    }

    @Test func hideHeartbeatsActionAndConnector() throws {
        let f = try Fixture(files: ["tonly/frames.log": SeedBundles.tonlyStart + "\n"])
        defer { f.remove() }
        f.press(.char(":")); f.type("heartbeats hide"); f.press(.enter)
        let texts = shownTexts(f)
        #expect(!texts.contains { $0.contains("Heartbeat") })
        #expect(!texts.contains { $0.hasPrefix(#"[3,"104""#) }, "the heartbeat's answer goes with it")
        #expect(texts.contains { $0.contains("BootNotification") })
        f.press(.char(":")); f.type("action StatusNotification"); f.press(.enter)
        let status = shownTexts(f)
        #expect(!status.isEmpty && status.allSatisfy { $0.contains("StatusNotification") || $0.contains("[3,") })
        f.press(.char(":")); f.type("action -"); f.press(.enter)
        f.press(.char(":")); f.type("connector 1"); f.press(.enter)
        let conn = shownTexts(f)
        #expect(conn.contains { $0.contains("\"connectorId\":1") })
        #expect(!conn.contains { $0.contains("BootNotification") })
    }

    @Test func timeRange() throws {
        let f = try Fixture()
        defer { f.remove() }
        f.press(.char(":")); f.type("since 2024-05-01 14:42"); f.press(.enter)
        f.press(.char(":")); f.type("until 2024-05-01 14:42:15"); f.press(.enter)
        let texts = shownTexts(f)
        #expect(texts.count == 4)
        #expect(texts.allSatisfy { $0.hasPrefix("2024-05-01 14:42:14") })
    }

    @Test func filterDialogTogglesStreamsAndAppliesOnClose() throws {
        let f = try Fixture()
        defer { f.remove() }
        f.press(.char("f"))
        #expect(f.model.render().text().contains("[x] stream MAIN"))
        // First item: the MainProcess stream; Space turns it off.
        f.press(.char(" "))
        #expect(f.model.render().text().contains("[ ] stream MAIN"))
        #expect(f.model.rowCount == f.index.count, "nothing applies before the dialog closes")
        f.press(.escape)
        #expect(f.model.rowCount == f.index.count - 29)
        #expect(f.model.statusMessage == "filter: streams OCPP")
    }

    @Test func filteringIsIncrementalAndKeysStayResponsive() throws {
        // Many records; a text filter with a tiny budget per step.
        var lines: [String] = []
        for i in 0..<6000 {
            let s = String(format: "%02d:%02d", (i / 60) % 60, i % 60)
            lines.append("2024-05-01 1\(i / 3600):\(s).000 +0000 INFO WebSocketTransmitter - Sending: [2,\"h\(i)\",\"Heartbeat\",{}]")
            lines.append("2024-05-01 1\(i / 3600):\(s).100 +0000 INFO WebSocketTransmitter - Received: [3,\"h\(i)\",{\"currentTime\":\"2024-05-01T10:00:00Z\"}]")
            if i % 100 == 0 {
                lines.append("2024-05-01 1\(i / 3600):\(s).200 +0000 INFO PipeSession - [From charging station]: 1=StatusNotification={    \"connectorId\": 1,    \"errorCode\": \"NoError\",    \"status\": \"Charging\"}")
            }
        }
        let f = try Fixture(files: ["ocpp/big.log": lines.joined(separator: "\n") + "\n"])
        defer { f.remove() }
        let m = f.model
        _ = m.handle(.char(":"))
        for c in "heartbeats hide" { _ = m.handle(.char(c)) }
        _ = m.handle(.enter)
        // A first slice runs at once, the rest in slices.
        #expect(m.hasPendingWork && m.timeline!.scanned == 5_000)
        m.runPendingWork(budget: 500)
        #expect(m.hasPendingWork && m.timeline!.scanned == 5_500)
        // Keys work while the scan continues.
        _ = m.handle(.char("j"))
        #expect(m.render().text().contains("filtering"))
        m.finishPendingWork()
        #expect(m.rowCount == 60)
        #expect((0..<60).allSatisfy { f.index.text(at: m.timeline!.position(ofRow: $0)).contains("StatusNotification") })
    }
}

@Suite struct RecordMatcherTests {
    @Test func literalHints() {
        #expect(RecordMatcher.literalHint("14:42:1.\\.5") == nil)
        #expect(RecordMatcher.literalHint("14:42:1..5") == "14:42:1")
        #expect(RecordMatcher.literalHint("works? well") == " well")
        #expect(RecordMatcher.literalHint("StartTransaction.*667") == "StartTransaction")
        #expect(RecordMatcher.literalHint("a|b") == nil)
    }

    @Test func bytesAndRegexAgree() throws {
        let f = try Fixture()
        defer { f.remove() }
        for source in ["pipe ready", "Pipe Ready", "PIPE", "works well", "transactionId\":6.7", "Start.*667", "状态", "x{2}"] {
            let pattern = try TextPattern(source, smartCase: true)
            let m = RecordMatcher(pattern)
            let reader = BlockReader(index: f.index, blockSize: 100)
            for p in 0..<f.index.count {
                let text = f.index.text(at: p)
                #expect(m.matches(reader, position: p) { text } == pattern.matches(text), "\(source) at \(p)")
            }
        }
    }
}

@Suite struct BlockReaderTests {
    @Test func givesEveryRecordsBytesInAnyOrder() throws {
        let f = try Fixture(files: SeedBundles.sungrowBundle.merging(["tonly/frames.log": SeedBundles.tonlyStart + "\n"]) { a, _ in a })
        defer { f.remove() }
        for size in [UInt64(1), 64, 4096] {
            let r = BlockReader(index: f.index, blockSize: size)
            for p in Array(0..<f.index.count) + Array((0..<f.index.count).reversed()) {
                #expect(r.bytes(at: p) == f.index.rawBytes(at: p))
            }
        }
    }
}
