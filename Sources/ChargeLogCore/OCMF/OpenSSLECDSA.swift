import COpenSSL

/// ECDSA through the system's libcrypto (OpenSSL 3): what a public key is, DER signatures, and
/// the check itself (`EVP_DigestVerify`, which hashes the message). All curve arithmetic is
/// OpenSSL's.
enum OpenSSLECDSA {
    /// What a DER SubjectPublicKeyInfo holds when it is not a usable EC key.
    enum KeyError: Error, Equatable {
        case notAKey
        case notEC(type: String)
        case unknownCurve(String)
    }

    /// The curve of the EC key in `spki` (DER SubjectPublicKeyInfo). OpenSSL checks that the point
    /// lies on the curve.
    static func curve(ofSPKI spki: [UInt8]) -> Result<OCMFCurve, KeyError> {
        guard let key = publicKey(spki) else { return .failure(.notAKey) }
        defer { EVP_PKEY_free(key) }
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_EC else {
            return .failure(.notEC(type: EVP_PKEY_get0_type_name(key).map { String(cString: $0) } ?? "unknown"))
        }
        var name = [CChar](repeating: 0, count: 80)
        var length = 0
        guard EVP_PKEY_get_group_name(key, &name, name.count, &length) == 1 else { return .failure(.unknownCurve("unnamed")) }
        let text = String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let curve = OCMFCurve(openSSLName: text) else { return .failure(.unknownCurve(text)) }
        return .success(curve)
    }

    /// Whether `signature` (DER) is an ECDSA signature of `message` hashed with `hash` by the key in
    /// `spki`. nil when OpenSSL cannot use the key.
    static func verify(spki: [UInt8], signature: [UInt8], message: [UInt8], hash: OCMFAlgorithm.Hash) -> Bool? {
        guard let key = publicKey(spki) else { return nil }
        defer { EVP_PKEY_free(key) }
        guard let ctx = EVP_MD_CTX_new() else { return nil }
        defer { EVP_MD_CTX_free(ctx); ERR_clear_error() }
        let md = switch hash {
        case .sha256: EVP_sha256()
        case .sha384: EVP_sha384()
        case .sha512: EVP_sha512()
        }
        guard EVP_DigestVerifyInit(ctx, nil, md, nil, key) == 1 else { return nil }
        let r = signature.withUnsafeBufferPointer { sig in
            message.withUnsafeBufferPointer { msg in
                EVP_DigestVerify(ctx, sig.baseAddress, sig.count, msg.baseAddress, msg.count)
            }
        }
        return r == 1
    }

    /// `bytes` re-encoded as canonical DER when they are one DER ECDSA signature and nothing else.
    static func canonicalDER(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { buf -> [UInt8]? in
            var p: UnsafePointer<UInt8>? = buf.baseAddress
            guard let sig = d2i_ECDSA_SIG(nil, &p, buf.count) else { ERR_clear_error(); return nil }
            defer { ECDSA_SIG_free(sig) }
            guard let p, let base = buf.baseAddress, p - base == buf.count else { return nil }
            return encode(sig)
        }
    }

    /// The DER signature of the raw big-endian `r` and `s`.
    static func derSignature(r: ArraySlice<UInt8>, s: ArraySlice<UInt8>) -> [UInt8]? {
        guard let sig = ECDSA_SIG_new() else { return nil }
        defer { ECDSA_SIG_free(sig) }
        let rb = Array(r).withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32($0.count), nil) }
        let sb = Array(s).withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32($0.count), nil) }
        guard let rb, let sb, ECDSA_SIG_set0(sig, rb, sb) == 1 else {
            BN_free(rb)
            BN_free(sb)
            return nil
        }
        return encode(sig)
    }

    static func encode(_ sig: OpaquePointer) -> [UInt8]? {
        let n = i2d_ECDSA_SIG(sig, nil)
        guard n > 0 else { return nil }
        var out = [UInt8](repeating: 0, count: Int(n))
        let written = out.withUnsafeMutableBufferPointer { b -> Int32 in
            var p = b.baseAddress
            return i2d_ECDSA_SIG(sig, &p)
        }
        return written == n ? out : nil
    }

    /// The key in a DER SubjectPublicKeyInfo, all bytes used; the caller frees it.
    static func publicKey(_ spki: [UInt8]) -> OpaquePointer? {
        spki.withUnsafeBufferPointer { buf -> OpaquePointer? in
            var p: UnsafePointer<UInt8>? = buf.baseAddress
            guard let key = d2i_PUBKEY(nil, &p, buf.count) else { ERR_clear_error(); return nil }
            guard let p, let base = buf.baseAddress, p - base == buf.count else { EVP_PKEY_free(key); return nil }
            return key
        }
    }
}
