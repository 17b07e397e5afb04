import Foundation
import Testing
@testable import ChargeLogCore

/// Bad bytes end to end: loader (plain, zip, gz) → indexer. Every line is kept and every problem
/// is reported against the file the user knows.
@Suite("Bad input through ingest and the indexer")
struct BadInputTests {
    static let hugeBody = String(repeating: "0123456789abcdef", count: 10 * 1024 * 1024 / 16)   // one 10 MiB line

    /// Five MainProcess lines (seed 000 shape), CRLF endings, each damaged a different way; the last is half-written.
    static var bytes: [UInt8] {
        var b: [UInt8] = []
        b += Array("Apr/30 20:02:13 UTC --  OCPP_Connection_Fail\r\n".utf8)
        b += Array("Apr/30 20:02:14 UTC --  Recv BootNotification: \u{00B5}s ".utf8) + [0xC3, 0x28, 0xB5] + Array(" end\r\n".utf8)
        b += Array("Apr/30 20:02:15 UTC --  Card NoEnable ".utf8) + [0, 0] + Array(" after NUL\r\n".utf8)
        b += Array("Apr/30 20:02:16 UTC --  setting power ".utf8) + Array(hugeBody.utf8) + Array("\r\n".utf8)
        b += Array("Apr/30 20:02:17 UTC --  Start_Transac".utf8)
        return b
    }

    static let expectedTexts = [
        "Apr/30 20:02:13 UTC --  OCPP_Connection_Fail",
        "Apr/30 20:02:14 UTC --  Recv BootNotification: \u{00B5}s \\xC3(\\xB5 end",
        "Apr/30 20:02:15 UTC --  Card NoEnable \u{0}\u{0} after NUL",
        "Apr/30 20:02:16 UTC --  setting power " + hugeBody,
        "Apr/30 20:02:17 UTC --  Start_Transac",
    ]

    @Test("invalid UTF-8, NUL, CRLF, a 10 MiB line and a half-written last line: all kept, each reported")
    func everyLineKept() throws {
        let s = Scratch()
        let raw = Self.bytes
        s.write("bundle/2168Vqt/A23C2706768VMainProcess.log", raw)
        let archive = try ZIPFoundationTestArchive(path: s.path("bundle/2168Vqtcopy.zip"))
        try archive.add("A23C2706768VMainProcess.log", raw)
        s.write("bundle/A23C2706768VMainProcess.log.1.gz", deflate(raw, windowBits: 31))

        let bundle = try BundleLoader.load(paths: [s.path("bundle")])
        defer { bundle.cleanUp() }
        let displays = ["2168Vqt/A23C2706768VMainProcess.log", "2168Vqtcopy.zip/A23C2706768VMainProcess.log",
                        "A23C2706768VMainProcess.log.1.gz"]
        #expect(bundle.displayPaths == displays)
        #expect(bundle.files.allSatisfy { $0.size == UInt64(raw.count) })

        let index = Indexer.build(bundle, options: IndexOptions(year: 2024, threads: 2))
        #expect(index.count == 15)
        for (f, display) in zip(index.files, displays) {
            #expect(f.displayPath == display)
            #expect(f.stream == .mainprocess)
            #expect(f.recordCount == 5)
            let texts = (0..<f.recordCount).map { f.text($0) }
            let same = texts == Self.expectedTexts
            #expect(same, "texts of \(display)")
            #expect((0..<f.recordCount).map { f.index.lineCount($0) }.reduce(0, +) == 5)
            // Raw bytes come back exactly, CR and all.
            #expect(f.rawBytes(0) == Array("Apr/30 20:02:13 UTC --  OCPP_Connection_Fail\r\n".utf8))

            let messages = index.diagnostics.filter { $0.file == display }.map(\.message)
            #expect(messages.contains("1 line(s) contain NUL bytes; kept, shown as ^@"))
            #expect(messages.contains("1 line(s) contain invalid UTF-8; bytes shown as \\xNN"))
            #expect(messages.contains { $0.hasPrefix("1 line(s) over 1 MiB") })
            #expect(messages.contains { $0.hasPrefix("last line has no line end") })
        }
        // Equal times across the three copies keep the bundle's file order.
        let order = (0..<index.count).map { index.info(at: $0).file }
        #expect(Array(order.prefix(3)) == displays)
    }
}
