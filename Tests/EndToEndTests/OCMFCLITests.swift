import Foundation
import Testing
import TestSupport

/// `--ocmf-keys` end to end: a log of three meters, a key file naming two of them, and the OCMF
/// fields of `transactions --format json`, `summary --format json` and `transactions --format text`.
/// The documents and keys are the SAFE e.V. transparency software's test resources
/// (src/test/resources/xml/brainpoolP256r1.xml: NZR EcoCount, brainpoolP256r1;
/// 20211007-device-with-evt-ocmf-sss-ses.xml: BAUER BSM, secp256r1, "EF":"Et","ST":"E";
/// test_ocmf_keba_kcp30.xml: KEBA KCP30, no key given here).
@Suite("chargelog --ocmf-keys")
struct OCMFCLITests {
    static let nzrBegin = #"OCMF|{"FV":"1.0","GI":"NZR GATEWAY","GS":"21751020","GV":"1.0.0.0","PG":"T274","MV":"NZR","MM":"EcoCount SL","MS":"12345678","MF":"1.11","IS":false,"IL":"NONE","IF":[],"IT":"NONE","ID":"","CT":"","CI":"","RD":[{"TM":"2021-10-26T11:15:09,000+0000 S","TX":"B","RV":1833,"RI":"1-0:1.8.1","RU":"Wh","RT":"AC","EF":"","ST":"G"}]}|{"SD":"304402202CC410E10CD9141394AE77B3DC17A523C359F65B0117C098703DF1F2AB773A3302204C6CC011FE4920F87CF413F6FB94EDD78DAA26BB5DB4048DA9B3D3AB513CC23C","SA":"ECDSA-brainpoolP256r1-SHA256"}"#
    static let nzrEnd = #"OCMF|{"FV":"1.0","GI":"NZR GATEWAY","GS":"21751020","GV":"1.0.0.0","PG":"T275","MV":"NZR","MM":"EcoCount SL","MS":"12345678","MF":"1.11","IS":false,"IL":"NONE","IF":[],"IT":"NONE","ID":"","CT":"","CI":"","RD":[{"TM":"2021-10-26T11:15:12,000+0000 S","TX":"E","RV":1833,"RI":"1-0:1.8.1","RU":"Wh","RT":"AC","EF":"","ST":"G"}]}|{"SD":"304402202E573CC84746A5FDC4DDDE74A2C859C5FFB681D3F839C12AF460BD092EBB53A4022049DBE3A14F60F77571AF6321AD7FBE25157731161178B04EF4B9B3AEFBE404FB","SA":"ECDSA-brainpoolP256r1-SHA256"}"#
    static let nzrKey = "305A301406072A8648CE3D020106092B240303020801010703420004607201339EF7C61EB1270C0BEA675585711CB160835F0F55975A311EA6F14AE98981A9276ABC6C70ADA4F8CE25A5502336C738B9E86FB1ED62150FF1B0FAD5A2"
    static let bauerBegin = #"OCMF|{"FV":"1.0","GI":"BAUER Electronic BSM-WS36A-H01-1311-0000","GS":"001BZR1521070006","GV":"1.9:32CA:AFF4, 6d1dd3c-dirty","PG":"T2","MV":"BAUER Electronic","MM":"BSM-WS36A-H01-1311-0000","MS":"001BZR1521070006","IS":true,"IT":"UNDEFINED","ID":"contract-id: rfid:12345678abcdef","RD":[{"TM":"2021-10-07T15:29:55,000+0200 S","TX":"B","RV":0,"RI":"1-0:1.8.0*198","RU":"Wh","XV":76040,"XI":"1-0:1.8.0*255","XU":"Wh","XT":3,"RT":"AC","EF":"Et","ST":"E"}]}|{"SA":"ECDSA-secp256r1-SHA256","SD":"3045022100c2ba43bee09b3868ad1c1e6211003a2ce31fd7b65c3f0b0e677d845ae4c50203022038a8deb1368282a33271fdc7ea5cf8dc654976b44a40187b8bf78baaf4a646dc"}"#
    static let bauerKey = "3059301306072a8648ce3d020106082a8648ce3d0301070342000413bd745d84ea9b0f943e9724d6d91d7b19e73e474eac0561dc1d7d16235726c663b7f552d5deb98549c72d2f918324c55ce5b892a6251143c4aae775ac691815"
    static let keba = #"OCMF|{"FV":"1.0","GI":"KEBA_KCP30","GS":"17619300","GV":"2.8.5","PG":"T32","IS":false,"IL":"NONE","IF":["RFID_NONE","OCPP_NONE","ISO15118_NONE","PLMN_NONE"],"IT":"NONE","ID":"","RD":[{"TM":"2019-08-13T10:03:15,000+0000 I","TX":"B","EF":"","ST":"G","RV":0.2596,"RI":"1-b:1.8.0","RU":"kWh"},{"TM":"2019-08-13T10:03:36,000+0000 R","TX":"E","EF":"","ST":"G","RV":0.2597,"RI":"1-b:1.8.0","RU":"kWh"}]}|{"SD":"304502200E2F107C987A300AC1695CA89EA149A8CDFA16188AF0A33EE64B67964AA943F9022100889A72B6D65364BEA8562E7F6A0253157ACFF84FE4929A93B5964D23C4265699"}"#

