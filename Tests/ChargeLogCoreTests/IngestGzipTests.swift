import Foundation
import Testing
@testable import ChargeLogCore

@Suite("Ingest: gzip files")
struct IngestGzipTests {
    @Test("concatenated gzip members inflate to the concatenation of their contents")
    func concatenatedMembers() throws {
        let s = Scratch()
        let first = mainProcessLines(100), second = mainProcessLines(100, from: 100), third = mainProcessLines(7, from: 900)
        s.write("A23C2706768VMainProcess.log.gz", gzip(first) + gzip(second) + gzip(third))
        let b = try BundleLoader.load(paths: [s.path("A23C2706768VMainProcess.log.gz")])
        defer { b.cleanUp() }
        let f = try #require(b.files.first)
        #expect(f.displayPath == "A23C2706768VMainProcess.log.gz")
        #expect(s.readText(f.diskPath) == first + second + third)
        #expect(f.size == UInt64((first + second + third).utf8.count))
        #expect(b.diagnostics.isEmpty)
    }

    @Test("a truncated .gz keeps the inflated prefix and warns")
    func truncatedKeepsPrefix() throws {
        let s = Scratch()
        let text = mainProcessLines(20_000)
        let full = gzip(text)
        s.write("cut.log.gz", Array(full[0..<(full.count / 2)]))
        let b = try BundleLoader.load(paths: [s.path("cut.log.gz")])
        defer { b.cleanUp() }
        let f = try #require(b.files.first)
        let got = s.readText(f.diskPath)
        #expect(!got.isEmpty)
        #expect(got.count < text.count)
        #expect(text.hasPrefix(got))
        let warning = try #require(b.diagnostics.first { $0.file == "cut.log.gz" })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("cut short"))
        #expect(warning.message.contains("kept the \(got.utf8.count) byte(s)"))
    }

    @Test("damaged gzip data keeps what inflated before the damage and warns")
    func corruptKeepsPrefix() throws {
        let s = Scratch()
        let text = mainProcessLines(20_000)
        var bytes = gzip(text)
        for i in (bytes.count / 2)..<(bytes.count / 2 + 64) { bytes[i] = 0xFF }
        s.write("bad.log.gz", bytes)
        let b = try BundleLoader.load(paths: [s.path("bad.log.gz")])
        defer { b.cleanUp() }
        let f = try #require(b.files.first)
        let got = s.read(f.diskPath)
        // The damage sits in the middle of ~1.2 MB of text: the first 100 kB come out intact.
        let intactPrefix = got.count > 100_000 && got.prefix(100_000).elementsEqual(text.utf8.prefix(100_000))
        #expect(intactPrefix)
        #expect(b.diagnostics.contains { $0.file == "bad.log.gz" && $0.severity == .warning })
    }

    @Test("zero padding after the last member is noted, other trailing bytes warned about")
    func trailingBytes() throws {
        let s = Scratch()
        let text = ocppLines(10)
        s.write("pad.log.gz", gzip(text) + [UInt8](repeating: 0, count: 512))
        s.write("junk.log.gz", gzip(text) + Array("not gzip".utf8))
        let b = try BundleLoader.load(paths: [s.path("pad.log.gz"), s.path("junk.log.gz")])
        defer { b.cleanUp() }
        #expect(b.files.map { s.readText($0.diskPath) } == [text, text])
        #expect(b.diagnostics.first { $0.file == "pad.log.gz" }?.severity == .info)
        #expect(b.diagnostics.first { $0.file == "pad.log.gz" }?.message.contains("512 zero byte(s)") == true)
        #expect(b.diagnostics.first { $0.file == "junk.log.gz" }?.severity == .warning)
    }

    @Test("a .gz that inflates to nothing is skipped; a .gz name on plain text is read as text")
    func emptyAndMisnamed() throws {
        let s = Scratch()
        s.write("empty.log.gz", gzip(""))
        s.write("plain.log.gz", ocppLines(2))
        let b = try BundleLoader.load(paths: [s.path("empty.log.gz"), s.path("plain.log.gz")])
        defer { b.cleanUp() }
        #expect(b.displayPaths == ["plain.log.gz"])
        #expect(s.readText(b.files[0].diskPath) == ocppLines(2))
        #expect(b.messages(for: "empty.log.gz") == ["inflates to an empty file; skipped"])
        #expect(b.messages(for: "plain.log.gz") == ["named .gz but holds no gzip data; read as plain text"])
    }

    @Test("inflation streams: a 40 MB file goes through the 1 MiB buffers unchanged")
    func largeStream() throws {
        let s = Scratch()
        let text = mainProcessLines(600_000)
        s.write("big.log.gz", gzip(text))
        let b = try BundleLoader.load(paths: [s.path("big.log.gz")])
        defer { b.cleanUp() }
        let f = try #require(b.files.first)
        #expect(f.size == UInt64(text.utf8.count))
        #expect(crc(s.read(f.diskPath)) == crc(Array(text.utf8)))
    }
}
