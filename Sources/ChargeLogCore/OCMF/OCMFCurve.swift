/// An elliptic curve an OCMF meter signs with (OCMF table 22, plus P-521). The names are the ones
/// OpenSSL reports for a key (`EVP_PKEY_get_group_name`); the OIDs are the curves' standard object
/// identifiers (SEC 2, RFC 5639), as they stand in a SubjectPublicKeyInfo.
public enum OCMFCurve: String, Sendable, CaseIterable, Codable {
    case secp192r1, secp192k1, secp256r1, secp256k1, secp384r1, secp521r1, brainpoolP256r1, brainpoolP384r1

    /// Bytes of a coordinate (and of r and s in a raw signature).
    public var fieldBytes: Int {
        switch self {
        case .secp192r1, .secp192k1: 24
        case .secp256r1, .secp256k1, .brainpoolP256r1: 32
        case .secp384r1, .brainpoolP384r1: 48
        case .secp521r1: 66
        }
    }

    /// The name OpenSSL gives the curve.
    var openSSLName: String {
        switch self {
        case .secp192r1: "prime192v1"
        case .secp256r1: "prime256v1"
        default: rawValue
        }
    }

    /// The curve's object identifier, DER-encoded (tag and length included).
    var oidDER: [UInt8] {
        switch self {
        case .secp192r1: [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x01]  // 1.2.840.10045.3.1.1
        case .secp256r1: [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07]  // 1.2.840.10045.3.1.7
        case .secp192k1: [0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x1F]                    // 1.3.132.0.31
        case .secp256k1: [0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x0A]                    // 1.3.132.0.10
        case .secp384r1: [0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x22]                    // 1.3.132.0.34
        case .secp521r1: [0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x23]                    // 1.3.132.0.35
        case .brainpoolP256r1: [0x06, 0x09, 0x2B, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x07]  // 1.3.36.3.3.2.8.1.1.7
        case .brainpoolP384r1: [0x06, 0x09, 0x2B, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0B]  // 1.3.36.3.3.2.8.1.1.11
        }
    }

    /// The curve OpenSSL names `name`.
    init?(openSSLName name: String) {
        guard let c = Self.allCases.first(where: { $0.openSSLName == name || $0.rawValue == name }) else { return nil }
        self = c
    }

    /// The curve a signature-algorithm token names, in any spelling seen in the field:
    /// `secp256r1`, `prime256v1`, `P-256`, `brainpoolP256r1`, the spec table's `brainpool256r1`, …
    init?(token: String) {
        let t = String(token.lowercased().filter { $0.isLetter || $0.isNumber })
        switch t {
        case "secp192r1", "prime192v1", "p192", "nistp192": self = .secp192r1
        case "secp192k1": self = .secp192k1
        case "secp256r1", "prime256v1", "p256", "nistp256": self = .secp256r1
        case "secp256k1": self = .secp256k1
        case "secp384r1", "p384", "nistp384": self = .secp384r1
        case "secp521r1", "p521", "nistp521": self = .secp521r1
        case "brainpoolp256r1", "brainpool256r1": self = .brainpoolP256r1
        case "brainpoolp384r1", "brainpool384r1": self = .brainpoolP384r1
        default: return nil
        }
    }
}
