import Foundation
import Testing
@testable import ChargeLogCore

/// Archives that lie (ZIP64 offsets and sizes near 2^63 and 2^64, which trapped in `ZipRecords`,
/// `ZipSalvager`, `FileReader` and inside ZIPFoundation) and archives that inflate far beyond their
/// size (a gz bomb): each gives a clear message and keeps every line that can be read.
@Suite struct HostileArchiveTests {
    static let first = mainProcessLines(5)
    static let second = mainProcessLines(4, from: 5)
    static let archive = Zip64Builder(entries: [
        .init(name: "A23C2706768VMainProcess_0.log", text: first),
        .init(name: "A23C2706768VMainProcess.log", text: second),
    ])

    /// The texts of every record, in file order.
    static func texts(_ bundle: LoadedBundle) -> [String] {
        let index = Indexer.build(bundle, options: IndexOptions(year: 2024, threads: 1))
        return index.files.flatMap { f in (0..<f.recordCount).map { f.text($0) } }
    }

    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test("an honest ZIP64 archive (made by the test) is read through its central directory")
    func honestZip64() throws {
        let s = Scratch()
        let path = s.write("2168Vqt.zip", Self.archive.bytes())
        let bundle = try BundleLoader.load(paths: [path])
        defer { bundle.cleanUp() }
        #expect(bundle.displayPaths == ["2168Vqt.zip/A23C2706768VMainProcess_0.log", "2168Vqt.zip/A23C2706768VMainProcess.log"])
        #expect(bundle.diagnostics.isEmpty, "\(bundle.diagnostics)")
        #expect(Self.texts(bundle) == Self.lines(Self.first) + Self.lines(Self.second))
    }

