import ChargeLogCore
import Foundation
import Testing
@testable import ChargeLogUI

/// The detail pane's OCMF section: meter, verdict with the key used, each reading's register,
/// status and error flags, and why it is not billable; Base64-wrapped values found too. Documents
/// and keys from the SAFE e.V. transparency software's test resources (src/test/resources/xml/
/// brainpoolP256r1.xml, NZR EcoCount; 20211007-device-with-evt-ocmf-sss-ses.xml, BAUER BSM).
@Suite struct OCMFDetailTests {
    static let nzrBegin = #"OCMF|{"FV":"1.0","GI":"NZR GATEWAY","GS":"21751020","GV":"1.0.0.0","PG":"T274","MV":"NZR","MM":"EcoCount SL","MS":"12345678","MF":"1.11","IS":false,"IL":"NONE","IF":[],"IT":"NONE","ID":"","CT":"","CI":"","RD":[{"TM":"2021-10-26T11:15:09,000+0000 S","TX":"B","RV":1833,"RI":"1-0:1.8.1","RU":"Wh","RT":"AC","EF":"","ST":"G"}]}|{"SD":"304402202CC410E10CD9141394AE77B3DC17A523C359F65B0117C098703DF1F2AB773A3302204C6CC011FE4920F87CF413F6FB94EDD78DAA26BB5DB4048DA9B3D3AB513CC23C","SA":"ECDSA-brainpoolP256r1-SHA256"}"#
    static let nzrKey = "305A301406072A8648CE3D020106092B240303020801010703420004607201339EF7C61EB1270C0BEA675585711CB160835F0F55975A311EA6F14AE98981A9276ABC6C70ADA4F8CE25A5502336C738B9E86FB1ED62150FF1B0FAD5A2"
    static let bauerBegin = #"OCMF|{"FV":"1.0","GI":"BAUER Electronic BSM-WS36A-H01-1311-0000","GS":"001BZR1521070006","GV":"1.9:32CA:AFF4, 6d1dd3c-dirty","PG":"T2","MV":"BAUER Electronic","MM":"BSM-WS36A-H01-1311-0000","MS":"001BZR1521070006","IS":true,"IT":"UNDEFINED","ID":"contract-id: rfid:12345678abcdef","RD":[{"TM":"2021-10-07T15:29:55,000+0200 S","TX":"B","RV":0,"RI":"1-0:1.8.0*198","RU":"Wh","XV":76040,"XI":"1-0:1.8.0*255","XU":"Wh","XT":3,"RT":"AC","EF":"Et","ST":"E"}]}|{"SA":"ECDSA-secp256r1-SHA256","SD":"3045022100c2ba43bee09b3868ad1c1e6211003a2ce31fd7b65c3f0b0e677d845ae4c50203022038a8deb1368282a33271fdc7ea5cf8dc654976b44a40187b8bf78baaf4a646dc"}"#

    /// A StopTransaction with the NZR document plain and the BAUER document Base64-wrapped.
    static var log: String {
        let bauer = Data(bauerBegin.utf8).base64EncodedString()
        return """
        [2021-10-26 11:15:00:000] [2,"s1","StartTransaction",{"connectorId":1,"idTag":"04AB076A","meterStart":1833,"timestamp":"2021-10-26T11:15:00Z"}]
        [2021-10-26 11:15:00:300] receive data: [3,"s1",{"idTagInfo":{"status":"Accepted"},"transactionId":1}]
        [2021-10-26 11:15:13:000] [2,"e1","StopTransaction",{"meterStop":1833,"timestamp":"2021-10-26T11:15:13Z","transactionId":1,"transactionData":[{"timestamp":"2021-10-26T11:15:13Z","sampledValue":[{"value":\(JSONText.quote(nzrBegin)),"format":"SignedData","context":"Transaction.Begin"},{"value":"\(bauer)","format":"SignedData","context":"Transaction.End"}]}]}]
        [2021-10-26 11:15:13:300] receive data: [3,"e1",{"idTagInfo":{"status":"Accepted"}}]

        """
    }

    func ocmfSection(_ insights: @escaping (LogIndex) -> InsightSource, title: String = "OCMF signed readings") throws -> [DetailLine] {
        let f = try Fixture(files: ["tonly/charger.log": Self.log], insights: insights)
        defer { f.remove() }
        let stop = try #require(f.ref(containing: "StopTransaction"))
        let sections = try #require(f.model.insights).detail(of: stop, text: f.index.text(of: stop))
        let section = sections.first { $0.title == title }
        return try #require(section, "\(sections.map(\.title))").lines
    }

    @Test func verdictRegistersAndFlags() throws {
        let key = try OCMFPublicKey(parsing: Self.nzrKey)
        let lines = try ocmfSection { OCPPInsights(analysis: OCPPAnalysis.build($0, ocmfKeys: OCMFKeyring(byMeter: ["12345678": key]))) }
        #expect(lines.map(\.text) == [
            "OCMF Transaction.Begin T274 meter NZR EcoCount SL 12345678",
            "signature valid — ECDSA-brainpoolP256r1-SHA256, key: meter 12345678",
            "  begin: 1833 Wh  1-0:1.8.1 active energy import, total, tariff 1  status G",
            "OCMF Transaction.End T2 meter BAUER Electronic BSM-WS36A-H01-1311-0000 001BZR1521070006 (base64)",
            "not checked: no key for meter 001BZR1521070006 — ECDSA-secp256r1-SHA256",
            "  begin: 0 Wh  1-0:1.8.0*198 active energy import, total  status E, error flags Et",
            "  not billable: meter status E, other error",
            "  not billable: error flag E: energy not usable for billing",
            "  not billable: error flag t: time not usable for billing",
        ])
        #expect(lines[2].annotation == "2021-10-26T11:15:09,000+0000, clock synchronised")
        #expect(lines[0].kind == .heading)
        #expect(lines[5].kind == .error)
        #expect(lines[6].kind == .error)
    }

    @Test func beforeTheAnalysisNothingIsChecked() throws {
        let lines = try ocmfSection({ PlainInsights(index: $0) }, title: "OCMF signed readings (checked once the analysis is done)")
        #expect(lines[1].text == "not checked: no key given (--ocmf-key or --ocmf-keys) — ECDSA-brainpoolP256r1-SHA256")
        #expect(lines.contains { $0.text == "  not billable: meter status E, other error" && $0.kind == .error })
    }
}
