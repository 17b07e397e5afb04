import ChargeLogCore
import Foundation

/// Writes `manifest.json`: the small parts through `JSONEncoder` (sorted keys), the exchange list
/// (hundreds of thousands of rows in a large bundle) streamed by hand in the same shape, one per line.
enum ManifestWriter {
    private struct Head: Encodable {
        var manifest: GeneratedManifest
        func encode(to encoder: Encoder) throws {
            var m = manifest
            m.exchanges = []
            try m.encode(to: encoder)
        }
    }

    static func write(_ manifest: GeneratedManifest, to path: String) throws(ChargeLogError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var head: Data
        do { head = try encoder.encode(Head(manifest: manifest)) } catch {
            throw .unreadable(path: path, reason: "cannot encode the manifest: \(error)")
        }
        // The exchange list is empty in `head` (`[\n\n  ]` or `[]`): put the rows there.
        var text = String(decoding: head, as: UTF8.self)
        guard let r = text.range(of: "\"exchanges\" : [") else {
            throw .unreadable(path: path, reason: "unexpected manifest encoding")
        }
        let close = text.range(of: "]", range: r.upperBound..<text.endIndex)!
        var rows = "\n"
        rows.reserveCapacity(manifest.exchanges.count * 260)
        for (i, e) in manifest.exchanges.enumerated() {
            rows += "    " + row(e) + (i + 1 < manifest.exchanges.count ? ",\n" : "\n")
        }
        text.replaceSubrange(r.upperBound..<close.upperBound, with: rows + "  ]")
        head = Data(text.utf8)
        do { try head.write(to: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// One exchange as a compact JSON object (keys sorted, optional fields left out when nil).
    static func row(_ e: GeneratedManifest.Exchange) -> String {
        var out = "{\"action\":" + JSONText.quote(e.action) + ",\"connection\":" + JSONText.quote(e.connection)
            + ",\"direction\":" + JSONText.quote(e.direction)
        if let c = e.errorCode { out += ",\"errorCode\":" + JSONText.quote(c) }
        if let l = e.latencyMs { out += ",\"latencyMs\":" + String(l) }
        out += ",\"requestTime\":" + JSONText.quote(e.requestTime)
        if let r = e.responseTime { out += ",\"responseTime\":" + JSONText.quote(r) }
        out += ",\"result\":" + JSONText.quote(e.result) + ",\"uniqueId\":" + JSONText.quote(e.uniqueId) + "}"
        return out
    }
}
