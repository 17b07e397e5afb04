import Foundation

/// Finds the OCMF text in a signed meter value as chargers send it: plain (`OCMF|…`, 1.6
/// SignedData), Base64 of it (OCPP 2.0.1 `signedMeterData` by the schema, and some 1.6 chargers), or
/// hex of it; whitespace and line breaks around it dropped.
public enum OCMFText {
    public enum Encoding: String, Sendable { case plain, base64, hex }

    /// The OCMF text and how it was wrapped; nil when the value is none of the three.
    public static func unwrap(_ value: String) -> (text: String, encoding: Encoding)? {
        let t = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if isOCMF(t) { return (t, .plain) }
        let compact = t.filter { !$0.isWhitespace }
        if let h = Hex.decode(compact), let s = String(bytes: h, encoding: .utf8), isOCMF(s) { return (s, .hex) }
        if let d = Data(base64Encoded: compact), let s = String(data: d, encoding: .utf8), isOCMF(s) { return (s, .base64) }
        return nil
    }

    /// `OCMF` then `|`, spaces allowed between.
    static func isOCMF(_ s: String) -> Bool {
        let t = s.drop { $0.isWhitespace }
        guard t.hasPrefix("OCMF") else { return false }
        return t.dropFirst(4).drop { $0.isWhitespace }.first == "|"
    }
}
