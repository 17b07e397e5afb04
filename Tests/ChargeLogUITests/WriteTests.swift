import ChargeLogCore
import Foundation
import Testing
@testable import ChargeLogUI
import TestSupport

/// `:write PATH` and the copy's OSC 52 caveat. Bundles: the seeds' Sungrow bundle (its proxy log
/// holds StopTransaction 544, logged on the pipe and the WebSocket, answered by a CALLERROR) and
/// the TONLY seed (line `Authorization: Basic MjEw…` in its handshake).
@Suite struct WriteTests {
    static func analysed() throws -> Fixture {
        try Fixture(insights: { OCPPInsights(analysis: OCPPAnalysis.build($0)) })
    }

    /// The temporary folder's random name, as many `U`s (the screen cuts it at the same place every run).
    static func hideTempName(_ s: String) -> String {
        guard let r = try? Regex("chargelog-ui-[0-9A-Fa-f-]*") else { return s }
        return s.replacing(r) { m in "chargelog-ui-" + String(repeating: "U", count: s[m.range].count - 13) }
    }

    static func read(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

    @Test func csvWritesTheFilteredRowsAsTheChargePilotDownload() throws {
        let f = try Self.analysed()
        defer { f.remove() }
        f.press(.char(":")); f.type("action StopTransaction"); f.press(.enter)
        let shown = f.model.rowCount
        let out = f.bundle.root.appendingPathComponent("stop.csv")
        f.press(.char(":")); f.type("write " + out.path); f.press(.enter)
        let lines = Self.read(out).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // The download's 27 columns, then one row for the one StopTransaction (both hop copies are one message).
        #expect(lines.first == ChargePilotCSV.headers.joined(separator: ","))
        #expect(lines.count == 2)
        #expect(lines.last?.contains(",StopTransaction,") == true && lines.last?.contains("544") == true)
        #expect(f.model.statusMessage == "wrote \(shown) filtered row(s) to \(out.path) (ChargePilot CSV, 1 OCPP message row(s), secrets masked)")
        Snapshot.assert(f.model.render(), "write-csv-80x24", transform: Self.hideTempName)
    }

    @Test func ndjsonWritesOneDocumentPerMessageOfTheMarkedRows() throws {
        let f = try Self.analysed()
        defer { f.remove() }
        f.press(.char("/")); f.type("Sending: \\[2,\"9c5b687a"); f.press(.enter)
        f.press(.char("m"))
        let out = f.bundle.root.appendingPathComponent("marked.ndjson")
        f.press(.char(":")); f.type("write " + out.path); f.press(.enter)
        let docs = Self.read(out).split(separator: "\n")
        #expect(docs.count == 1)
        #expect(docs.first?.contains("\"action\":\"StopTransaction\"") == true)
        #expect(f.model.statusMessage == "wrote 1 marked row(s) to \(out.path) (NDJSON, 1 document(s), secrets masked)")
    }

    @Test func otherNamesWriteRawLinesWithSecretsMasked() throws {
        let f = try Fixture(files: ["tonly/frames.log": SeedBundles.tonlyStart + "\n"])
        defer { f.remove() }
        f.press(.char("/")); f.type("Authorization: Basic"); f.press(.enter)
        f.press(.char("m"))
        let out = f.bundle.root.appendingPathComponent("handshake.txt")
        f.press(.char(":")); f.type("write " + out.path); f.press(.enter)
        #expect(Self.read(out).contains("Authorization: Basic ***\n") && !Self.read(out).contains("MjEwMzI1"))
        #expect(f.model.statusMessage == "wrote 1 marked row(s) to \(out.path) (raw lines, secrets masked)")
        // A folder that does not exist: said, nothing written.
        f.press(.char(":")); f.type("write /nonexistent-dir/x.txt"); f.press(.enter)
        #expect(f.model.statusMessage == "cannot write /nonexistent-dir/x.txt: no folder /nonexistent-dir")
        // .csv without the OCPP analysis: said why.
        f.press(.char(":")); f.type("write " + out.path + ".csv"); f.press(.enter)
        #expect(f.model.statusMessage?.hasPrefix("writing .csv needs the OCPP analysis") == true)
    }

    @Test func copySaysWhenTheTerminalMayNotTakeOSC52() throws {
        let f = try Fixture()
        defer { f.remove() }
        f.model.environment = ["TERM": "xterm-256color"]
        #expect(f.press(.char("c")).count == 1)
        #expect(f.model.statusMessage == "copied 1 row(s) to the clipboard (OSC 52, secrets masked)")
        f.model.environment = ["TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0"]
        f.press(.char("c"))
        #expect(f.model.statusMessage == "copied 1 row(s) to the clipboard (OSC 52, secrets masked); inside tmux the copy arrives only with `set -g set-clipboard on` (:write PATH saves to a file)")
        f.model.environment = ["TERM": "vt100"]
        f.press(.char("c"))
        #expect(f.model.statusMessage?.contains("TERM=vt100 may not support OSC 52") == true)
    }
}
