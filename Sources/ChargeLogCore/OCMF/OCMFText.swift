import Foundation

/// Finds the OCMF text in a signed meter value as chargers send it: plain (`OCMF|…`, 1.6
/// SignedData), Base64 of it (OCPP 2.0.1 `signedMeterData` by the schema, and some 1.6 chargers), or
/// hex of it; whitespace and line breaks around it dropped.
public enum OCMFText {
    public enum Encoding: String, Sendable { case plain, base64, hex }

    /// The OCMF text and how it was wrapped; nil when the value is none of the three.
    public static func unwrap(_ value: String) -> (text: String, encoding: Encoding)? {
        // ASCII text (every Base64 or hex value, most OCMF) is trimmed and compacted byte by byte; other
        // text through Unicode's white space, as before.
        let ascii = value.utf8.allSatisfy { $0 < 0x80 }
        let t = ascii ? asciiTrimmed(value) : value.trimmingCharacters(in: .whitespacesAndNewlines)
        if isOCMF(t) { return (t, .plain) }
        let compact = ascii ? String(decoding: t.utf8.filter { !isASCIISpace($0) }, as: UTF8.self)
                            : t.filter { !$0.isWhitespace }
        if let h = Hex.decode(compact), let s = String(bytes: h, encoding: .utf8), isOCMF(s) { return (s, .hex) }
        if let d = Data(base64Encoded: compact), let s = String(data: d, encoding: .utf8), isOCMF(s) { return (s, .base64) }
        return nil
    }

    /// Tab, line feed, vertical tab, form feed, carriage return, space: the ASCII white space of
    /// `CharacterSet.whitespacesAndNewlines` and `Character.isWhitespace`.
    @inline(__always) static func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }

    static func asciiTrimmed(_ s: String) -> String {
        let u = s.utf8
        guard let first = u.firstIndex(where: { !isASCIISpace($0) }) else { return "" }
        let last = u.lastIndex(where: { !isASCIISpace($0) })!
        return String(s[first...last])
    }

    /// `OCMF` then `|`, spaces allowed between.
    static func isOCMF(_ s: String) -> Bool {
        let t = s.drop { $0.isWhitespace }
        guard t.hasPrefix("OCMF") else { return false }
        return t.dropFirst(4).drop { $0.isWhitespace }.first == "|"
    }
}
