import Foundation

/// Checks an OCMF signature: ECDSA over the hash named by `SA` of the exact payload bytes, with a
/// key obtained separately (never from the document itself). The curve arithmetic is OpenSSL's.
public enum OCMFVerifier {
    /// The verdict a reader acts on: valid, INVALID (the data or the key is not the meter's),
    /// not checked (no key for the meter), or an error that prevents the check.
    public enum Verdict: String, Sendable {
        case valid
        case invalid
        case notChecked = "not checked"
        case error
    }

    public enum Outcome: Sendable, Equatable, CustomStringConvertible {
        case valid
        case invalid
        /// No key was given for this document's meter.
        case notChecked(String)
        /// The key given for the meter cannot check this document (another curve).
        case keyMismatch(String)
        case unsupportedAlgorithm(String)
        case malformedSignature(String)

        public var verdict: Verdict {
            switch self {
            case .valid: .valid
            case .invalid: .invalid
            case .notChecked: .notChecked
            case .keyMismatch, .unsupportedAlgorithm, .malformedSignature: .error
            }
        }

        public var description: String {
            switch self {
            case .valid: "signature valid"
            case .invalid: "signature INVALID"
            case .notChecked(let why): "not checked: \(why)"
            case .keyMismatch(let why): "not checked: wrong key, \(why)"
            case .unsupportedAlgorithm(let a): "not checked: signature algorithm \(a) not supported"
            case .malformedSignature(let r): "signature unreadable: \(r)"
            }
        }
    }

    public static func verify(_ doc: OCMFDocument, key: OCMFPublicKey) -> Outcome {
        guard let algorithm = doc.algorithm else { return .unsupportedAlgorithm(doc.signatureAlgorithm) }
        let spki: [UInt8]
        switch key.spki(for: algorithm.curve) {
        case .success(let d): spki = d
        case .failure(let m): return .keyMismatch(m.description)
        }
        let signature: [UInt8]
        switch signatureDER(doc, curve: algorithm.curve) {
        case .success(let s): signature = s
        case .failure(let e): return .malformedSignature(e.reason)
        }
        // The exact bytes between the separators; when whitespace surrounds the JSON there, the
        // JSON's own bytes are tried too (meters differ in what they sign).
        for message in doc.signedByteCandidates {
            switch OpenSSLECDSA.verify(spki: spki, signature: signature, message: message, hash: algorithm.hash) {
            case true?: return .valid
            case false?: continue
            case nil: return .keyMismatch("OpenSSL cannot use the key")
            }
        }
        return .invalid
    }

    /// SD decoded per SE (hex or base64) and read per SM: DER (the default), or raw r‖s.
    struct Unreadable: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static func signatureDER(_ doc: OCMFDocument, curve: OCMFCurve) -> Result<[UInt8], Unreadable> {
        guard let sd = doc.signatureData?.filter({ !$0.isWhitespace }), !sd.isEmpty else {
            return .failure(Unreadable("no SD field"))
        }
        let raw: [UInt8]
        switch doc.signatureEncoding.lowercased() {
        case "hex":
            guard let b = Hex.decode(sd) else { return .failure(Unreadable("SD is not hex")) }
            raw = b
        case "base64":
            guard let d = Data(base64Encoded: sd) else { return .failure(Unreadable("SD is not base64")) }
            raw = Array(d)
        default:
            return .failure(Unreadable("unknown signature encoding \(doc.signatureEncoding)"))
        }
        if let der = OpenSSLECDSA.canonicalDER(raw) { return .success(der) }
        let n = curve.fieldBytes
        if raw.count == 2 * n, let der = OpenSSLECDSA.derSignature(r: raw[0..<n], s: raw[n...]) { return .success(der) }
        return .failure(Unreadable("SD is neither DER nor raw r‖s of \(curve.rawValue) (\(raw.count) bytes)"))
    }
}
