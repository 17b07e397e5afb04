import Foundation

/// A meter's public key for checking OCMF signatures, on any curve of `OCMFCurve`. Accepts what
/// people paste: PEM (`-----BEGIN PUBLIC KEY-----`), DER SubjectPublicKeyInfo as hex (spaces and
/// colons allowed, as printed on meter labels) or base64, or the bare point as hex (`04…`
/// uncompressed, `02…`/`03…` compressed, or x‖y). A bare point names no curve: it is read on the
/// curve of the document it checks.
public struct OCMFPublicKey: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        /// A DER SubjectPublicKeyInfo and the curve it names.
        case spki([UInt8], curve: OCMFCurve)
        /// A bare point (SEC 1 encoding, or x‖y without the 04).
        case point([UInt8])
    }

    public let form: Form

    /// The key's curve, when the key names one.
    public var curve: OCMFCurve? {
        if case .spki(_, let c) = form { return c }
        return nil
    }

    /// A key from the DER SubjectPublicKeyInfo `der`.
    public init(spki der: [UInt8], option: String = "--ocmf-key") throws(ChargeLogError) {
        switch OpenSSLECDSA.curve(ofSPKI: der) {
        case .success(let c): form = .spki(der, curve: c)
        case .failure(let e): throw Self.invalid(Hex.encode(der), option: option, Self.reason(e))
        }
    }

    /// A key from pasted text. `option` names where it came from in messages.
    public init(parsing text: String, option: String = "--ocmf-key") throws(ChargeLogError) {
        let t = text.trimmingSpaces()
        let bytes: [UInt8]
        if t.contains("-----BEGIN") {
            guard t.contains("PUBLIC KEY"), let d = Self.pemBody(t) else {
                throw Self.invalid(t, option: option, "PEM that is not a PUBLIC KEY block")
            }
            bytes = d
        } else {
            var compact = t.filter { !$0.isWhitespace && $0 != ":" }
            if compact.hasPrefix("0x") || compact.hasPrefix("0X") { compact.removeFirst(2) }
            if let h = Hex.decode(compact) {
                bytes = h
            } else if let d = Data(base64Encoded: compact) {
                bytes = Array(d)
            } else {
                throw Self.invalid(t, option: option, "neither PEM, hex nor base64")
            }
        }
        switch OpenSSLECDSA.curve(ofSPKI: bytes) {
        case .success(let c):
            form = .spki(bytes, curve: c)
        case .failure(.notAKey):
            guard Self.isPlausiblePoint(bytes) else {
                throw Self.invalid(t, option: option, "\(bytes.count) bytes that are neither a DER public key nor a curve point")
            }
            form = .point(bytes)
        case .failure(let e):
            throw Self.invalid(t, option: option, Self.reason(e))
        }
    }

    /// Why this key cannot check a document signed on `curve`.
    public enum Mismatch: Error, Sendable, Equatable, CustomStringConvertible {
        /// The key names another curve.
        case otherCurve(key: OCMFCurve, document: OCMFCurve)
        /// A bare point of a size that does not fit the curve.
        case pointSize(bytes: Int, curve: OCMFCurve)
        /// A bare point that is not on the curve.
        case notOnCurve(OCMFCurve)

        public var description: String {
            switch self {
            case .otherCurve(let k, let d): "the key is a \(k.rawValue) key, the document is signed on \(d.rawValue)"
            case .pointSize(let n, let c): "a \(n)-byte point is not a \(c.rawValue) key"
            case .notOnCurve(let c): "the key's point is not on \(c.rawValue) (a key of another curve?)"
            }
        }
    }

    /// The DER SubjectPublicKeyInfo that checks a signature on `curve`.
    public func spki(for curve: OCMFCurve) -> Result<[UInt8], Mismatch> {
        switch form {
        case .spki(let der, let c):
            return c == curve ? .success(der) : .failure(.otherCurve(key: c, document: curve))
        case .point(let p):
            let n = curve.fieldBytes
            var point = p
            if p.count == 2 * n { point = [0x04] + p }
            guard (point.count == 2 * n + 1 && point[0] == 0x04) || (point.count == n + 1 && (point[0] == 0x02 || point[0] == 0x03)) else {
                return .failure(.pointSize(bytes: p.count, curve: curve))
            }
            let der = Self.spkiDER(point: point, curve: curve)
            guard case .success = OpenSSLECDSA.curve(ofSPKI: der) else { return .failure(.notOnCurve(curve)) }
            return .success(der)
        }
    }

    /// SEQUENCE { SEQUENCE { id-ecPublicKey, curve }, BIT STRING point } (RFC 5480).
    static func spkiDER(point: [UInt8], curve: OCMFCurve) -> [UInt8] {
        let ecPublicKey: [UInt8] = [0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01]  // 1.2.840.10045.2.1
        let algorithm = DER.element(0x30, ecPublicKey + curve.oidDER)
        return DER.element(0x30, algorithm + DER.element(0x03, [0x00] + point))
    }

    /// A point of a size some curve has: SEC 1 uncompressed or compressed, or bare x‖y.
    static func isPlausiblePoint(_ b: [UInt8]) -> Bool {
        let sizes = Set(OCMFCurve.allCases.map(\.fieldBytes))
        return sizes.contains { n in
            (b.count == 2 * n + 1 && b[0] == 0x04) || (b.count == n + 1 && (b[0] == 0x02 || b[0] == 0x03)) || b.count == 2 * n
        }
    }

    static func pemBody(_ text: String) -> [UInt8]? {
        let body = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.hasPrefix("-----") && !$0.contains(":") }.joined()
        return Data(base64Encoded: body).map(Array.init)
    }

    static func reason(_ e: OpenSSLECDSA.KeyError) -> String {
        switch e {
        case .notAKey: "not a DER public key"
        case .notEC(let type): "an \(type) key; OCMF meters sign with ECDSA"
        case .unknownCurve(let name): "an EC key on \(name), a curve OCMF does not use"
        }
    }

    static func invalid(_ text: String, option: String, _ why: String) -> ChargeLogError {
        .invalidArgument(name: option, value: text.count > 40 ? String(text.prefix(40)) + "…" : text,
                         expected: "an ECDSA public key as PEM, DER hex/base64 or raw point hex (\(why))")
    }
}

/// The little DER this module writes: one element, tag and length in front of its content.
enum DER {
    static func element(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        let n = content.count
        let length: [UInt8] = n < 0x80 ? [UInt8(n)] : n < 0x100 ? [0x81, UInt8(n)] : [0x82, UInt8(n >> 8), UInt8(n & 0xFF)]
        return [tag] + length + content
    }
}
