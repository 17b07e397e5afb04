import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// NDJSON of records with decoded OCPP fields, loadable line by line and as a `_bulk` body.
@Suite struct ExportNDJSONTests {
    static func ndjson(_ b: DiagnosedBundle, mask: Bool = true, bulkIndex: String? = nil) -> [String] {
        var out: [String] = []
        RecordNDJSON.write(b.analysis, mask: mask, bulkIndex: bulkIndex) { out.append($0) }
        return out
    }

    static func objects(_ lines: [String]) throws -> [[String: Any]] {
        try lines.map { line in
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(o as? [String: Any], "\(line.prefix(200))")
        }
    }

    @Test func everyLineParsesAndCarriesTheTimelineFields() throws {
        let b = try ExportCSVTests.sungrow()
        defer { b.remove() }
        let lines = Self.ndjson(b)
        #expect(lines.count == b.index.count, "one document per record")
        for o in try Self.objects(lines) {
            #expect(o["time"] is String)
            #expect(o["stream"] is String)
            #expect(o["file"] is String)
            #expect(o["line"] is Int)
            #expect(o["text"] is String)
        }
    }

    @Test func ocppFieldsOfBothProxyCopies() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.stopRemoteOCPP])
        defer { b.remove() }
        let docs = try Self.objects(Self.ndjson(b)).filter { $0["action"] as? String == "StopTransaction" }
        #expect(docs.count == 4, "the call and its answer, each on the pipe and the websocket")
        let ws = try #require(docs.first { $0["connection"] as? String == "websocket" && $0["messageType"] as? String == "CALL" })
        #expect(ws["primary"] as? Bool == true)
        #expect(ws["direction"] as? String == "cp->cs")
        #expect(ws["uniqueId"] as? String == "90261d45-72e1-455c-bc55-6a4037f1b0e3")
        #expect(ws["transactionId"] as? String == "670")
        #expect(ws["connector"] as? Int == 2, "from the transaction: the websocket copy names no connector")
        #expect(ws["idTag"] as? String == "AT-EST-CDPATEVN1-X")
        let payload = try #require(ws["payload"] as? [String: Any])
        #expect(payload["meterStop"] as? Int == 11730144)
        #expect((payload["transactionData"] as? [Any])?.count == 5)
        let pipe = try #require(docs.first { $0["connection"] as? String == "pipe" && $0["messageType"] as? String == "CALL" })
        #expect(pipe["primary"] as? Bool == false)
        let answer = try #require(docs.first { $0["connection"] as? String == "websocket" && $0["messageType"] as? String == "CALLRESULT" })
        #expect(answer["status"] as? String == "Accepted")
        #expect(answer["transactionId"] as? String == "670")
    }

    @Test func callErrorFields() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.scientificStopOCPP])
        defer { b.remove() }
        let docs = try Self.objects(Self.ndjson(b))
        let error = try #require(docs.first { $0["messageType"] as? String == "CALLERROR" })
        #expect(error["errorCode"] as? String == "InternalError")
        #expect((error["errorDescription"] as? String)?.hasPrefix("An internal error occured") == true)
        #expect((error["payload"] as? [String: Any])?["exception"] is String)
        #expect(error["action"] as? String == "StopTransaction")
    }

    @Test func bulkBodyAlternatesActionsAndDocuments() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.rfidOCPP])
        defer { b.remove() }
        let lines = Self.ndjson(b, bulkIndex: "chargers")
        #expect(lines.count == 2 * b.index.count)
        let objects = try Self.objects(lines)
        for (k, o) in objects.enumerated() {
            if k % 2 == 0 {
                #expect((o["index"] as? [String: Any])?["_index"] as? String == "chargers")
            } else {
                #expect(o["time"] is String)
            }
        }
    }
}
