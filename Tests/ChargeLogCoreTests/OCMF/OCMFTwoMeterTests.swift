import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// A charger with one meter per connector, as an OCPP 1.6 log: the DZG secp256k1 meter of SAFE's
/// ocmf_sec.xml on connector 1, the NZR brainpoolP256r1 meter of SAFE's brainpoolP256r1.xml on
/// connector 2, and the DZG GSH01 of Chargy's OCMF-DZG-01.txt (no key published) on connector 3.
/// A key file names the first two meters.
@Suite("OCMF keys per meter")
struct OCMFTwoMeterTests {
    static func safe(_ file: String, _ i: Int) -> SAFEVectors.Vector {
        SAFEVectors.all.first { $0.file == file && $0.index == i }!
    }

    /// One transaction: start, stop with the begin and end OCMF documents as SignedData.
    static func transaction(id: Int, connector: Int, meterStart: Int, meterStop: Int, begin: String, end: String?,
                            start: String, stop: String) -> String {
        var data = [#"{"timestamp":"\#(stop)Z","sampledValue":[{"value":\#(JSONText.quote(begin)),"format":"SignedData","context":"Transaction.Begin","measurand":"Energy.Active.Import.Register"}]}"#]
        if let end {
            data.append(#"{"timestamp":"\#(stop)Z","sampledValue":[{"value":\#(JSONText.quote(end)),"format":"SignedData","context":"Transaction.End","measurand":"Energy.Active.Import.Register"}]}"#)
        }
        let t0 = start.replacingOccurrences(of: "T", with: " "), t1 = stop.replacingOccurrences(of: "T", with: " ")
        return """
        [\(t0):000] [2,"s\(id)","StartTransaction",{"connectorId":\(connector),"idTag":"04AB076A","meterStart":\(meterStart),"timestamp":"\(start)Z"}]
        [\(t0):300] receive data: [3,"s\(id)",{"idTagInfo":{"status":"Accepted"},"transactionId":\(id)}]
        [\(t1):000] [2,"e\(id)","StopTransaction",{"meterStop":\(meterStop),"timestamp":"\(stop)Z","transactionId":\(id),"reason":"Local","transactionData":[\(data.joined(separator: ","))]}]
        [\(t1):300] receive data: [3,"e\(id)",{"idTagInfo":{"status":"Accepted"}}]

        """
    }

    /// Meter readings from the sources: DZG 3.988 kWh at begin and end, NZR 1833 Wh, GSH01 0.000 kWh.
    static let log = transaction(id: 1, connector: 1, meterStart: 3988, meterStop: 3988,
                                 begin: safe("ocmf_sec.xml", 0).signedData, end: safe("ocmf_sec.xml", 1).signedData,
                                 start: "2021-07-20T15:37:50", stop: "2021-07-20T15:38:12")
        + transaction(id: 2, connector: 2, meterStart: 1833, meterStop: 1833,
                      begin: safe("brainpoolP256r1.xml", 0).signedData, end: safe("brainpoolP256r1.xml", 1).signedData,
                      start: "2021-10-26T11:15:08", stop: "2021-10-26T11:15:13")
        + transaction(id: 3, connector: 3, meterStart: 0, meterStop: 0, begin: ChargyVectors.dzg01, end: nil,
                      start: "2022-01-28T14:33:08", stop: "2022-01-28T14:38:57")

    static let keyFile = """
    # one key per meter (SAFE transparency software test resources)
    meter 1DZG0033016911 \(safe("ocmf_sec.xml", 0).publicKey)
    meter 12345678 \(safe("brainpoolP256r1.xml", 0).publicKey)
    """

    @Test("both keyed meters verify; the third meter is not checked, not INVALID")
    func twoMeters() throws {
        let b = try TempBundle(["tonly/charger.log": Self.log])
        defer { b.remove() }
        let keys = try OCMFKeyFile.parse(Self.keyFile, path: "keys.txt", folder: "")
        let a = try b.analysis(ocmfKeys: keys)
        let t1 = try #require(a.transaction(id: "1")), t2 = try #require(a.transaction(id: "2")), t3 = try #require(a.transaction(id: "3"))
        #expect(t1.signedValues.map(\.verification) == [.valid, .valid])
        #expect(t1.signedValues.map(\.keySource) == ["meter 1DZG0033016911", "meter 1DZG0033016911"])
        #expect(t2.signedValues.map(\.verification) == [.valid, .valid])
        #expect(t2.signedValues.map(\.keySource) == ["meter 12345678", "meter 12345678"])
        #expect(t3.signedValues.map(\.verification) == [.notChecked("no key for meter 1DZG0022222222")])
        #expect(t3.signedValues[0].verification?.verdict == .notChecked)
        for t in [t1, t2, t3] { #expect(!t.issues.contains { $0.kind == .signatureInvalid }, "\(t.transactionId)") }
        // The readings agree with meterStart / meterStop (DZG 3.988 kWh = 3988 Wh; NZR 1833 Wh).
        #expect(t1.ocmfChecks.map(\.which) == [.begin, .end])
        #expect(t1.ocmfChecks.allSatisfy { $0.agrees })
        #expect(t2.ocmfChecks.allSatisfy { $0.agrees })
        #expect(t2.ocmfChecks.count == 2)

        // The same keys by connector; a key given for the wrong meter makes its documents INVALID.
        let byConnector = try OCMFKeyFile.parse("""
        connector 1 \(Self.safe("ocmf_sec.xml", 0).publicKey)
        connector 2 \(Self.safe("OCMF_Test_Data_00.xml", 0).publicKey)
        """, path: "keys.txt", folder: "")
        let c = try b.analysis(ocmfKeys: byConnector)
        #expect(c.transaction(id: "1")?.signedValues.map(\.verification) == [.valid, .valid])
        // Connector 2's key is another DZG meter's secp256k1 key: the NZR brainpool documents cannot be checked with it.
        let c2 = try #require(c.transaction(id: "2"))
        #expect(c2.signedValues.map(\.verification) == Array(repeating: .keyMismatch("the key is a secp256k1 key, the document is signed on brainpoolP256r1"), count: 2))
        #expect(c2.issues.contains { $0.kind == .signatureInvalid && $0.message.contains("(key: connector 2)") })
        #expect(c.transaction(id: "3")?.signedValues.map(\.verification) == [.notChecked("no key for meter 1DZG0022222222")])
    }

    @Test("JSON carries verdict, algorithm, meter serial, registers and flags per reading")
    func json() throws {
        let b = try TempBundle(["tonly/charger.log": Self.log])
        defer { b.remove() }
        let a = try b.analysis(ocmfKeys: try OCMFKeyFile.parse(Self.keyFile, path: "keys.txt", folder: ""))
        let t2 = try #require(a.transaction(id: "2"))
        let v = try JSONParser.parse(OCMFJSON.array(t2.signedValues)).get()
        let first = try #require(v[0])
        #expect(first["verdict"]?.stringValue == "valid")
        #expect(first["key"]?.stringValue == "meter 12345678")
        #expect(first["algorithm"]?.stringValue == "ECDSA-brainpoolP256r1-SHA256")
        #expect(first["curve"]?.stringValue == "brainpoolP256r1")
        #expect(first["meterSerial"]?.stringValue == "12345678")
        #expect(first["meterVendor"]?.stringValue == "NZR")
        #expect(first["billable"]?.boolValue == true)
        let r = try #require(first["readings"]?[0])
        #expect(r["value"]?.plainText == "1833")
        #expect(r["valueText"]?.stringValue == "1833")
        #expect(r["unit"]?.stringValue == "Wh")
        #expect(r["obis"]?.stringValue == "1-0:1.8.1")
        #expect(r["register"]?.stringValue == "active energy import, total, tariff 1")
        #expect(r["importTotal"]?.boolValue == true)
        #expect(r["status"]?.stringValue == "G")
        #expect(r["errorFlags"]?.stringValue == "")
        #expect(r["type"]?.stringValue == "B")
        let t3 = try JSONParser.parse(OCMFJSON.array(try #require(a.transaction(id: "3")).signedValues)).get()
        #expect(t3[0]?["verdict"]?.stringValue == "not checked")
        #expect(t3[0]?["verdictDetail"]?.stringValue == "not checked: no key for meter 1DZG0022222222")
        #expect(t3[0]?["readings"]?[0]?["register"]?.stringValue == "active energy import, total (device side, cable loss compensated)")
        // Chargy's DZG document writes "RV": "0.000": the value as a number, the text as written.
        #expect(t3[0]?["readings"]?[0]?["value"]?.plainText == "0")
        #expect(t3[0]?["readings"]?[0]?["valueText"]?.stringValue == "0.000")
    }
}
