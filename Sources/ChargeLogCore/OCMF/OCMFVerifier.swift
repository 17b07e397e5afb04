import Crypto
import Foundation

/// Checks an OCMF signature: ECDSA over SHA-256 of the exact payload bytes, with a key obtained
/// separately (never from the document itself).
public enum OCMFVerifier {
    public enum Outcome: Sendable, Equatable, CustomStringConvertible {
        case valid
        case invalid
        case unsupportedAlgorithm(String)
        case malformedSignature(String)

        public var description: String {
            switch self {
            case .valid: "signature valid"
            case .invalid: "signature INVALID"
            case .unsupportedAlgorithm(let a): "algorithm \(a) not supported"
            case .malformedSignature(let r): "signature unreadable: \(r)"
            }
        }
    }

    public static func verify(_ doc: OCMFDocument, key: OCMFPublicKey) -> Outcome {
        let algorithm = doc.signatureAlgorithm
        guard algorithm == "ECDSA-secp256r1-SHA256" else { return .unsupportedAlgorithm(algorithm) }
        guard let sd = doc.signatureData else { return .malformedSignature("no SD field") }
        let raw: [UInt8]
        switch doc.signatureEncoding.lowercased() {
        case "hex":
            guard let b = Hex.decode(sd) else { return .malformedSignature("SD is not hex") }
            raw = b
        case "base64":
            guard let d = Data(base64Encoded: sd) else { return .malformedSignature("SD is not base64") }
            raw = Array(d)
        default:
            return .malformedSignature("unknown encoding \(doc.signatureEncoding)")
        }
        let signature: P256.Signing.ECDSASignature
        if let s = try? P256.Signing.ECDSASignature(derRepresentation: raw) {
            signature = s
        } else if raw.count == 64, let s = try? P256.Signing.ECDSASignature(rawRepresentation: raw) {
            signature = s
        } else {
            return .malformedSignature("SD is neither DER nor raw r‖s")
        }
        return key.key.isValidSignature(signature, for: Data(doc.payloadBytes)) ? .valid : .invalid
    }
}