    @Test("a lying ZIP64 value in the end record, locator or central directory: salvaged from the local headers, every line kept",
          arguments: [Zip64Builder.Lie.directoryOffset, .entryCount, .locatorOffset, .localHeaderOffset, .compressedSize, .storedSize])
    func lyingDirectory(lie: Zip64Builder.Lie) throws {
        for value in Zip64Builder.Lie.values {
            let s = Scratch()
            let path = s.write("2168Vqt.zip", Self.archive.bytes(lie: lie, value: value))
            let bundle = try BundleLoader.load(paths: [path])
            defer { bundle.cleanUp() }
            let archiveNotes = bundle.messages(for: "2168Vqt.zip")
            #expect(archiveNotes == ["no usable central directory (archive cut short or damaged); recovered 2 of 2 entries by scanning local headers"],
                    "\(lie) \(value)")
            #expect(Self.texts(bundle) == Self.lines(Self.first) + Self.lines(Self.second), "\(lie) \(value)")
        }
    }

    @Test("a local header whose ZIP64 size says 2^64 − 1, directory lying too: the entry's deflate stream ends it, the next entry is found")
    func lyingLocalHeader() throws {
        for value in Zip64Builder.Lie.values {
            let s = Scratch()
            let path = s.write("2168Vqt.zip", Self.archive.bytes(lie: .localCompressedSize, value: value))
            let bundle = try BundleLoader.load(paths: [path])
            defer { bundle.cleanUp() }
            #expect(Self.texts(bundle) == Self.lines(Self.first) + Self.lines(Self.second), "\(value)")
            #expect(bundle.messages(for: "2168Vqt.zip").first?.hasPrefix("no usable central directory") == true)
        }
    }

    @Test("a local header offset inside the file but pointing at no header: ZIPFoundation lists less, so both are salvaged")
    func offsetToNowhere() throws {
        let s = Scratch()
        // The first entry's local header lies at 0; offset 4 is inside its signature.
        let path = s.write("2168Vqt.zip", Self.archive.bytes(lie: .localHeaderOffset, value: 4))
        let bundle = try BundleLoader.load(paths: [path])
        defer { bundle.cleanUp() }
        #expect(bundle.messages(for: "2168Vqt.zip").first?.hasPrefix("no usable central directory") == true)
        #expect(Self.texts(bundle) == Self.lines(Self.first) + Self.lines(Self.second))
    }

    @Test("newestEntryDate reads the checked directory; a lying one gives no date instead of a trap")
    func newestEntryDateOfALyingArchive() throws {
        let s = Scratch()
        let honest = s.write("a.zip", Self.archive.bytes())
        let lying = s.write("b.zip", Self.archive.bytes(lie: .directoryOffset, value: UInt64.max))
        // Both entries carry DOS date 0x58A1 / time 0x6000: 2024-05-01 12:00:00, read as UTC.
        #expect(ZipExtractor.newestEntryDate(honest) == ms("2024-05-01T12:00:00Z"))
        #expect(ZipExtractor.newestEntryDate(lying) == nil)
    }

    @Test("FileReader: a range at or past 2^63 or of 2^64 bytes reads nothing and does not allocate it")
    func readerAtHugeOffsets() throws {
        let s = Scratch()
        let r = try FileReader(path: s.write("x.log", "abc\n"))
        #expect(r.read((1 << 63)..<UInt64.max).isEmpty)
        #expect(r.read(UInt64.max - 1..<UInt64.max).isEmpty)
        #expect(r.read(1..<UInt64.max) == Array("bc\n".utf8))
        var byte: UInt8 = 0
        #expect(r.read(into: &byte, count: 1, at: 1 << 63) == 0)
        #expect(r.read(at: UInt64.max - 2, count: 8).isEmpty)
    }

    // MARK: bombs

    /// 300 MainProcess lines (seed 000 shape), then 48 MiB of one byte: under 100 KiB compressed.
    static func bomb(filler: UInt8) -> (bytes: [UInt8], readable: String) {
        let readable = mainProcessLines(300)
        var raw = Array(readable.utf8)
        raw += [UInt8](repeating: filler, count: 48 << 20)
        return (deflate(raw, windowBits: 15 + 16, level: 9), readable)
    }

    @Test("a gz bomb (made by the test): refused past the default limit with a message naming it; the lines before are kept")
    func gzBomb() throws {
        let (gz, readable) = Self.bomb(filler: UInt8(ascii: "A"))
        #expect(gz.count < 100_000)
        let s = Scratch()
        s.write("bundle/A23C2706768VMainProcess.log.1.gz", gz)
        let bundle = try BundleLoader.load(paths: [s.path("bundle")])
        defer { bundle.cleanUp() }
        // The default: 20 × the compressed size is under the 32 MiB floor, so 32 MiB are kept.
        let file = try #require(bundle.files.first)
        #expect(file.size == 32 << 20)
        #expect(bundle.messages(for: "A23C2706768VMainProcess.log.1.gz") == [
            "inflates to more than 32 MiB (20× its \(NumberText.bytes(UInt64(gz.count))) compressed, at least 32 MiB, at most 4 GiB); kept the first 32 MiB, the rest refused (--max-inflate SIZE reads more)",
        ])
        let texts = Self.texts(bundle)
        #expect(Array(texts.prefix(300)) == Self.lines(readable))
        // The rest of what was kept is one unterminated line of filler.
        #expect(texts.count == 301)
        #expect(texts.last?.utf8.count == (32 << 20) - readable.utf8.count)
    }

    @Test("a zip entry bomb of newlines with --max-inflate 1M: 1 MiB kept, the entry named, the index sized by what was kept")
    func zipEntryBombWithLimit() throws {
        let readable = mainProcessLines(20)
        let raw = Array(readable.utf8) + [UInt8](repeating: 0x0A, count: 8 << 20)
        let data = deflate(raw, windowBits: -15, level: 9)
        let entry = RawZip.Entry(name: "A23C2706768VMainProcess.log", data: data, crc: crc(raw),
                                 compressedSize: UInt32(data.count), uncompressedSize: UInt32(raw.count))
        let s = Scratch()
        let path = s.write("2168Vqt.zip", RawZip(entries: [entry]).bytes().bytes)
        let limit = try #require(InflateLimit.parse("1M"))
        let bundle = try BundleLoader.load(paths: [path], inflateLimit: limit)
        defer { bundle.cleanUp() }
        #expect(bundle.files.map(\.size) == [1 << 20])
        #expect(bundle.messages(for: "2168Vqt.zip/A23C2706768VMainProcess.log") == [
            "inflates to more than 1 MiB (--max-inflate); kept the first 1 MiB, the rest refused (--max-inflate SIZE reads more)",
        ])
        let index = Indexer.build(bundle, options: IndexOptions(year: 2024, threads: 1))
        let f = try #require(index.files.first)
        // 20 lines, then one empty line per remaining byte.
        #expect(f.recordCount == 20 + (1 << 20) - readable.utf8.count)
        #expect((0..<20).map { f.text($0) } == Self.lines(readable))
        // About 13 bytes per record, not gigabytes reserved from an estimate.
        #expect(f.index.memoryBytes < 40 * f.recordCount)
    }

    @Test("InflateLimit: the default rule, --max-inflate sizes, and what is refused")
    func inflateLimitRule() {
        let d = InflateLimit.standard
        #expect(d.maximum(compressed: 100) == 32 << 20)
        #expect(d.maximum(compressed: 10 << 20) == 200 << 20)
        #expect(d.maximum(compressed: 1 << 40) == 4 << 30)
        #expect(d.maximum(compressed: .max) == 4 << 30)
        #expect(InflateLimit.parse("8G") == InflateLimit(bytes: 8 << 30))
        #expect(InflateLimit.parse("500m") == InflateLimit(bytes: 500 << 20))
        #expect(InflateLimit.parse("64KiB") == InflateLimit(bytes: 64 << 10))
        #expect(InflateLimit.parse("1048576") == InflateLimit(bytes: 1_048_576))
        for bad in ["", "0", "-1", "1.5G", "G", "9999999999T", "12X"] { #expect(InflateLimit.parse(bad) == nil, "\(bad)") }
    }

    @Test("nothing inflated is left on disk after cleanUp")
    func noInflatedCopyLeft() throws {
        let s = Scratch()
        s.write("bundle/A23C2706768VMainProcess.log.1.gz", gzip(mainProcessLines(10)))
        s.zip("bundle/2168Vqt.zip", [("A23C2706768VMainProcess.log", mainProcessLines(10, from: 10))])
        let bundle = try BundleLoader.load(paths: [s.path("bundle")])
        let work = try #require(bundle.workDirectory)
        #expect(FileManager.default.fileExists(atPath: work))
        #expect(WorkFolders.shared.paths.contains(work))
        bundle.cleanUp()
        #expect(!FileManager.default.fileExists(atPath: work))
        #expect(!WorkFolders.shared.paths.contains(work))
    }
}

