import Foundation
import Testing
@testable import ChargeLogCore

/// The byte writer exports use per row writes the same text as `JSONText`.
@Suite struct JSONBytesTests {
    @Test("fields, escapes, null and times as JSONText writes them")
    func sameTextAsJSONText() throws {
        var b = JSONBytes()
        b.field("uniqueId", "0d1b5aa3-c8bd-43d8-ad62-278db411dbee", first: true)
        b.field("action", nil)
        b.field("text", "a \"quoted\" \\ word\n\u{1}é")
        b.field("latencyMs", Int64(-1205))
        b.field("none", Optional<Int64>.none)
        b.field("at", time: 1_714_574_534_595)
        b.field("never", time: nil)
        b.close()
        let expected = JSONText.object([
            ("uniqueId", JSONText.quote("0d1b5aa3-c8bd-43d8-ad62-278db411dbee")), ("action", "null"),
            ("text", JSONText.quote("a \"quoted\" \\ word\n\u{1}é")), ("latencyMs", "-1205"), ("none", "null"),
            ("at", "\"2024-05-01T14:42:14.595Z\""), ("never", "null"),
        ])
        #expect(String(decoding: b.bytes, as: UTF8.self) == expected)
        // It parses back to the same values.
        let parsed = try JSONParser.parse(b.bytes).get()
        #expect(parsed["text"]?.stringValue == "a \"quoted\" \\ word\n\u{1}é")
        b.clear()
        #expect(b.bytes.isEmpty)
    }
}
