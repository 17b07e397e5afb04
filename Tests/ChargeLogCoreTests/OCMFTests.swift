import TestSupport
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

    @Test("whitespace and line breaks around the separators: Chargy's DZG document laid out over lines")
    func separators() throws {
        let doc = try OCMFDocument.parse(ChargyVectors.dzg01).get()
        #expect(doc.meterSerial == "1DZG0022222222")
        #expect(doc.algorithm == OCMFAlgorithm(curve: .secp256k1, hash: .sha256))
        #expect(doc.readings.count == 2)
        #expect(doc.readings.map(\.obis) == ["01-00:98.08.00.FF", "01-00:98.08.00.FF"])
        #expect(doc.readings.map(\.valueText) == ["0.000", "0.000"])
        // The signed bytes are those between the separators; the JSON's own bytes lack the line break.
        #expect(doc.payloadBytes.first == UInt8(ascii: "\n"))
        #expect(doc.payloadJSONBytes.first == UInt8(ascii: "{"))
        #expect(doc.payloadJSONBytes.last == UInt8(ascii: "}"))
        #expect(doc.signatureData?.hasPrefix("3046022100E90CA19D") == true)
        // Whitespace around the whole text, and spaces around the first separator.
        #expect(try OCMFDocument.parse("\n   " + ChargyVectors.testdata01 + "\n ").get().meterSerial == "******240084S")
        #expect(try OCMFDocument.parse(ChargyVectors.testdata01.replacingOccurrences(of: "OCMF|", with: "OCMF | ")).get().pagination == "T9289")
    }

    @Test("padded string values and spaces around colons (SAFE's DZG vector)")
    func paddedValues() throws {
        let v = try #require(SAFEVectors.all.first { $0.file == "OCMF_Test_Data_00.xml" && $0.index == 1 })
        let doc = try OCMFDocument.parse(v.signedData).get()
        #expect(doc.meterSerial == "1DZG0033016824")
        #expect(doc.readings.count == 2)
        // "RV" : "       9.038" is 9.038 kWh; "      30" sec is the duration register 0.8.6.
        #expect(doc.readings[0].valueText == "9.038")
        #expect(doc.readings[0].valueWh == 9038)
        #expect(doc.readings[0].isImportRegister)
        #expect(doc.readings[1].value == 30)
        #expect(!doc.readings[1].isImportRegister)
        #expect(doc.endReading?.valueWh == 9038)
    }

    @Test("Base64 (2.0.1 signedMeterData), hex and plain OCMF text are found; other text is not")
    func encodings() throws {
        let plain = ChargyVectors.testdata01
        let base64 = Data(plain.utf8).base64EncodedString()
        let hex = Hex.encode(Array(plain.utf8), uppercase: false)
        #expect(OCMFText.unwrap(plain)?.encoding == .plain)
        #expect(OCMFText.unwrap("  \n" + plain + "\n")?.text == plain)
        #expect(OCMFText.unwrap(base64)?.encoding == .base64)
        #expect(OCMFText.unwrap(base64)?.text == plain)
        // Base64 wrapped over lines, as some chargers send it.
        let wrapped = stride(from: 0, to: base64.count, by: 64).map { i in
            String(base64.dropFirst(i).prefix(64)) }.joined(separator: "\n")
        #expect(OCMFText.unwrap(wrapped)?.text == plain)
        #expect(OCMFText.unwrap(hex)?.encoding == .hex)
        #expect(OCMFText.unwrap(hex)?.text == plain)
        // Text beyond ASCII takes Unicode's white space (a no-break space, a line separator) as before.
        #expect(OCMFText.unwrap("\u{00A0}" + plain + "\u{2028}")?.text == plain)
        #expect(OCMFText.unwrap("\t" + hex.prefix(40) + "\u{00A0}" + hex.dropFirst(40) + " ")?.encoding == .hex)
        #expect(OCMFText.unwrap("\r\n\u{0B}" + base64 + "\u{0C}")?.text == plain)
        #expect(OCMFText.unwrap("11727.040") == nil)
        #expect(OCMFText.unwrap(Data("not OCMF at all".utf8).base64EncodedString()) == nil)
        let v = SignedMeterValue.read(base64, time: 0, context: .transactionBegin)
        #expect(v.encoding == .base64)
        #expect(v.document?.meterSerial == "******240084S")
        let bad = SignedMeterValue.read("QUJD", time: 0, context: .transactionBegin)
        #expect(bad.document == nil)
        #expect(bad.parseError == "neither OCMF text nor Base64 or hex of it (starts \"QUJD\")")
    }

    @Test("keys as PEM, DER hex (spaced, lower case, colons), base64, and bare points")
    func keyFormats() throws {
        let k1 = try #require(OCMFJSVectors.all.first { $0.name == "basic secp256k1" })
        let der = try #require(Hex.decode(k1.spki))
        let b64 = Data(der).base64EncodedString()
        let pem = "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n"
        let spaced = stride(from: 0, to: k1.spki.count, by: 4).map { i in String(k1.spki.dropFirst(i).prefix(4)) }.joined(separator: " ")
        let colons = der.map { Hex.encode([$0]) }.joined(separator: ":")
        for text in [k1.spki, k1.spki.lowercased(), spaced, colons, b64, pem, "0x" + k1.spki] {
            #expect(try OCMFPublicKey(parsing: text).form == .spki(der, curve: .secp256k1), "\(text.prefix(20))")
        }
        #expect(try OCMFPublicKey(parsing: Hex.encode(der.suffix(65))).form == .point(Array(der.suffix(65))))
        #expect(try OCMFPublicKey(parsing: Hex.encode(der.suffix(65))).curve == nil)
        #expect(throws: ChargeLogError.self) { try OCMFPublicKey(parsing: "not a key") }
        #expect(throws: ChargeLogError.self) { try OCMFPublicKey(parsing: "0011") }
        // SAFE's RSA OCMF test key (test_ocmf_rsa_01.xml): named as what it is.
        let rsa = "30820122300D06092A864886F70D01010105000382010F003082010A0282010100C01F92BF36ED9D80A82D7245DEAAC49E013B050A4FD0C87D0BBE60A351C4F72B219A6E59CF5D79DD06F47456F1BE36774F518CCB7CEBE989A0544E4F341D2F0DBC9A8E3A6AE64BAF83E9EA7D50DAF64F59A8400F06B9F4FB99C5E568FC597440DB81B768C329C9D62672F59A427AAE3454B45D966D11FC2F56F9803B82FAE30667EFD1277536A5D0D4D4331475C7662CDA11C99D9A65970A1ED5C0A03E85D96CC584CB6B4EBB09E00F860DB24DA02EC634D32957E79790928DE4F45E7B2BA4D9F894AEF0E5C20CAFBC407C7EFAFBC1AC72A2C0E02AE62817E68291B77A93CCCD748BC98FC778B4C89A22D1991D13E21A414C2F16EBD6E49A54FCAD152DDAD12F0203010001"
        #expect(throws: ChargeLogError.invalidArgument(name: "--ocmf-key", value: String(rsa.prefix(40)) + "…",
                                                       expected: "an ECDSA public key as PEM, DER hex/base64 or raw point hex (an RSA key; OCMF meters sign with ECDSA)")) {
            try OCMFPublicKey(parsing: rsa)
        }
    }

    @Test("SA names: the spec table's and the meters' spellings, hashes, and unknown algorithms")
    func algorithms() throws {
        #expect(OCMFAlgorithm("ECDSA-brainpool256r1-SHA256") == OCMFAlgorithm(curve: .brainpoolP256r1, hash: .sha256))
        #expect(OCMFAlgorithm("ECDSA-brainpoolP256r1-SHA256") == OCMFAlgorithm(curve: .brainpoolP256r1, hash: .sha256))
        #expect(OCMFAlgorithm("ECDSA-brainpool384r1-SHA256") == OCMFAlgorithm(curve: .brainpoolP384r1, hash: .sha256))
        #expect(OCMFAlgorithm("ECDSA-secp384r1-SHA384") == OCMFAlgorithm(curve: .secp384r1, hash: .sha384))
        #expect(OCMFAlgorithm("ECDSA-secp256r1-SHA-256") == OCMFAlgorithm(curve: .secp256r1, hash: .sha256))
        #expect(OCMFAlgorithm("ECDSA-prime256v1-SHA256")?.curve == .secp256r1)
        #expect(OCMFAlgorithm("ECDSA-secp192k1")?.hash == .sha256)
        #expect(OCMFAlgorithm("ECDSA-secp224r1-SHA256") == nil)
        #expect(OCMFAlgorithm("RSA-2048-SHA256") == nil)
        // An algorithm chargelog does not know is said so, not INVALID.
        let doc = try OCMFDocument.parse(ChargyVectors.testdata01.replacingOccurrences(of: #"{"SD""#, with: #"{"SA":"ECDSA-secp224r1-SHA256","SD""#)).get()
        let key = try OCMFPublicKey(parsing: ChargyVectors.testdata01Key)
        #expect(OCMFVerifier.verify(doc, key: key) == .unsupportedAlgorithm("ECDSA-secp224r1-SHA256"))
        let noHex = try OCMFDocument.parse(ChargyVectors.testdata01.replacingOccurrences(of: #""SD":"3044"#, with: #""SD":"XY44"#)).get()
        #expect(OCMFVerifier.verify(noHex, key: key) == .malformedSignature("SD is not hex"))
    }

    @Test("meter status, error flags and exceptions make a reading not billable (SAFE's BAUER and HTB vectors)")
    func notBillable() throws {
        let bauer = try #require(SAFEVectors.all.first { $0.file.hasPrefix("20211007") })
        let r = try #require(OCMFDocument.parse(bauer.signedData).get().readings.first)
        // "EF":"Et","ST":"E" in the source.
        #expect(r.errorFlags == "Et")
        #expect(r.status == "E")
        #expect(r.unbillableReasons == ["meter status E, other error", "error flag E: energy not usable for billing",
                                        "error flag t: time not usable for billing"])
        // "RI":"1-0:1.8.0*198": the import register, billing period 198.
        #expect(r.isImportRegister)
        let htb = try #require(SAFEVectors.all.first { $0.file == "test_ocmf_transaction_two_values.xml" && $0.index == 0 })
        let readings = try OCMFDocument.parse(htb.signedData).get().readings
        #expect(readings.map(\.kind) == ["B", "X"])
        #expect(readings[0].unbillableReasons.isEmpty)
        #expect(readings[1].unbillableReasons == ["exception (TX X): time and/or energy not usable from this reading on"])
        let manipulated = try OCMFDocument.parse(ChargyVectors.testdata01.replacingOccurrences(of: #""ST":"G""#, with: #""ST":"M""#)).get()
        #expect(manipulated.readings[0].unbillableReasons == ["meter status M, manipulated"])
    }
}
