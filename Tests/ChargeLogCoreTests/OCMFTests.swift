import Crypto
import Foundation
import Testing
@testable import ChargeLogCore

@Suite("OCMF")
struct OCMFTests {
    /// The seed's OCMF text as it is once the JSON string escapes are undone.
    var seedText: String { SeedLines.ocmfEnd670.replacingOccurrences(of: #"\""#, with: "\"") }

    @Test("readings of the seed's end document, omitted fields carried over")
    func readings() throws {
        let doc = try OCMFDocument.parse(seedText).get()
        #expect(doc.formatVersion == "1.0")
        #expect(doc.gatewayId == "LEM DCBM")
        #expect(doc.pagination == "T652")
        #expect(doc.meterSerial == "1232581252")
        #expect(doc.identificationFlags == ["RFID_NONE", "OCPP_NONE", "ISO15118_NONE", "PLMN_NONE"])
        #expect(doc.chargePointId == "A23C2706768")
        #expect(doc.readings.count == 4)
        let r0 = doc.readings[0], r1 = doc.readings[1], r2 = doc.readings[2]
        #expect(r0.kind == "B")
        #expect(r0.valueText == "11691.421")
        #expect(r0.unit == "kWh")
        #expect(r0.timeSync == "R")
        #expect(r0.status == "G")
        #expect(r0.time == CivilTime.millis(year: 2024, month: 5, day: 1, hour: 15, minute: 3, second: 34, millis: 0))
        // The second reading names only RV/RI/RU/ST: time and TX repeat the first's.
        #expect(r1.kind == "B")
        #expect(r1.timeText == r0.timeText)
        #expect(r1.obis == "1-0:2.8.0")
        #expect(!r1.isImportRegister)
        #expect(r2.kind == "E")
        #expect(r2.isEnd)
        #expect(r2.valueWh == 11_727_040)
        #expect(doc.beginReading?.valueWh == 11_691_421)
        #expect(doc.endReading?.valueWh == 11_727_040)
        #expect(doc.signatureAlgorithm == "ECDSA-secp256r1-SHA256")
        #expect(doc.signatureEncoding == "hex")
        // The signed bytes are the payload exactly as sent (11727.040 keeps its trailing zero).
        let bytes = String(decoding: doc.payloadBytes, as: UTF8.self)
        #expect(bytes.hasPrefix(#"{"FV":"1.0""#))
        #expect(bytes.contains(#""RV":11727.040,"#))
        #expect(bytes.hasSuffix("]}"))
    }

    @Test("not OCMF, or damaged")
    func damaged() {
        #expect(throws: OCMFDocument.ParseError.notOCMF) { try OCMFDocument.parse("{}").get() }
        #expect(throws: OCMFDocument.ParseError.missingSeparator) { try OCMFDocument.parse(#"OCMF|{"FV":"1.0"}"#).get() }
        if case .success = OCMFDocument.parse(#"OCMF|{"FV":"1.0"|{}"#) { Issue.record("damaged payload parsed") }
    }

    /// An OCMF text signed with `key`.
    func signed(_ payload: String, key: P256.Signing.PrivateKey) throws -> String {
        let sig = try key.signature(for: Data(payload.utf8))
        return "OCMF|\(payload)|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"\(Hex.encode(sig.derRepresentation))\"}"
    }

    @Test("signature valid with the right key, invalid when tampered or with another key")
    func verify() throws {
        let priv = P256.Signing.PrivateKey()
        let payload = #"{"FV":"1.0","PG":"T1","RD":[{"TM":"2024-05-01T18:27:41,000+0200 S","TX":"B","RV":11727.040,"RI":"1-0:1.8.0","RU":"kWh","ST":"G"}]}"#
        let text = try signed(payload, key: priv)
        let key = OCMFPublicKey(priv.publicKey)
        #expect(OCMFVerifier.verify(try OCMFDocument.parse(text).get(), key: key) == .valid)
        // One digit changed in the reading.
        let tampered = text.replacingOccurrences(of: "11727.040", with: "11727.041")
        #expect(OCMFVerifier.verify(try OCMFDocument.parse(tampered).get(), key: key) == .invalid)
        // Re-serialising the payload (11727.040 → 11727.04) breaks it too: the exact bytes count.
        let reformatted = text.replacingOccurrences(of: "11727.040", with: "11727.04")
        #expect(OCMFVerifier.verify(try OCMFDocument.parse(reformatted).get(), key: key) == .invalid)
        let other = OCMFPublicKey(P256.Signing.PrivateKey().publicKey)
        #expect(OCMFVerifier.verify(try OCMFDocument.parse(text).get(), key: other) == .invalid)
        let unsupported = text.replacingOccurrences(of: "ECDSA-secp256r1-SHA256", with: "ECDSA-brainpool384r1-SHA256")
        #expect(OCMFVerifier.verify(try OCMFDocument.parse(unsupported).get(), key: key) == .unsupportedAlgorithm("ECDSA-brainpool384r1-SHA256"))
    }

    @Test("keys as PEM, DER hex, base64 and raw point hex")
    func keyFormats() throws {
        let pub = P256.Signing.PrivateKey().publicKey
        let der = Array(pub.derRepresentation)
        for text in [pub.pemRepresentation, Hex.encode(der), Data(der).base64EncodedString(),
                     Hex.encode(pub.x963Representation), Hex.encode(pub.compressedRepresentation, uppercase: false)] {
            #expect(try OCMFPublicKey(parsing: text).der == der, "\(text.prefix(20))")
        }
        #expect(throws: ChargeLogError.self) { try OCMFPublicKey(parsing: "not a key") }
        #expect(throws: ChargeLogError.self) { try OCMFPublicKey(parsing: "0011") }
    }
}
