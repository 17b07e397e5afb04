import Foundation
import Testing
@testable import ChargeLogCore

/// The `--ocmf-keys` file: meter, connector and default lines, keys inline, as files or as PEM
/// blocks; mistakes named with their line.
@Suite("OCMF key file")
struct OCMFKeyFileTests {
    /// SAFE ocmf_sec.xml (DZG meter 1DZG0033016911, secp256k1) and brainpoolP256r1.xml (NZR 12345678).
    static let dzgKey = SAFEVectors.all.first { $0.file == "ocmf_sec.xml" }!.publicKey
    static let nzrKey = SAFEVectors.all.first { $0.file == "brainpoolP256r1.xml" }!.publicKey

    @Test("meter, connector and default entries; comments; spaced hex; a PEM block; a key file")
    func entries() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chargelog-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(ChargyVectors.betKeyPEM.utf8).write(to: dir.appendingPathComponent("bet.pem"))
        let spacedKey = SAFEVectors.all.first { $0.file == "test_ocmf_transaction_two_values.xml" }!.publicKey
        let text = """
        # keys of the site's meters
        meter 1DZG0033016911   \(Self.dzgKey)
        meter BET-METER-001-01 bet.pem

        connector 3 \(spacedKey)
        meter 12345678
        -----BEGIN PUBLIC KEY-----
        \(Data(Hex.decode(Self.nzrKey)!).base64EncodedString())
        -----END PUBLIC KEY-----
        default \(PyOCMFVectors.kebaKey)
        """
        let path = dir.appendingPathComponent("keys.txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let ring = try OCMFKeyFile.load(path: path)
        #expect(Set(ring.byMeter.keys) == ["1DZG0033016911", "BET-METER-001-01", "12345678"])
        #expect(ring.byMeter["1DZG0033016911"]?.curve == .secp256k1)
        #expect(ring.byMeter["BET-METER-001-01"]?.curve == .secp256r1)
        #expect(ring.byMeter["12345678"]?.curve == .brainpoolP256r1)
        #expect(ring.byConnector[3]?.curve == .secp192k1)
        #expect(ring.fallback == (try OCMFPublicKey(parsing: PyOCMFVectors.kebaKey)))

        // Lookup: meter serial first, then connector, then the default.
        let dzg = try OCMFDocument.parse(SAFEVectors.all.first { $0.file == "ocmf_sec.xml" }!.signedData).get()
        #expect(ring.key(for: dzg, connector: 3)?.source == "meter 1DZG0033016911")
        let keba = try OCMFDocument.parse(PyOCMFVectors.keba).get()  // no MS; GS 17619300
        #expect(ring.key(for: keba, connector: 3)?.source == "connector 3")
        #expect(ring.key(for: keba, connector: 1)?.source == "--ocmf-key")
        // A meter that sends no MS is found by its gateway serial (GS).
        let byGateway = OCMFKeyring(byMeter: ["17619300": try OCMFPublicKey(parsing: PyOCMFVectors.kebaKey)])
        #expect(byGateway.key(for: keba, connector: nil)?.source == "meter 17619300")
        #expect(OCMFVerifier.verify(keba, key: byGateway.key(for: keba, connector: nil)!.key) == .valid)
    }

    @Test("mistakes are named with the file and line")
    func mistakes() {
        func error(_ text: String) -> String? {
            do { _ = try OCMFKeyFile.parse(text, path: "keys.txt", folder: ""); return nil } catch { return error.message }
        }
        #expect(error("meter 1 \(Self.dzgKey)\nmeter 1 \(Self.nzrKey)") == "key file keys.txt, line 2: meter 1 is already given on line 1")
        #expect(error("# a comment\nserial 1 \(Self.dzgKey)") == "key file keys.txt, line 2: 'serial' is not meter, connector or default")
        #expect(error("connector two \(Self.dzgKey)") == "key file keys.txt, line 1: connector 'two' is not a number")
        #expect(error("meter 7") == "key file keys.txt, line 1: no key after meter 7 (give it on the line or as a PEM block below)")
        #expect(error("meter 7\n-----BEGIN PUBLIC KEY-----\nMFYw") == "key file keys.txt, line 1: the PEM block below has no -----END line")
        #expect(error("meter 7 keys/nzr.pem") == "key file keys.txt, line 1: no key file keys/nzr.pem")
        #expect(error("meter 7 0011")?.hasPrefix("key file keys.txt, line 1: invalid value '0011' for the key") == true)
        #expect(throws: ChargeLogError.pathNotFound("/nonexistent/keys.txt")) { try OCMFKeyFile.load(path: "/nonexistent/keys.txt") }
    }
}