/// Zip entry dates are MS-DOS local times without a zone; chargelog reads them as UTC.
@Suite struct ZipDOSTimeTests {
    static func date(_ y: Int, _ m: Int, _ d: Int) -> Date {
        Date(timeIntervalSince1970: Double(CivilTime.millis(year: y, month: m, day: d, hour: 12, minute: 0, second: 0, millis: 0)) / 1000)
    }

    @Test("DOS date and time as UTC, whatever the machine's zone; impossible ones give no date")
    func utc() {
        // 0x58A1: (2024 − 1980) << 9 | 5 << 5 | 1; 0x6000: 12 << 11 (APPNOTE 4.4.6).
        #expect(ZipDOSTime.millis(date: 0x58A1, time: 0x6000) == ms("2024-05-01T12:00:00Z"))
        // Feb 30 and month 13 and hour 25 do not exist.
        #expect(ZipDOSTime.millis(date: UInt16(44 << 9 | 2 << 5 | 30), time: 0) == nil)
        #expect(ZipDOSTime.millis(date: UInt16(44 << 9 | 13 << 5 | 1), time: 0) == nil)
        #expect(ZipDOSTime.millis(date: 0x58A1, time: UInt16(25 << 11)) == nil)
        // Feb 29 2024 exists, Feb 29 2023 does not.
        #expect(ZipDOSTime.millis(date: UInt16(44 << 9 | 2 << 5 | 29), time: 0) == ms("2024-02-29T00:00:00Z"))
        #expect(ZipDOSTime.millis(date: UInt16(43 << 9 | 2 << 5 | 29), time: 0) == nil)
    }
}
