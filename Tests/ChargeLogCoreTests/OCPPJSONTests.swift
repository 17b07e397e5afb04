import Testing
@testable import ChargeLogCore

@Suite("OCPP JSON")
struct OCPPJSONTests {
    @Test("keeps key order and the raw text of numbers")
    func keyOrderAndNumbers() throws {
        let v = try JSONParser.parse(#"{"transactionId":667,"idTagInfo":{"status":"Accepted"},"RV":11727.040,"e":3.48e-05}"#).get()
        #expect(v.objectValue?.map(\.key) == ["transactionId", "idTagInfo", "RV", "e"])
        #expect(v["RV"] == .number("11727.040"))
        #expect(v["e"]?.doubleValue == 3.48e-05)
        #expect(v["transactionId"]?.intValue == 667)
        #expect(JSONPrinter.compact(v) == #"{"transactionId":667,"idTagInfo":{"status":"Accepted"},"RV":11727.040,"e":3.48e-05}"#)
    }

    @Test("decodes escapes, surrogate pairs and the OCMF quoting")
    func escapes() throws {
        let v = try JSONParser.parse(#"["a\"b\\c\/\n", "\u00b5s", "\ud83d\ude00", "OCMF|{\"FV\":\"1.0\"}|{}"]"#).get()
        #expect(v[0]?.stringValue == "a\"b\\c/\n")
        #expect(v[1]?.stringValue == "µs")
        #expect(v[2]?.stringValue == "😀")
        #expect(v[3]?.stringValue == #"OCMF|{"FV":"1.0"}|{}"#)
    }

    @Test("reports where a truncated frame breaks")
    func truncated() {
        // The seed notebook cuts long StopTransaction lines mid-token.
        let text = #"[2,"8b351ba1","StopTransaction",{"transactionData":[{"sampledValue":[{"form"#
        guard case .failure(let e) = JSONParser.parse(text) else {
            Issue.record("truncated text parsed")
            return
        }
        #expect(e.reason == "unterminated string")
        #expect(e.offset == text.utf8.count - 5)
    }

    @Test("rejects what is not JSON", arguments: ["{\"a\":1,}", "[1 2]", "{\"a\" 1}", "tru", "\"a\u{1}\"", "[1]x", "01.", "-"])
    func rejects(_ text: String) {
        if case .success = JSONParser.parse(text) { Issue.record("accepted \(text)") }
    }

    @Test("pretty printer keeps short containers inline and indents long ones")
    func pretty() throws {
        let v = try JSONParser.parse(#"{"idTagInfo":{"status":"Accepted"},"list":[1,2,3],"long":{"chargingProfileId":1,"transactionId":701,"stackLevel":1,"chargingProfilePurpose":"TxProfile"}}"#).get()
        #expect(JSONPrinter.prettyLines(v) == [
            "{",
            #"  "idTagInfo": {"status": "Accepted"},"#,
            #"  "list": [1, 2, 3],"#,
            #"  "long": {"#,
            #"    "chargingProfileId": 1,"#,
            #"    "transactionId": 701,"#,
            #"    "stackLevel": 1,"#,
            #"    "chargingProfilePurpose": "TxProfile""#,
            "  }",
            "}",
        ])
        // Printing and parsing again gives the same value.
        #expect(try JSONParser.parse(JSONPrinter.pretty(v)).get() == v)
    }

    @Test("fingerprint ignores pipe formatting and key order, not values")
    func fingerprint() throws {
        // The same StatusNotification as the proxy's pipe and websocket sides log it (seed 000).
        let pipe = try JSONParser.parse(#"{    "connectorId": 2,    "errorCode": "EVCommunicationError",    "status": "Finishing",    "vendorErrorCode": "",    "vendorId": "Sungrow"}"#).get()
        let ws = try JSONParser.parse(#"{"connectorId":2,"errorCode":"EVCommunicationError","status":"Finishing","vendorId":"Sungrow","vendorErrorCode":""}"#).get()
        #expect(JSONFingerprint.of(pipe) == JSONFingerprint.of(ws))
        let other = try JSONParser.parse(#"{"connectorId":1,"errorCode":"EVCommunicationError","status":"Finishing","vendorId":"Sungrow","vendorErrorCode":""}"#).get()
        #expect(JSONFingerprint.of(other) != JSONFingerprint.of(ws))
        #expect(JSONFingerprint.of(.number("32")) == JSONFingerprint.of(.number("32.0")))
        #expect(JSONFingerprint.of(.array([.number("1"), .number("2")])) != JSONFingerprint.of(.array([.number("2"), .number("1")])))
        // The pipe's StartTransactionResponse carries a connectorId the websocket answer lacks.
        let pipeAnswer = try JSONParser.parse(#"{"idTagInfo":{"status":"Accepted"},"transactionId":667,"connectorId":1}"#).get()
        let wsAnswer = try JSONParser.parse(#"{"transactionId":667,"idTagInfo":{"status":"Accepted"}}"#).get()
        #expect(JSONFingerprint.of(pipeAnswer) != JSONFingerprint.of(wsAnswer))
        #expect(JSONFingerprint.of(pipeAnswer, droppingTopLevel: ["connectorId"]) == JSONFingerprint.of(wsAnswer))
        // The one-pass pair is the same digests as the two separate ones (the scan reuses `reduced`
        // as the MeterValues / StopTransaction fact fingerprint).
        for v in [pipeAnswer, wsAnswer, other, .object([]), .array([.null]), .number("7"),
                  try JSONParser.parse(#"{"connectorId":1,"connectorId":2,"a":[{"connectorId":3}]}"#).get()] {
            let pair = JSONFingerprint.pair(v, dropping: "connectorId")
            #expect(pair.full == JSONFingerprint.of(v))
            #expect(pair.reduced == JSONFingerprint.of(v, droppingTopLevel: ["connectorId"]))
        }
    }

    @Test("numbers sent as strings")
    func numberText() {
        #expect(JSONNumberText.isNumber("3.48e-05"))
        #expect(JSONNumberText.isScientific("3.48e-05"))
        #expect(JSONNumberText.isNumber("11730.1"))
        #expect(!JSONNumberText.isScientific("11730.1"))
        #expect(!JSONNumberText.isNumber("1e"))
        #expect(!JSONNumberText.isNumber("abc"))
        #expect(!JSONNumberText.isNumber(""))
        #expect(JSONValue.string("3.48e-05").doubleValue == 3.48e-05)
        #expect(JSONValue.string("n/a").doubleValue == nil)
    }

    @Test("a number's shape: plain, scientific, or not a number (the grammar's edges)")
    func numberShape() {
        for plain in ["0", "-0.5", "+12", "11730.1", "1.", ".5", "007"] {
            #expect(JSONNumberText.shape(plain) == .plain, "\(plain)")
        }
        for scientific in ["3.48e-05", "1E5", "-2.5e+3", "+1e0", ".5e1"] {
            #expect(JSONNumberText.shape(scientific) == .scientific, "\(scientific)")
        }
        for notNumber in ["", "+", "-", ".", "e5", "1e", "1e+", "1.5.2", "12a", " 1", "1 ", "1e5x", "--1", "0x10", "١٢"] {
            #expect(JSONNumberText.shape(notNumber) == nil, "\(notNumber)")
        }
        // A string that is not native (bridged or a substring's copy) reads the same.
        #expect(JSONNumberText.shape(String("x12.5e3".dropFirst())) == .scientific)
    }

    @Test("containers keep their elements in order at every depth, also after a failed parse")
    func nestedOrder() throws {
        let text = #"[[1,2],[3,[4,5,[]]],{"a":[6],"b":{"c":7,"d":{}},"a":8},[],{"e":[{"f":9},{"g":10}]}]"#
        let v = try JSONParser.parse(text).get()
        #expect(JSONPrinter.compact(v) == text)
        #expect(v[2]?.objectValue?.map(\.key) == ["a", "b", "a"])
        #expect(v[4]?["e"]?[1]?["g"] == .number("10"))
        // The frame salvage reads value after value with one reader: elements pending when a value
        // fails must not turn up in the next one.
        let bytes = Array(#"{"x":[1,2,{"y": ]}} [7,[8]] {"z":{"w":[9]}}"#.utf8)
        let (first, second, third) = bytes.withUnsafeBufferPointer { b in
            var r = JSONReader(b, at: 0)
            let first = r.value(depth: 0)
            r.pos = bytes.firstIndex(of: UInt8(ascii: "7"))! - 1
            return (first, r.value(depth: 0), r.value(depth: 0))
        }
        guard case .failure = first else { Issue.record("cut object parsed"); return }
        #expect(JSONPrinter.compact(try second.get()) == "[7,[8]]")
        #expect(JSONPrinter.compact(try third.get()) == #"{"z":{"w":[9]}}"#)
    }
}
