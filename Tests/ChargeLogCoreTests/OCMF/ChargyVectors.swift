// Test data of Chargy (OpenChargingCloud/ChargyDesktopApp, tests/fixtures/OCMF/…), copied verbatim
// (files' trailing line breaks dropped). Expected verdicts as Chargy's own tests state them:
// OCMF-Testdata-01.expected.txt says ValidSignature; the BET tariff fixtures' README says every
// document verifies with publicKey.pem; OCMF-DZG-01.expected.txt says PublicKeyNotFound (no key is
// published for that meter).
enum ChargyVectors {
    /// OCMF-Testdata-01.txt (Carlo Gavazzi EM340, secp256r1 by default, `1-b:1.8.0`).
    static let testdata01 = #"OCMF|{"FV":"1.0","GI":"SEAL AG","GS":"1850006a","GV":"1.34","PG":"T9289","MV":"Carlo Gavazzi","MM":"EM340-DIN.AV2.3.X.S1.PF","MS":"******240084S","MF":"B4","IS":true,"IL":"TRUSTED","IF":["OCCP_AUTH"],"IT":"ISO14443","ID":"56213C05","RD":[{"TM":"2019-06-26T08:57:44,337+0000 U","TX":"B","RV":268.978,"RI":"1-b:1.8.0","RU":"kWh","RT":"AC","EF":"","ST":"G"}]}|{"SD":"304402201455BF1082C9EB8B1272D7FA838EB44286B03AC96E8BAFC5E79E30C5B3E1B872022006286CA81AEE0FAFCB1D6A137FFB2C0DD014727E2AEC149F30CD5A7E87619139"}"#
    /// OCMF-Testdata-01_publicKey.txt.
    static let testdata01Key = "3059301306072A8648CE3D020106082A8648CE3D030107034200044171CAB628050A228DA1D33129696D9ECA50FD50AFF04ABA2CE1E5EBBB1F457963B06A6A2D39175AB7C5B25685BEA3072197D00444C9DCE194817C21F35A4AC3"
    /// BET_TariffTextExtension/001/001-01.txt (OCMF 1.4, `01-00:01.08.00*FF`).
    static let bet001 = #"OCMF|{"FV":"1.4","GI":"BET Fixture Generator","GS":"BET-GW-001-01","GV":"1.0.0","PG":"T1001","MV":"GraphDefined","MM":"BET-OCMF-Meter","MS":"BET-METER-001-01","MF":"2.5.0","IS":true,"IL":"TRUSTED","IF":["RFID_PLAIN"],"IT":"ISO14443","ID":"BET-CARD-001-01","CT":"EVSEID","CI":"DE*BET*E00101","TT":"001;EUR;0;35;5;30","LC":{"LN":"BET-Cable-001-01","LI":1001,"LR":1.1001,"LU":"mOhm"},"CF":"3.1.4","RD":[{"TM":"2026-01-10T08:00:00,000+0000 S","TX":"B","RV":1234.1,"RI":"01-00:01.08.00*FF","RU":"kWh","RT":"AC","EF":"","ST":"G","CL":0},{"TM":"2026-01-10T09:15:00,000+0000 S","TX":"E","RV":1241.925,"RI":"01-00:01.08.00*FF","RU":"kWh","RT":"AC","EF":"","ST":"G","CL":0.078}]}|{"SA":"ECDSA-secp256r1-SHA256","SE":"hex","SM":"application/x-der","SD":"3046022100BBA5863C7717B84817CA11871B720C44DBB47EA4B5CFB3BD8B60AE3C2CBF6923022100B8EAD3EA0A72D15351E47BF64EE9F7EE6E3FB8EEFBCBDBB41992AB481055A98A"}"#
    /// BET_TariffTextExtension/publicKey.pem.
    static let betKeyPEM = """
-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEaxfR8uEsQkf4vOblY6RA8ncDfYEt
6zOg9KE5RdiYwpZP40Li/hp/m47n60p8D54WK84zV2sxXs7LtkBoN79R9Q==
-----END PUBLIC KEY-----
"""
    /// The first document of OCMF-DZG-01.txt (DZG GSH01, secp256k1), laid out over many lines with
    /// line breaks after the separators.
    static let dzg01 = #"""
OCMF|
{
 "FV": "1.0",
 "GI": "DZG-GSH01.1K2L.B",
 "GS": "1DZG0022222222",
 "GV": "231b",
 "PG": "T2",
 "MV": "DZG",
 "MM": "GSH01.1K2L.B",
 "MS": "1DZG0022222222",
 "MF": "231b",
 "IS": true,
 "IT": "ISO14443",
 "ID": "TestUser",
 "CT": "EVSEID",
 "CI": "",
 "RD": [
 {
 "TM": "2022-01-28T15:33:09,000+0100 I",
 "TX": "B",
 "RV": "0.000",
 "RI": "01-00:98.08.00.FF",
 "RU": "kWh",
 "RT": "DC",
 "EF": "",
 "ST": "G"
 },
 {
 "TM": "2022-01-28T15:38:56,000+0100 I",
 "TX": "E",
 "RV": "0.000",
 "RI": "01-00:98.08.00.FF",
 "RU": "kWh",
 "RT": "DC",
 "EF": "",
 "ST": "G"
 }
 ],
 "U": [
 {
 "TM": "2022-01-28T15:33:09,000+0100 I",
 "TX": "B",
 "RV": "0.000",
 "RI": "01-00:9C.08.00.FF",
 "RU": "kWh",
 "RT": "DC",
 "EF": "",
 "ST": "G"
 },
 {
 "TM": "2022-01-28T15:38:56,000+0100 I",
 "TX": "E",
 "RV": "0.000",
 "RI": "01-00:9C.08.00.FF",
 "RU": "kWh",
 "RT": "DC",
 "EF": "",
 "ST": "G"
 },
 {
 "TM": "2022-01-28T15:33:09,000+0100 I",
 "TX": "B",
 "RV": "0.1000",
 "RI": "01-00:8C.07.00.FF",
 "RU": "Ohm",
 "RT": "DC",
 "EF": "",
 "ST": "G"
 },
 {
 "TM": "2022-01-28T15:38:56,000+0100 I",
 "TX": "E",
 "RV": "347",
 "RI": "01-00:00.08.06.FF",
 "RU": "s",
 "RT": "DC",
 "EF": "",
 "ST": "G"
 }
 ]
}|
{
 "SA": "ECDSA-secp256k1-SHA256",
 "SD": "3046022100E90CA19D0006214B8AD91F212A2E3404010B37731A0DD1F3AF97683E38AD770F022100DF5F492B405A0C707CD48203010180B9218D23C9D91292471857F0ED049369AC"
}
"""#
}