    static func stop(_ id: Int, connector: Int, meter: Int, time: String, _ docs: [(String, String)]) -> String {
        let values = docs.map { doc, context in
            #"{"timestamp":"\#(time)Z","sampledValue":[{"value":\#(JSONOracle.quote(doc)),"format":"SignedData","context":"\#(context)","measurand":"Energy.Active.Import.Register"}]}"#
        }.joined(separator: ",")
        let t = time.replacingOccurrences(of: "T", with: " ")
        return """
        [\(t):000] [2,"s\(id)","StartTransaction",{"connectorId":\(connector),"idTag":"04AB076A","meterStart":\(meter),"timestamp":"\(time)Z"}]
        [\(t):300] receive data: [3,"s\(id)",{"idTagInfo":{"status":"Accepted"},"transactionId":\(id)}]
        [\(t):600] [2,"e\(id)","StopTransaction",{"meterStop":\(meter),"timestamp":"\(time)Z","transactionId":\(id),"reason":"Local","transactionData":[\(values)]}]
        [\(t):900] receive data: [3,"e\(id)",{"idTagInfo":{"status":"Accepted"}}]

        """
    }

    func bundle() throws -> (dir: String, keys: String) {
        let dir = NSTemporaryDirectory() + "chargelog-ocmf-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/log", withIntermediateDirectories: true)
        // In time order: the KEBA (2019), the BAUER and the NZR (2021) documents.
        let log = Self.stop(3, connector: 3, meter: 260, time: "2019-08-13T10:03:40", [(Self.keba, "Transaction.Begin")])
            + Self.stop(2, connector: 2, meter: 0, time: "2021-10-07T13:38:10", [(Self.bauerBegin, "Transaction.Begin")])
            + Self.stop(1, connector: 1, meter: 1833, time: "2021-10-26T11:15:13", [(Self.nzrBegin, "Transaction.Begin"), (Self.nzrEnd, "Transaction.End")])
        try log.write(toFile: dir + "/log/tonly.log", atomically: true, encoding: .utf8)
        let keys = "# meters of the site\nmeter 12345678 \(Self.nzrKey)\nmeter 001BZR1521070006 \(Self.bauerKey)\n"
        try keys.write(toFile: dir + "/keys.txt", atomically: true, encoding: .utf8)
        return (dir, dir + "/keys.txt")
    }

    @Test("transactions --format json: verdict, key, algorithm, meter and readings per signed value")
    func transactionsJSON() throws {
        let (dir, keys) = try bundle()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (out, status) = try OCPPCLITests.run(["transactions", dir + "/log", "--format", "json", "--ocmf-keys", keys])
        #expect(status == 0)
        // Read with JSONSerialization (JSONOracle), not chargelog's parser.
        let list = try JSONOracle.array(out).compactMap { $0 as? [String: Any] }
        let byId = Dictionary(uniqueKeysWithValues: list.map { ($0["transactionId"] as? String ?? "", $0) })
        let ocmf = ["1", "2", "3"].map { (byId[$0]?["ocmf"] as? [[String: Any]]) ?? [] }
        func reading(_ v: [String: Any]) -> [String: Any] { (v["readings"] as? [[String: Any]])?.first ?? [:] }
        #expect(ocmf[0].compactMap { $0["verdict"] as? String } == ["valid", "valid"])
        #expect(ocmf[0].first?["key"] as? String == "meter 12345678")
        #expect(ocmf[0].first?["algorithm"] as? String == "ECDSA-brainpoolP256r1-SHA256")
        #expect(ocmf[0].first?["meterSerial"] as? String == "12345678")
        #expect(ocmf[0].count > 1 && reading(ocmf[0][1])["obis"] as? String == "1-0:1.8.1")
        #expect(ocmf[1].first?["verdict"] as? String == "valid")
        #expect(ocmf[1].first?["billable"] as? Bool == false)
        #expect(ocmf[1].first.map(reading)?["errorFlags"] as? String == "Et")
        #expect(ocmf[1].first.map(reading)?["status"] as? String == "E")
        #expect(ocmf[2].first?["verdict"] as? String == "not checked")
        #expect(ocmf[2].first?["verdictDetail"] as? String == "not checked: no key for meter 17619300")
    }

    @Test("summary --format json: the OCMF values per transaction and the not-billable problem")
    func summaryJSON() throws {
        let (dir, keys) = try bundle()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (out, status) = try OCPPCLITests.run(["summary", dir + "/log", "--format", "json", "--ocmf-keys", keys])
        #expect(status == 0)
        let s = try JSONOracle.object(out)
        let txs = ((s["connectors"] as? [[String: Any]]) ?? []).flatMap { ($0["transactions"] as? [[String: Any]]) ?? [] }
        #expect(txs.compactMap { (($0["ocmf"] as? [[String: Any]])?.first?["verdict"]) as? String }.sorted() == ["not checked", "valid", "valid"])
        let problems = ((s["problems"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == "ocmfNotBillable" }
        #expect(problems.count == 1)
        #expect(problems.first?["transactionId"] as? String == "2")
        #expect((problems.first?["explanation"] as? String)?.contains("meter status E, other error") == true)
    }

    @Test("transactions --format text names the verdict and the registers; a bad key file fails with its line")
    func text() throws {
        let (dir, keys) = try bundle()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (out, status) = try OCPPCLITests.run(["transactions", dir + "/log", "--format", "text", "--ocmf-keys", keys])
        #expect(status == 0)
        #expect(out.contains("signature valid — ECDSA-brainpoolP256r1-SHA256, key: meter 12345678"))
        #expect(out.contains("1-0:1.8.1 active energy import, total, tariff 1"))
        #expect(out.contains("not billable: meter status E, other error"))
        #expect(out.contains("not checked: no key for meter 17619300"))
        try "meter 12345678\n".write(toFile: keys, atomically: true, encoding: .utf8)
        let (_, bad) = try OCPPCLITests.run(["transactions", dir + "/log", "--ocmf-keys", keys])
        #expect(bad != 0)
    }
}
