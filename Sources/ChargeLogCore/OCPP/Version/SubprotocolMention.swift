import Foundation

/// A log line naming the negotiated OCPP WebSocket subprotocol: `Sec-WebSocket-Protocol: ocpp1.6`
/// (a handshake's header, seed 004), `Websocket Subprotocol matched: ocpp1.6` (Home Assistant,
/// ha_ocpp_carfeeder.log), `subprotocol ocpp2.0.1`. A line must say "protocol" and name exactly one
/// of `ocpp1.6`, `ocpp2.0`, `ocpp2.0.1`, `ocpp2.1`; a client's offer of several is not a choice. A line
/// that carries an OCPP frame is not one: text inside a payload is the message's, not the connection's.
public struct SubprotocolMention: Sendable, Equatable {
    public var ref: RecordRef
    /// `1.6`, `2.0.1` (`ocpp2.0` is read as 2.0.1's predecessor name and kept as `2.0`), `2.1`.
    public var version: String
    /// The line's text, trimmed.
    public var text: String

    static let versions: Set<String> = ["1.5", "1.6", "2.0", "2.0.1", "2.1"]

    /// The one version a record's bytes name, or nil.
    static func version(in b: UnsafeBufferPointer<UInt8>) -> String? {
        // The versions first: most lines name no `ocpp` followed by digits, and the scan asks every line.
        var found = Set<String>()
        var i = 0
        while i + 7 <= b.count {
            guard let at = Bytes.find(b, "ocpp", anchor: UInt8(ascii: "p"), from: i) else { break }
            var j = at + 4
            // Every version starts with a digit (`ocpp.ChargePoint`, a Java package, names none).
            guard j < b.count, b[j] >= 0x30 && b[j] <= 0x39 else { i = j; continue }
            var v = ""
            while j < b.count, (b[j] >= 0x30 && b[j] <= 0x39) || b[j] == 0x2E {
                v.append(Character(UnicodeScalar(b[j])))
                j += 1
            }
            while v.hasSuffix(".") { v.removeLast() }
            if Self.versions.contains(v) { found.insert(v) }
            i = j
        }
        guard found.count == 1, Bytes.find(b, "rotocol") != nil || Bytes.find(b, "ROTOCOL") != nil else { return nil }
        return found.first
    }

    /// The line from the words that name the subprotocol (`Sec-WebSocket-Protocol`, `Websocket
    /// Subprotocol`, `subprotocol`) on, `…` before it when the line starts earlier; at most 80 characters.
    public var excerpt: String {
        let start = ["Sec-WebSocket-Protocol", "websocket subprotocol", "websocket-protocol", "subprotocol", "protocol"]
            .lazy.compactMap { self.text.range(of: $0, options: .caseInsensitive)?.lowerBound }.first ?? text.startIndex
        var tail = String(text[start...])
        if tail.count > 80 { tail = String(tail.prefix(79)) + "…" }
        return start == text.startIndex ? tail : "…" + tail
    }

    /// The mention a record makes, if any (the OCPP scan asks every record without a frame of the files it reads).
    static func of(_ bytes: UnsafeBufferPointer<UInt8>, ref: RecordRef) -> SubprotocolMention? {
        guard let v = version(in: bytes) else { return nil }
        return SubprotocolMention(ref: ref, version: v,
                                  text: LosslessText.decode(bytes).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
