import Foundation
import Testing
@testable import ChargeLogCore

@Suite("Ingest: damaged zip archives")
struct IngestZipTests {
    /// Three deflated entries, each large enough that a cut lands inside one.
    static let texts = [mainProcessLines(3000), mainProcessLines(3000, from: 5000), ocppLines(3000)]
    static let names = ["A23C2706768VMainProcess_0.log", "A23C2706768VMainProcess.log", "A23C2706768Vocpp.log"]

    @Test("a zip cut inside its last entry: entries are salvaged from local headers, the last one partly")
    func truncatedZipSalvaged() throws {
        let s = Scratch()
        let full = s.read(s.zip("tmp/2168Vqt.zip", Array(zip(Self.names, Self.texts))))
        let third = try #require(offsets(of: [0x50, 0x4B, 0x03, 0x04], in: full).last)
        let cdStart = try #require(offsets(of: [0x50, 0x4B, 0x01, 0x02], in: full).first)
        s.write("2168Vqt.zip", Array(full[0..<((third + cdStart) / 2)]))

        let b = try BundleLoader.load(paths: [s.path("2168Vqt.zip")])
        defer { b.cleanUp() }
        // Names are already in reading order: the `_0` half, the live MainProcess log, then ocpp.
        #expect(b.displayPaths == Self.names.map { "2168Vqt.zip/" + $0 })
        let summary = try #require(b.diagnostics.first { $0.file == "2168Vqt.zip" })
        #expect(summary.severity == .warning)
        #expect(summary.message.contains("recovered 3 of 3 entries"))
        #expect(summary.message.contains("1 cut short"))
        #expect(s.readText(try #require(b.file("2168Vqt.zip/" + Self.names[0])).diskPath) == Self.texts[0])
        #expect(s.readText(try #require(b.file("2168Vqt.zip/" + Self.names[1])).diskPath) == Self.texts[1])
        let cut = s.readText(try #require(b.file("2168Vqt.zip/" + Self.names[2])).diskPath)
        #expect(!cut.isEmpty && cut.count < Self.texts[2].count && Self.texts[2].hasPrefix(cut))
        #expect(b.messages(for: "2168Vqt.zip/" + Self.names[2]).first?.contains("cut short") == true)
        // Entry dates survive salvage (DOS date in the local header).
        #expect(abs((b.files[0].modificationTime ?? 0) - 1_714_572_000_000) <= 2000)
    }

    @Test("salvage finds entry ends through data descriptors (sizes not in the local headers)")
    func truncatedStreamedZip() throws {
        let s = Scratch()
        let entries = zip(Self.names, Self.texts).map { RawZip.deflated($0.0, $0.1, descriptor: true) }
        let (bytes, headers) = RawZip(entries: entries).bytes(centralDirectory: false)
        s.write("streamed.zip", Array(bytes[0..<(headers[2] + 4000)]))
        let b = try BundleLoader.load(paths: [s.path("streamed.zip")])
        defer { b.cleanUp() }
        #expect(b.files.count == 3)
        #expect(s.readText(try #require(b.file("streamed.zip/" + Self.names[0])).diskPath) == Self.texts[0])
        #expect(s.readText(try #require(b.file("streamed.zip/" + Self.names[1])).diskPath) == Self.texts[1])
        #expect(b.messages(for: "streamed.zip/" + Self.names[0]).isEmpty)
        let summary = try #require(b.messages(for: "streamed.zip").first)
        #expect(summary.contains("recovered 3 of 3 entries") && summary.hasSuffix(", 1 cut short"))
    }

    @Test("a stored entry that fails its CRC is kept as read, with a warning")
    func crcMismatch() throws {
        let s = Scratch()
        let text = ocppLines(50)
        var bytes = s.read(s.zip("tmp/c.zip", [("A23C2706768Vocpp.log", text)], stored: true))
        let at = try #require(offsets(of: Array("Heartbeat".utf8), in: bytes).first)
        bytes[at] = UInt8(ascii: "h")
        s.write("c.zip", bytes)
        let b = try BundleLoader.load(paths: [s.path("c.zip")])
        defer { b.cleanUp() }
        let f = try #require(b.files.first)
        #expect(s.readText(f.diskPath) == text.replacingOccurrences(of: "\"Heartbeat\"", with: "\"heartbeat\"", options: [], range: text.range(of: "\"Heartbeat\"")))
        #expect(b.messages(for: "c.zip/A23C2706768Vocpp.log") == ["CRC check failed (content damaged); kept as read"])
    }

    @Test("an entry whose deflate data ends early, central directory intact: the data read is kept, with a warning")
    func centralDirectoryIntactButDataShort() throws {
        // Level 0 deflate is stored blocks: zlib would copy whatever follows as data. Reading stops at the
        // stated compressed size (ZIPFoundation 0.9.20's own decode reads past its buffer here).
        let s = Scratch()
        let text = mainProcessLines(4000)
        var e = RawZip.deflated("A23C2706768VMainProcess.log", text, level: 0)
        e.data = Array(e.data[0..<(e.data.count / 2)])
        e.compressedSize = UInt32(e.data.count)
        s.write("short.zip", RawZip(entries: [e]).bytes().bytes)
        let b = try BundleLoader.load(paths: [s.path("short.zip")])
        defer { b.cleanUp() }
        let f = try #require(b.files.first)
        let got = s.readText(f.diskPath)
        #expect(got.utf8.count > 100_000 && text.hasPrefix(got))
        let m = b.messages(for: "short.zip/A23C2706768VMainProcess.log")
        #expect(m.count == 1)
        #expect(m.first?.contains("cut short") == true)
    }

    @Test("a central directory that states a size larger than the file falls back to salvage")
    func lyingCentralDirectory() throws {
        let s = Scratch()
        var e = RawZip.deflated("A23C2706768Vocpp.log", ocppLines(100))
        let good = e
        e.compressedSize = 50_000_000
        var (bytes, _) = RawZip(entries: [e]).bytes()
        // Keep the local header truthful so salvage can read the entry.
        bytes.replaceSubrange(18..<22, with: withUnsafeBytes(of: good.compressedSize.littleEndian, Array.init))
        s.write("lie.zip", bytes)
        let b = try BundleLoader.load(paths: [s.path("lie.zip")])
        defer { b.cleanUp() }
        #expect(s.readText(try #require(b.files.first).diskPath) == ocppLines(100))
        #expect(b.messages(for: "lie.zip").first?.contains("recovered 1 of 1 entry by scanning") == true)
    }

    @Test("password-protected and unsupported-method entries are skipped with a warning; the rest is read")
    func unreadableEntries() throws {
        let s = Scratch()
        var locked = RawZip.deflated("secret.log", ocppLines(5))
        locked.flags = 0x0001
        var bzip = RawZip.deflated("bzip2.log", ocppLines(5))
        bzip.method = 12
        let ok = RawZip.deflated("A23C2706768Vocpp.log", ocppLines(5))
        let bytes = RawZip(entries: [locked, bzip, ok]).bytes().bytes
        s.write("mixed.zip", bytes)
        // The same entries with the central directory cut off go through salvage.
        let cut = RawZip(entries: [locked, bzip, ok]).bytes(centralDirectory: false).bytes
        s.write("cut/mixed.zip", cut)
        for path in [s.path("mixed.zip"), s.path("cut/mixed.zip")] {
            let b = try BundleLoader.load(paths: [path])
            defer { b.cleanUp() }
            #expect(b.displayPaths == ["mixed.zip/A23C2706768Vocpp.log"])
            #expect(s.readText(b.files[0].diskPath) == ocppLines(5))
            #expect(b.messages(for: "mixed.zip/secret.log") == ["entry is password-protected; skipped"])
            #expect(b.messages(for: "mixed.zip/bzip2.log") == ["entry is compressed with method 12, which is not supported; skipped"])
        }
    }

    @Test("a file named .zip that is no archive is reported and skipped")
    func notAZip() throws {
        let s = Scratch()
        s.write("fake.zip", "<html>session expired</html>\n")
        s.write("ok.log", ocppLines(1))
        let b = try BundleLoader.load(paths: [s.root])
        #expect(b.displayPaths == ["ok.log"])
        let d = try #require(b.diagnostics.first { $0.file == "fake.zip" })
        #expect(d.severity == .error)
        #expect(d.message.contains("not a readable zip archive"))
    }

    func offsets(of needle: [UInt8], in hay: [UInt8]) -> [Int] {
        guard hay.count >= needle.count else { return [] }
        return (0...(hay.count - needle.count)).filter { i in hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle }
    }
}
