import Crypto
import Foundation

/// A meter's public key for checking OCMF signatures (secp256r1). Accepts what people paste:
/// PEM (`-----BEGIN PUBLIC KEY-----`), DER as hex or base64 (`3059301306072A8648CE3D...`), or the
/// raw point as hex (`04…` uncompressed, `02…`/`03…` compressed, 64 bytes x‖y).
public struct OCMFPublicKey: Sendable, Equatable {
    /// The key in DER (SubjectPublicKeyInfo); kept as bytes because the Crypto type is not Sendable.
    public let der: [UInt8]

    public init(_ key: P256.Signing.PublicKey) { der = Array(key.derRepresentation) }

    /// The key for swift-crypto (valid by construction).
    public var key: P256.Signing.PublicKey { try! P256.Signing.PublicKey(derRepresentation: der) }

    public init(parsing text: String) throws(ChargeLogError) {
        let t = text.trimmingSpaces()
        if t.contains("-----BEGIN") {
            guard let k = try? P256.Signing.PublicKey(pemRepresentation: t) else { throw Self.invalid(t, "PEM is not a P-256 public key") }
            der = Array(k.derRepresentation)
            return
        }
        let compact = t.filter { !$0.isWhitespace && $0 != ":" }
        let bytes: [UInt8]
        if let h = Hex.decode(compact) {
            bytes = h
        } else if let d = Data(base64Encoded: compact) {
            bytes = Array(d)
        } else {
            throw Self.invalid(t, "neither PEM, hex nor base64")
        }
        if let k = Self.key(from: bytes) { der = Array(k.derRepresentation); return }
        throw Self.invalid(t, "\(bytes.count) bytes that are not a P-256 public key (DER, X9.63 or raw)")
    }

    static func key(from bytes: [UInt8]) -> P256.Signing.PublicKey? {
        if bytes.first == 0x30, let k = try? P256.Signing.PublicKey(derRepresentation: bytes) { return k }
        if bytes.count == 65, bytes.first == 0x04, let k = try? P256.Signing.PublicKey(x963Representation: bytes) { return k }
        if bytes.count == 33, bytes.first == 0x02 || bytes.first == 0x03,
           let k = try? P256.Signing.PublicKey(compressedRepresentation: bytes) { return k }
        if bytes.count == 64, let k = try? P256.Signing.PublicKey(rawRepresentation: bytes) { return k }
        return nil
    }

    static func invalid(_ text: String, _ why: String) -> ChargeLogError {
        .invalidArgument(name: "--ocmf-key", value: text.count > 40 ? String(text.prefix(40)) + "…" : text,
                         expected: "a P-256 public key as PEM, DER hex/base64 or raw point hex (\(why))")
    }
}

/// Hex text ↔ bytes.
public enum Hex {
    public static func decode(_ s: String) -> [UInt8]? {
        let u = Array(s.utf8)
        guard u.count % 2 == 0, !u.isEmpty else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(u.count / 2)
        var i = 0
        while i < u.count {
            guard let hi = nibble(u[i]), let lo = nibble(u[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    public static func encode(_ bytes: some Sequence<UInt8>, uppercase: Bool = true) -> String {
        let digits = Array((uppercase ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var out = [UInt8]()
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 65...70: c - 55
        case 97...102: c - 87
        default: nil
        }
    }
}
