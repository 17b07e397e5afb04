import Testing
@testable import ChargeLogCore

/// `Bytes.find` anchored on a rarer byte answers what the plain search answers: the first occurrence
/// at or after `from`, in whole buffers and in slices.
@Suite struct BytesFindTests {
    static func both(_ text: String, _ from: Int? = nil) -> (Int?, Int?) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            (Bytes.find(b, " stop reason: ", from: from), Bytes.find(b, " stop reason: ", anchor: UInt8(ascii: "p"), from: from))
        }
    }

    @Test("first occurrence, at the start, at the end, after near misses, from an offset")
    func sameAsPlain() {
        let cases = [
            " stop reason: EVDisconnected",                                       // at the start
            "Connector 1 stop reason: Remote",                                    // MainProcess line shape
            "xstop reason: a, Connector 2 stop reason: b",                        // a near miss before the match
            "Connector 2 stop reaso",                                             // cut short
            "pppp stop reason: stop reason: ",                                    // anchor byte repeated, two matches
            "no match here at all, only p and stop",
            "ends with it: stop reason: ",
        ]
        for c in cases {
            let (plain, anchored) = Self.both(c)
            #expect(plain == anchored, "\(c)")
        }
        #expect(Self.both("Connector 1 stop reason: Remote").1 == 11)
        // From an offset past the first match: the second.
        #expect(Self.both("pppp stop reason: stop reason: ", 5) == (17, 17))
        // In a slice (indices of the whole buffer).
        let bytes = Array("abc Connector 1 stop reason: Local".utf8)
        bytes.withUnsafeBufferPointer { b in
            #expect(Bytes.find(b[4...], " stop reason: ", anchor: UInt8(ascii: "p")) == 15)
            #expect(Bytes.find(b[16...], " stop reason: ", anchor: UInt8(ascii: "p")) == nil)
        }
        // An anchor the pattern lacks falls back to the plain search.
        #expect(Array("a choose authorize: x".utf8).withUnsafeBufferPointer { Bytes.find($0, "choose", anchor: UInt8(ascii: "q")) } == 2)
    }
}
