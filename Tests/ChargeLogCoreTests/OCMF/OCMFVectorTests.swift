import Foundation
import Testing
@testable import ChargeLogCore

/// Verdicts on published OCMF test vectors (ocmf-js, the SAFE transparency software, Chargy,
/// pyocmf) and on documents the openssl command line tool signed: every curve real meters use,
/// valid and tampered. The expected verdicts are the sources' own (see each vector file).
@Suite("OCMF published vectors")
struct OCMFVectorTests {
    func verdict(_ text: String, key: String) throws -> OCMFVerifier.Outcome {
        OCMFVerifier.verify(try OCMFDocument.parse(text).get(), key: try OCMFPublicKey(parsing: key))
    }

    /// ocmf-js's payload wrapped as an OCMF document with its curve name in SA.
    func document(_ v: OCMFJSVectors.Vector) -> String {
        #"OCMF|\#(v.data)|{"SA":"ECDSA-\#(v.curve)-SHA256","SD":"\#(v.signature)"}"#
    }

    @Test("ocmf-js: all seven curves, valid, tampered payload, tampered signature, wrong key")
    func ocmfJS() throws {
        for v in OCMFJSVectors.all {
            let outcome = try verdict(document(v), key: v.spki)
            #expect(outcome == (v.expected ? .valid : .invalid), "\(v.name): \(outcome)")
            #expect(try OCMFPublicKey(parsing: v.spki).curve == OCMFCurve(token: v.curve), "\(v.name)")
        }
        // Each curve has a valid and a tampered vector in that file.
        let curves = Set(OCMFJSVectors.all.map(\.curve))
        #expect(curves == ["brainpool256r1", "brainpool384r1", "secp192k1", "secp192r1", "secp256k1", "secp256r1", "secp384r1"])
        for c in curves {
            #expect(OCMFJSVectors.all.contains { $0.curve == c && $0.expected })
            #expect(OCMFJSVectors.all.contains { $0.curve == c && !$0.expected && $0.name.hasPrefix("tampered payload") })
        }
    }

    @Test("ocmf-js: the key as a bare point (uncompressed, x‖y, compressed) is read on the document's curve")
    func barePoints() throws {
        for v in OCMFJSVectors.all where v.name.hasPrefix("basic ") {
            let curve = try #require(OCMFCurve(token: v.curve))
            let spki = try #require(Hex.decode(v.spki))
            let point = Array(spki.suffix(2 * curve.fieldBytes + 1))
            #expect(point.first == 0x04)
            // The SubjectPublicKeyInfo chargelog builds for the point is the source's, byte for byte.
            #expect(OCMFPublicKey.spkiDER(point: point, curve: curve) == spki, "\(v.name)")
            let n = curve.fieldBytes
            let y = point[(1 + n)...]
            let compressed = [y.last! & 1 == 0 ? 0x02 : 0x03] + point[1...n]
            for form in [point, Array(point.dropFirst()), compressed] {
                #expect(try verdict(document(v), key: Hex.encode(form)) == .valid, "\(v.name) \(form.count) bytes")
            }
        }
    }

