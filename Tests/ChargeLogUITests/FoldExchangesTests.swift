import ChargeLogCore
import Foundation
import Testing
@testable import ChargeLogUI
import TestSupport

/// `x` (one row per exchange) and `H` (hide housekeeping) on the seeds' Sungrow proxy log
/// (`SeedBundles.proxyLog`, 17 lines, counted by hand):
/// - StopTransaction 544: WebSocket call, CALLERROR answer, WARN line;
/// - RemoteStart: WebSocket call, its pipe copy, the pipe answer, `Pipe Ready`, the WebSocket answer, a
///   pipe StatusNotification;
/// - StartTransaction 667: pipe call, «works well», queue line, WebSocket copy, WebSocket answer, queue
///   line, «works well», pipe answer.
/// Folded: the 2 later hop copies and the 3 answers go (the CALLERROR stays): 11 rows. Housekeeping:
/// `Pipe Ready`, 2 × «works well», 2 queue lines go: 12 rows. Both: 6.
@Suite struct FoldExchangesTests {
    static func analysed() throws -> Fixture {
        try Fixture(insights: { OCPPInsights(analysis: OCPPAnalysis.build($0)) })
    }

    /// The texts of the shown rows that come from the proxy log.
    static func proxyRows(_ f: Fixture) -> [String] {
        let proxy = f.index.files.firstIndex { $0.displayPath.hasSuffix("A23C2706768Vocpp.log") }!
        return (0..<f.model.rowCount).compactMap { row in
            let p = f.model.timeline!.position(ofRow: row)
            return f.index.ref(at: p).file == proxy ? f.index.text(at: p) : nil
        }
    }

    @Test func everyCopyWithoutToggles() throws {
        let f = try Self.analysed()
        defer { f.remove() }
        #expect(Self.proxyRows(f).count == 17)
    }

    @Test("x: one row per exchange, the request's first copy; CALLERROR and plain lines stay")
    func foldKeepsOneRowPerExchange() throws {
        let f = try Self.analysed()
        defer { f.remove() }
        f.press(.char("x"))
        let rows = Self.proxyRows(f)
        #expect(rows.count == 11)
        #expect(rows.filter { $0.contains("RemoteStartTransaction") }.count == 1)
        #expect(rows.contains { $0.contains("Received: [2,\"b68ba114") })           // the WebSocket call, logged first
        #expect(!rows.contains { $0.contains("RemoteStartTransactionResponse") })
        #expect(rows.filter { $0.contains("\"StartTransaction\"") || $0.contains("=StartTransaction=") }.count == 1)
        #expect(rows.contains { $0.contains("[From charging station]: 060349123358459bad89d758458796ef=StartTransaction=") })
        #expect(!rows.contains { $0.contains("\"transactionId\":667,\"idTagInfo\"") })
        #expect(rows.contains { $0.contains("Received: [4,\"9c5b687a") })           // CALLERROR: a row of its own
        #expect(f.model.filter.label().contains("one row per exchange"))
        Snapshot.assert(f.model.render(), "fold-exchanges-80x24")
        f.press(.char("x"))
        #expect(Self.proxyRows(f).count == 17)
    }

    @Test("H: queue bookkeeping, «works well» and «Pipe Ready» hidden; OCPP messages kept")
    func housekeepingHidden() throws {
        let f = try Self.analysed()
        defer { f.remove() }
        f.press(.char("H"))
        let rows = Self.proxyRows(f)
        #expect(rows.count == 12)
        #expect(!rows.contains { $0.contains("RequestQueue") || $0.contains("works well") || $0.contains("Pipe Ready") })
        f.press(.char("x"))
        #expect(Self.proxyRows(f).count == 6)
        // Only the proxy's stream (s), cursor on StartTransaction 667 (the 6th row): its detail holds
        // the request, the answer and the latency.
        f.press(.char("s"))
        f.press(.char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
        #expect(f.cursorText.contains("=StartTransaction="))
        Snapshot.assert(f.model.render(), "fold-housekeeping-80x24")
    }

    /// Near miss: a line that talks about the queue or says «works well» in another shape stays.
    @Test func housekeepingNearMissStays() {
        #expect(HousekeepingLine.matches(Array("2024-05-01 14:42:14.616 +0000 INFO RequestQueue - SendRequest Queue size: 1".utf8)))
        #expect(!HousekeepingLine.matches(Array("2024-05-01 14:42:14 INFO Charger - request queue full, the charger works well.".utf8)))
        #expect(!HousekeepingLine.matches(Array("2024-04-28 14:16:06.798 +0000 INFO PipeSession - Pipe closed".utf8)))
    }

    /// The seed's RemoteStart exchange with its answer turned to `Rejected` (made here, on both hops):
    /// folded, the refusal is found on the request's row, once, and not again on its hidden copies.
    @Test("e under x: a refused answer folded into its request is found on that row, once")
    func errorOfAFoldedAnswerIsFoundOnce() throws {
        let lines = SeedExcerpts.qrOCPP.map { $0.replacingOccurrences(of: "\"Accepted\"", with: "\"Rejected\"") }
        let f = try Fixture(files: ["2168Vocpp/A23C2706768Vocpp.log": lines.joined(separator: "\n") + "\n"],
                            insights: { OCPPInsights(analysis: OCPPAnalysis.build($0)) })
        defer { f.remove() }
        f.press(.char("x"))
        #expect(Self.proxyRows(f).count == 3)   // RemoteStart call, Pipe Ready, StatusNotification
        f.press(.char("G"))
        f.press(.char("E"))
        #expect(f.cursorText.contains("Received: [2,\"b68ba114"))
        let first = f.model.cursor
        f.press(.char("E"))
        // Nothing else is an error: the search wraps back to the same row.
        #expect(f.model.cursor == first)
    }
}
