import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// ANSI colour codes in a log: ignored for detection, parsing and search, absent from the shown
/// text, still in the raw bytes.
@Suite struct ANSIColourTests {
    static let log = [
        "\u{1b}[94m2025-09-02 22:53:09,498 - ocpp - INFO - CP_1: send [2,\"42\",\"Heartbeat\",{}]\u{1b}[0m",
        "\u{1b}[94m2025-09-02 22:53:09,612 - ocpp - INFO - CP_1: receive message [3,\"42\",{\"currentTime\":\"2025-09-02T20:53:09.600Z\"}]\u{1b}[0m",
        "\u{1b}[91m2025-09-02 22:53:12,001 - ocpp - \u{1b}[1mERROR\u{1b}[22m - connection lost\u{1b}[0m",
    ].joined(separator: "\n") + "\n"

    @Test func colouredLogIsTimedLevelledAndShownWithoutCodes() throws {
        let b = try TempBundle(["coloured.log": Self.log])
        defer { b.remove() }
        let index = try b.index()
        let f = try #require(index.file(named: "coloured.log"))
        #expect(f.stream == .python && f.recordCount == 3 && f.stats.unparsedLines == 0)
        #expect(index.rows.map(\.time) == ["2025-09-02T22:53:09.498Z", "2025-09-02T22:53:09.612Z", "2025-09-02T22:53:12.001Z"])
        #expect(f.index.level(2) == .error)
        #expect(index.text(at: 2) == "2025-09-02 22:53:12,001 - ocpp - ERROR - connection lost")
        #expect(!(0..<3).contains { index.text(at: $0).contains("\u{1b}") })
        // The raw record keeps every byte.
        #expect(index.rawBytes(at: 0).prefix(5) == [0x1B, 0x5B, 0x39, 0x34, 0x6D])
        // Search reads the text without the codes: `ERROR - connection` spans a colour change in the file.
        let pattern = try TextPattern("ERROR - connection")
        #expect((0..<3).filter { pattern.matches(index.text(at: $0)) } == [2])
        // Frames are found as in an uncoloured line.
        let frames = (0..<2).flatMap { FrameExtractor.frames(of: f, record: $0) }
        #expect(frames.map(\.type) == [.call, .callResult] && frames.allSatisfy { $0.issues.isEmpty })
    }

    @Test func stripKeepsEverythingButEscapeSequences() {
        #expect(ANSIEscapes.strip("\u{1b}[1;31mred\u{1b}[0m plain \u{1b}[K") == "red plain ")
        // A lone ESC that starts no sequence stays (it is data).
        #expect(ANSIEscapes.strip("a\u{1b}b") == "a\u{1b}b")
        #expect(ANSIEscapes.strip("no codes") == "no codes")
    }
}