    @Test("a key of another curve is a clear message, not INVALID")
    func wrongCurve() throws {
        let bp = try #require(OCMFJSVectors.all.first { $0.name == "basic brainpool256r1" })
        let p256 = try #require(OCMFJSVectors.all.first { $0.name == "basic secp256r1" })
        let outcome = try verdict(document(bp), key: p256.spki)
        #expect(outcome == .keyMismatch("the key is a secp256r1 key, the document is signed on brainpoolP256r1"))
        #expect(outcome.verdict == .error)
        // A bare point of the wrong size, and a P-256 point read on secp256k1 (not on that curve).
        let k1 = try #require(OCMFJSVectors.all.first { $0.name == "basic secp256k1" })
        let p256Point = Hex.encode(try #require(Hex.decode(p256.spki)).suffix(65))
        #expect(try verdict(document(k1), key: p256Point) == .keyMismatch("the key's point is not on secp256k1 (a key of another curve?)"))
        let p384 = try #require(OCMFJSVectors.all.first { $0.name == "basic secp384r1" })
        #expect(try verdict(document(p384), key: p256Point) == .keyMismatch("a 65-byte point is not a secp384r1 key"))
    }

    @Test("SAFE transparency software: NZR brainpoolP256r1 and secp384r1, DZG secp256k1, HTB secp192k1, KEBA, ebee, BAUER")
    func safe() throws {
        for v in SAFEVectors.all {
            let outcome = try verdict(v.signedData, key: v.publicKey)
            switch v.expected {
            case .valid: #expect(outcome == .valid, "\(v.file)[\(v.index)]: \(outcome)")
            case .invalid: #expect(outcome == .invalid, "\(v.file)[\(v.index)]: \(outcome)")
            case .wrongKey:
                #expect(outcome == .keyMismatch("the key is a secp256r1 key, the document is signed on secp256k1"), "\(v.file)[\(v.index)]: \(outcome)")
            }
        }
        // Tampered copies of the valid ones (the first reading's value changed by one digit) fail.
        for v in SAFEVectors.all where v.expected == .valid {
            let text = v.signedData
            let range = try #require(text.range(of: #""RV"\s*:\s*"?\s*\d"#, options: .regularExpression), "\(v.file)")
            var tampered = text
            let digit = tampered[tampered.index(before: range.upperBound)]
            tampered.replaceSubrange(tampered.index(before: range.upperBound)..<range.upperBound, with: digit == "9" ? "8" : String(digit.wholeNumberValue! + 1))
            #expect(try verdict(tampered, key: v.publicKey) == .invalid, "\(v.file)[\(v.index)] tampered")
        }
        // Both spellings of brainpool: the meter's (SAFE) and the spec table's (ocmf-js) verify.
        #expect(SAFEVectors.all.contains { $0.signedData.contains("ECDSA-brainpoolP256r1-SHA256") && $0.expected == .valid })
        #expect(OCMFJSVectors.all.contains { $0.curve == "brainpool256r1" && $0.expected })
    }

    @Test("Chargy: Carlo Gavazzi and OCMF 1.4 BET fixture valid, tampered invalid; DZG without a key not checked")
    func chargy() throws {
        #expect(try verdict(ChargyVectors.testdata01, key: ChargyVectors.testdata01Key) == .valid)
        let tampered = ChargyVectors.testdata01.replacingOccurrences(of: "\"RV\":268.978", with: "\"RV\":268.979")
        #expect(tampered != ChargyVectors.testdata01)
        #expect(try verdict(tampered, key: ChargyVectors.testdata01Key) == .invalid)
        #expect(try verdict(ChargyVectors.bet001, key: ChargyVectors.betKeyPEM) == .valid)
        let betTampered = ChargyVectors.bet001.replacingOccurrences(of: "\"RV\":1241.925", with: "\"RV\":1251.925")
        #expect(try verdict(betTampered, key: ChargyVectors.betKeyPEM) == .invalid)
        // OCMF-DZG-01: no key is published; with keys for other meters only, it is not checked.
        let dzg = try OCMFDocument.parse(ChargyVectors.dzg01).get()
        let others = OCMFKeyring(byMeter: ["******240084S": try OCMFPublicKey(parsing: ChargyVectors.testdata01Key)])
        #expect(others.key(for: dzg, connector: 1) == nil)
        #expect(others.missingKeyReason(for: dzg) == "no key for meter 1DZG0022222222")
    }

    @Test("pyocmf: KEBA valid and tampered, Enercharge (RV in scientific notation, base64 key) valid")
    func pyocmf() throws {
        #expect(try verdict(PyOCMFVectors.keba, key: PyOCMFVectors.kebaKey) == .valid)
        #expect(try verdict(PyOCMFVectors.kebaTampered, key: PyOCMFVectors.kebaKey) == .invalid)
        #expect(try verdict(PyOCMFVectors.enercharge, key: PyOCMFVectors.enerchargeKey) == .valid)
        #expect(try verdict(PyOCMFVectors.enercharge2, key: PyOCMFVectors.enercharge2Key) == .valid)
        let tampered = PyOCMFVectors.enercharge2.replacingOccurrences(of: "\"RV\":1709.539307", with: "\"RV\":1709.539308")
        #expect(tampered != PyOCMFVectors.enercharge2)
        #expect(try verdict(tampered, key: PyOCMFVectors.enercharge2Key) == .invalid)
    }

    @Test("openssl-signed: SHA-384 on P-384 and brainpoolP384r1, P-521 with SHA-512, raw r‖s in base64")
    func openssl() throws {
        for v in OpenSSLVectors.all {
            #expect(try verdict(v.ocmf, key: v.spkiHex) == .valid, "\(v.name)")
            let doc = try OCMFDocument.parse(v.ocmf).get()
            #expect(doc.algorithm?.curve == OCMFCurve(openSSLName: v.curve), "\(v.name)")
            let tampered = v.ocmf.replacingOccurrences(of: "\"RV\":1234.567", with: "\"RV\":1234.568")
            #expect(try verdict(tampered, key: v.spkiHex) == .invalid, "\(v.name) tampered")
        }
        // The same signature checked with SHA-256 instead of the SA's SHA-384 fails.
        let v = try #require(OpenSSLVectors.all.first { $0.name == "p384Sha384" })
        #expect(try verdict(v.ocmf.replacingOccurrences(of: "SHA384", with: "SHA256"), key: v.spkiHex) == .invalid)
    }
}
