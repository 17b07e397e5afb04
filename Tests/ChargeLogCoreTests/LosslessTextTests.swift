import Foundation
import Testing
@testable import ChargeLogCore

/// Bytes to text without loss, on the contiguous fast path and the generic one alike: valid UTF-8
/// as is, each byte of an invalid sequence as `\xNN` (expected values written from the bytes).
@Suite struct LosslessTextTests {
    static let cases: [([UInt8], String)] = [
        (Array("plain ascii".utf8), "plain ascii"),
        (Array("µs 00:03 ✓ 😀".utf8), "µs 00:03 ✓ 😀"),
        ([0x41, 0xFF, 0x42], "A\\xFFB"),
        ([0xC3], "\\xC3"),                       // a lead byte cut off
        ([0xE2, 0x9C], "\\xE2\\x9C"),             // a three-byte sequence cut off
        ([0xEF, 0xBF, 0xBD], "\u{FFFD}"),        // a real replacement character stays one
        ([0xED, 0xA0, 0x80], "\\xED\\xA0\\x80"), // a UTF-16 surrogate is no UTF-8
        ([0x00, 0x1B], "\u{0}\u{1B}"),
    ]

    @Test(arguments: cases)
    func contiguousAndGenericAgree(_ bytes: [UInt8], _ text: String) {
        #expect(LosslessText.decode(bytes) == text)                 // contiguous (Array)
        #expect(LosslessText.decode(bytes.lazy.map { $0 }) == text) // not contiguous: the generic path
        let valid = String(validating: bytes, as: UTF8.self) != nil
        #expect(LosslessText.isValidUTF8(bytes) == valid)
        #expect(LosslessText.isValidUTF8(bytes.lazy.map { $0 }) == valid)
    }
}
