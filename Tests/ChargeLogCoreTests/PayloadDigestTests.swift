import ChargeLogGenerator
import Testing
@testable import ChargeLogCore

/// `PayloadDigest`: the byte reader gives the parsed value's digest wherever it answers, answers only
/// where the parser would read the bytes as they are, and the digest tells content apart exactly.
@Suite("Payload digest")
struct PayloadDigestTests {
    static let compact = #"{"connectorId":2,"transactionId":662,"meterValue":[{"timestamp":"2024-04-30T07:13:09Z","sampledValue":[{"value":"11602.9","format":"Raw","measurand":"Energy.Active.Import.Register","unit":"kWh"},{"value":"3515","format":"Raw","measurand":"RPM"}]}]}"#
    static let pretty = #"{    "connectorId": 2,    "meterValue": [        {            "sampledValue": [                {                    "format": "Raw",                    "measurand": "Energy.Active.Import.Register",                    "unit": "kWh",                    "value": "11602.9"                },                {                    "format": "Raw",                    "measurand": "RPM",                    "value": "3515"                }            ],            "timestamp": "2024-04-30T07:13:09Z"        }    ],    "transactionId": 662}"#

    func scanned(_ text: String) -> UInt64? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            PayloadDigest.scan(b, from: 0).flatMap { $0.end == b.count ? $0.digest : nil }
        }
    }

    func parsed(_ text: String) throws -> UInt64 {
        PayloadDigest.of(try JSONParser.parse(text).get())
    }

    @Test func theProxysTwoCopiesOfOnePayloadHaveOneDigestFromBytesAndFromTheParsedValue() throws {
        let a = try #require(scanned(Self.compact))
        let b = try #require(scanned(Self.pretty))
        #expect(a == b)
        let (pa, pb) = (try parsed(Self.compact), try parsed(Self.pretty))
        #expect(a == pa && b == pb)
    }

    @Test(arguments: [
        (#"{"a":32}"#, #"{"a":32.0}"#),             // numbers by their text
        (#"{"a":"32"}"#, #"{"a":32}"#),             // a string is not a number
        (#"{"a":[1,2]}"#, #"{"a":[2,1]}"#),         // arrays in order
        (#"{"a":1}"#, #"{"b":1}"#),                 // keys
        (#"{"a":{"b":1}}"#, #"{"a":{"b":1},"c":null}"#),
        (#"{"a":true}"#, #"{"a":false}"#),
        (#"{"a":null}"#, #"{"a":"null"}"#),
        (#"{"a":"x","b":"y"}"#, #"{"a":"y","b":"x"}"#),
        (#"{"a":[]}"#, #"{"a":{}}"#),
    ])
    func differentContentHasDifferentDigests(_ pair: (String, String)) throws {
        let x = try #require(scanned(pair.0)), y = try #require(scanned(pair.1))
        #expect(x != y)
        let (px, py) = (try parsed(pair.0), try parsed(pair.1))
        #expect(x == px && y == py)
    }

    @Test func keyOrderAndSpacingDoNotMatter() throws {
        let x = try #require(scanned(#"{"a":1,"b":[true,null,"s"],"c":{"d":-0.5e+3}}"#))
        let y = try #require(scanned("{ \"c\" : { \"d\" : -0.5e+3 } ,\n\t\"b\":[ true , null , \"s\" ],\r\n\"a\" : 1 }"))
        #expect(x == y)
    }

    @Test(arguments: [
        #"{"a":"lid\/door"}"#,          // an escape: the parsed text is not the bytes
        #"{"a":"é"}"#,                   // a byte from 0x80
        #"{"a":1,"a":1}"#,               // a duplicated key
        #"{"a":{"b":1,"b":2}}"#,
        #"{"a":1,}"#, #"{"a" 1}"#, #"{"a":[1 2]}"#, #"{"a":tru}"#, #"{"a":-}"#, #"{"a":1.}"#, #"{"a":1e}"#,
        #"{"a":"open"#, #"{"a":1"#, #"{'a':1}"#, "{\"a\":\"tab\there\"}",
        String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
    ])
    func textOutsideThePlainFormIsNotRead(_ text: String) {
        #expect(scanned(text) == nil)
    }

    /// Strings are read eight bytes at a time: every length, and a stop byte at every place of a word.
    @Test func everyStringLengthAndEveryStopByteAtEveryPlace() throws {
        for n in 0..<24 {
            let text = "{\"k\":\"" + String(repeating: "a", count: n) + "\"}"
            let d = try #require(scanned(text))
            #expect(d == (try parsed(text)))
            if n > 0 { #expect(d != scanned("{\"k\":\"" + String(repeating: "a", count: n - 1) + "b\"}")) }
        }
        for at in 0..<20 {
            for stop: [UInt8] in [[0x5C, 0x6E], [0xC3, 0xA9], [0x09], [0x1F], [0x7F]] {
                var bytes = Array("{\"k\":\"".utf8) + Array(repeating: 0x61, count: 20)
                bytes.insert(contentsOf: stop, at: 6 + at)
                bytes += Array("\"}".utf8)
                let scan = bytes.withUnsafeBufferPointer { b in PayloadDigest.scan(b, from: 0).flatMap { $0.end == b.count ? $0.digest : nil } }
                // DEL (0x7F) is plain ASCII: read, and as the parser reads it.
                if stop == [0x7F] {
                    #expect(scan == PayloadDigest.of(try JSONParser.parse(bytes).get()))
                } else {
                    #expect(scan == nil)
                }
            }
        }
    }

    @Test func sixtyFourLevelsAreRead() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        let d = try #require(scanned(text))
        #expect(d == (try parsed(text)))
    }

    /// Bytes changed at random in real payloads: wherever the reader answers, the strict parser reads the
    /// same text and the parsed value has the same digest.
    @Test func wheneverTheReaderAnswersTheParserAgrees() throws {
        var rng = SeededRandom(seed: 11)
        let alphabet = Array(#"{}[]:,"\ 0123456789.-+eEtrufalsn"#.utf8) + [0x0A, 0x09, 0xC3]
        var answered = 0
        for round in 0..<4000 {
            var bytes = Array((round % 2 == 0 ? Self.compact : Self.pretty).utf8)
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let at = Int(rng.next() % UInt64(bytes.count))
                let c = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                switch rng.next() % 3 {
                case 0: bytes[at] = c
                case 1: bytes.insert(c, at: at)
                default: bytes.remove(at: at)
                }
            }
            let scan = bytes.withUnsafeBufferPointer { b in PayloadDigest.scan(b, from: 0).flatMap { $0.end == b.count ? $0.digest : nil } }
            guard let d = scan else { continue }
            answered += 1
            let value = try JSONParser.parse(bytes).get()
            #expect(PayloadDigest.of(value) == d)
        }
        #expect(answered > 200)
    }
}
