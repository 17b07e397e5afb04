import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// No secret of seed 004 survives an export unless masking is switched off.
@Suite struct ExportMaskingTests {
    static let secrets = ["MjEwMzI1MjEyMTA5MDAwMToxMjM0NTY3OA==", "root_123", "12345678"]

    /// Seed 004, plus a StatusNotification whose info carries a URL with a password (so the CSV has a
    /// column that can hold a secret).
    static func bundle() throws -> DiagnosedBundle {
        let info = #"[2021-11-10 16:50:00:000] [2,"300","StatusNotification",{"connectorId":1,"errorCode":"OtherError","info":"ftp://test:root_123@120.79.1.235:21 unreachable","status":"Available"}]"#
        return try DiagnosedBundle([DiagnosedBundle.frames: [SeedExcerpts.tonly, info]], year: nil)
    }

    @Test func csvMasksSecrets() throws {
        let b = try Self.bundle()
        defer { b.remove() }
        let masked = ExportCSVTests.csv(b)
        for s in Self.secrets { #expect(!masked.contains(s), "\(s)") }
        #expect(masked.contains("ftp://test:***@120.79.1.235:21 unreachable"))
        #expect(ExportCSVTests.csv(b, mask: false).contains("root_123"))
    }

    @Test func ndjsonMasksSecretsInTextAndPayload() throws {
        let b = try Self.bundle()
        defer { b.remove() }
        let masked = ExportNDJSONTests.ndjson(b).joined(separator: "\n")
        for s in Self.secrets { #expect(!masked.contains(s), "\(s)") }
        let plain = ExportNDJSONTests.ndjson(b, mask: false).joined(separator: "\n")
        for s in Self.secrets { #expect(plain.contains(s), "\(s)") }

        let docs = try ExportNDJSONTests.objects(ExportNDJSONTests.ndjson(b))
        let config = try #require(docs.first { $0["action"] as? String == "GetConfiguration" && $0["messageType"] as? String == "CALLRESULT" })
        let keys = try #require((config["payload"] as? [String: Any])?["configurationKey"] as? [[String: Any]])
        #expect(keys.first { $0["key"] as? String == "Wifi_Password" }?["value"] as? String == SecretMasker.mask)
        #expect(keys.first { $0["key"] as? String == "HeartbeatInterval" }?["value"] as? String == "60")
    }

    @Test func payloadMaskerKeepsOrdinaryValues() throws {
        guard case .object(var fields) = try JSONParser.parse(#"{"idTag":"201ACCBF","location":"https://example.com/fw.bin","key":"Language","value":"English"}"#).get() else {
            Issue.record("not an object"); return
        }
        fields.append((key: "n", value: .number("+1")))   // as a lenient log parser might keep it
        let clean = PayloadMasker.clean(.object(fields), mask: true)
        #expect(JSONPrinter.compact(clean) == #"{"idTag":"201ACCBF","location":"https://example.com/fw.bin","key":"Language","value":"English","n":"+1"}"#)
    }
}
