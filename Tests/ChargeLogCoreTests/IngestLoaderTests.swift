import Foundation
import Testing
@testable import ChargeLogCore

@Suite("Ingest: loading folders, archives and files")
struct IngestLoaderTests {
    @Test("a folder mixing plain files, a zip and a .gz yields every log with its display path and bytes")
    func folderZipGzMix() throws {
        let s = Scratch()
        let main = mainProcessLines(50), older = mainProcessLines(20, from: 500), ocpp = ocppLines(30)
        s.write("bundle/2168Vocpp/A23C2706768Vocpp.log", ocpp)
        let entryDate = Date(timeIntervalSince1970: 1_714_572_000)   // 2024-05-01 14:00 UTC
        s.zip("bundle/2168Vqt.zip", [("A23C2706768VMainProcess.log", main), ("A23C2706768VMainProcess_0.log", older)],
              entryDate: entryDate)
        s.write("bundle/2168Vfault/fault.log.gz", gzip("[January/10 06:21:06.873 UTC]CCU1->Err_Connector1_Cp_StateE_Alarm\n"))

        let b = try BundleLoader.load(paths: [s.path("bundle")])
        defer { b.cleanUp() }
        #expect(b.displayPaths == [
            "2168Vfault/fault.log.gz",
            "2168Vocpp/A23C2706768Vocpp.log",
            "2168Vqt.zip/A23C2706768VMainProcess_0.log",
            "2168Vqt.zip/A23C2706768VMainProcess.log",
        ])
        let zipped = try #require(b.file("2168Vqt.zip/A23C2706768VMainProcess.log"))
        #expect(s.readText(zipped.diskPath) == main)
        #expect(zipped.size == UInt64(main.utf8.count))
        // The entry's own date, not the extraction time (DOS dates have 2 s resolution).
        #expect(abs((zipped.modificationTime ?? 0) - 1_714_572_000_000) <= 2000)
        #expect(zipped.diskPath.hasPrefix(try #require(b.workDirectory)))
        #expect(s.readText(try #require(b.file("2168Vqt.zip/A23C2706768VMainProcess_0.log")).diskPath) == older)
        let fault = try #require(b.file("2168Vfault/fault.log.gz"))
        #expect(s.readText(fault.diskPath) == "[January/10 06:21:06.873 UTC]CCU1->Err_Connector1_Cp_StateE_Alarm\n")
        let plain = try #require(b.file("2168Vocpp/A23C2706768Vocpp.log"))
        #expect(plain.diskPath == s.path("bundle/2168Vocpp/A23C2706768Vocpp.log"))
        #expect(b.diagnostics.filter { $0.severity >= .warning }.isEmpty)
    }

    @Test("the indexer reads the inflated copies: records from zip and gz entries are on the timeline")
    func indexesInflatedCopies() throws {
        let s = Scratch()
        s.zip("b/2168Vocpp.zip", [("A23C2706768Vocpp.log", ocppLines(40))])
        s.write("b/ocpp.log.1.gz", gzip(ocppLines(10)))
        let b = try BundleLoader.load(paths: [s.path("b")])
        defer { b.cleanUp() }
        let index = Indexer.build(b, options: IndexOptions(threads: 1))
        #expect(index.count == 50)
        #expect(index.files.map(\.stream) == [.ocpp, .ocpp])
    }

    @Test("duplicate downloads: the newest copy by modification time is kept, the others reported")
    func duplicateDownloadsKeepNewest() throws {
        let s = Scratch()
        let day: TimeInterval = 86_400, base = Date(timeIntervalSince1970: 1_714_521_600)
        s.zip("dl/2168Vqt.zip", [("A23C2706768VMainProcess.log", mainProcessLines(3))], modified: base)
        s.zip("dl/2168Vqt (1).zip", [("A23C2706768VMainProcess.log", mainProcessLines(9))], modified: base + 2 * day)
        s.zip("dl/2168Vqt(2).zip", [("A23C2706768VMainProcess.log", mainProcessLines(6))], modified: base + day)
        s.zip("dl/2168Vocpp.zip", [("A23C2706768Vocpp.log", ocppLines(2))], modified: base)

        let b = try BundleLoader.load(paths: [s.path("dl")])
        defer { b.cleanUp() }
        #expect(b.displayPaths == ["2168Vocpp.zip/A23C2706768Vocpp.log", "2168Vqt (1).zip/A23C2706768VMainProcess.log"])
        #expect(s.readText(b.files[1].diskPath) == mainProcessLines(9))
        for skipped in ["2168Vqt.zip", "2168Vqt(2).zip"] {
            let m = b.messages(for: skipped)
            #expect(m.count == 1)
            #expect(m.first?.contains("kept the newer 2168Vqt (1).zip") == true)
        }
    }

    @Test("duplicate downloads given one by one on the command line are filtered too")
    func duplicateDownloadsAsArguments() throws {
        let s = Scratch()
        let base = Date(timeIntervalSince1970: 1_714_521_600)
        let a = s.write("dl/A23C2706768Vocpp.log", ocppLines(2), modified: base + 60)
        let b1 = s.write("dl/A23C2706768Vocpp (1).log", ocppLines(4), modified: base)
        let bundle = try BundleLoader.load(paths: [b1, a])
        #expect(bundle.displayPaths == ["A23C2706768Vocpp.log"])
        #expect(bundle.messages(for: "A23C2706768Vocpp (1).log").first?.contains("kept the newer A23C2706768Vocpp.log") == true)
    }

    @Test("rotated halves are read oldest first, grouped at the log's place")
    func rotationOrderInFolderAndZip() throws {
        let s = Scratch()
        for name in ["ocpp.log", "ocpp.log.1", "A23C2706768VMainProcess.log", "A23C2706768VMainProcess_0.log",
                     "ccu.log", "module_2.log"] {
            s.write("r/" + name, ocppLines(1))
        }
        s.write("r/ocpp.log.2.gz", gzip(ocppLines(1)))
        let b = try BundleLoader.load(paths: [s.path("r")])
        defer { b.cleanUp() }
        #expect(b.displayPaths == ["A23C2706768VMainProcess_0.log", "A23C2706768VMainProcess.log", "ccu.log",
                                   "module_2.log", "ocpp.log.2.gz", "ocpp.log.1", "ocpp.log"])

        s.zip("z.zip", [("ocpp.log", ocppLines(1)), ("ocpp.log.1", ocppLines(1)), ("ocpp.log.2", ocppLines(1)),
                        ("X.log", ocppLines(1)), ("X_0.log", ocppLines(1))])
        let z = try BundleLoader.load(paths: [s.path("z.zip")])
        defer { z.cleanUp() }
        #expect(z.displayPaths == ["z.zip/X_0.log", "z.zip/X.log", "z.zip/ocpp.log.2", "z.zip/ocpp.log.1", "z.zip/ocpp.log"])
    }

    @Test("empty files and OS clutter are skipped with an info message; everything else is kept")
    func emptyAndClutter() throws {
        let s = Scratch()
        s.write("f/empty.log", "")
        s.write("f/.DS_Store", [0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31])
        s.write("f/Thumbs.db", [0xD0, 0xCF, 0x11, 0xE0])
        s.write("f/notes.txt", "technician notes: connector 2 swapped\n")
        s.zip("f/2168Vqt.zip", [("__MACOSX/._A.log", "junk"), ("A.log", mainProcessLines(2)), ("empty.log", "")])
        let b = try BundleLoader.load(paths: [s.path("f")])
        defer { b.cleanUp() }
        #expect(b.displayPaths == ["2168Vqt.zip/A.log", "notes.txt"])
        #expect(b.messages(for: "empty.log") == ["empty file (0 bytes); skipped"])
        #expect(b.messages(for: "2168Vqt.zip/empty.log") == ["empty file (0 bytes); skipped"])
        #expect(b.messages(for: ".DS_Store").first?.contains("skipped") == true)
        #expect(b.messages(for: "Thumbs.db").first?.contains("skipped") == true)
        #expect(b.messages(for: "2168Vqt.zip/__MACOSX/._A.log").first?.contains("skipped") == true)
        #expect(b.diagnostics.allSatisfy { $0.severity == .info })
    }

    @Test("a path that does not exist throws pathNotFound")
    func missingPathThrows() {
        let s = Scratch()
        let missing = s.path("no-such-bundle")
        #expect(throws: ChargeLogError.pathNotFound(missing)) { try BundleLoader.load(paths: [missing]) }
        s.write("real.log", ocppLines(1))
        #expect(throws: ChargeLogError.pathNotFound(missing)) { try BundleLoader.load(paths: [s.path("real.log"), missing]) }
    }

    @Test("a named pipe, given directly or inside a folder, is skipped without blocking")
    func pipesAreSkipped() throws {
        let s = Scratch()
        s.write("p/ok.log", ocppLines(1))
        #expect(mkfifo(s.path("p/live.fifo"), 0o600) == 0)
        let b = try BundleLoader.load(paths: [s.path("p"), s.path("p/live.fifo")])
        #expect(b.displayPaths == ["p/ok.log"])
        #expect(b.messages(for: "p/live.fifo").first?.contains("not a regular file") == true)
        #expect(b.messages(for: s.path("p/live.fifo")).first?.contains("not a regular file") == true)
    }

    @Test("a folder with nothing readable yields no files and an error naming it")
    func nothingReadable() throws {
        let s = Scratch()
        s.write("bare/.DS_Store", [1, 2, 3])
        s.write("bare/empty.log", "")
        let b = try BundleLoader.load(paths: [s.path("bare")])
        #expect(b.files.isEmpty)
        #expect(b.diagnostics.contains { $0.severity == .warning && $0.file == s.path("bare") && $0.message == "no readable log file in this folder" })
        #expect(b.diagnostics.contains { $0.severity == .error && $0.message == "no readable log file found" })
        #expect(b.workDirectory == nil)
    }

    @Test("a mode-000 file is skipped with a warning naming it (root reads through it: then it is kept)")
    func unreadableFile() throws {
        let s = Scratch()
        s.write("u/ok.log", ocppLines(2))
        let locked = s.write("u/locked.log", ocppLines(2))
        chmod(locked, 0)
        defer { chmod(locked, 0o644) }
        let b = try BundleLoader.load(paths: [s.path("u")])
        if getuid() == 0 {
            // root reads through mode 000; the file is simply kept.
            #expect(b.displayPaths == ["locked.log", "ok.log"])
        } else {
            #expect(b.displayPaths == ["ok.log"])
            #expect(b.messages(for: "locked.log").first?.contains("cannot read") == true)
        }
    }

    @Test("a file that cannot be opened even by root (a link to nothing) is skipped with a message naming it")
    func danglingLink() throws {
        let s = Scratch()
        s.write("d/ok.log", ocppLines(2))
        #expect(symlink(s.path("d/nowhere.log"), s.path("d/gone.log")) == 0)
        let b = try BundleLoader.load(paths: [s.path("d")])
        defer { b.cleanUp() }
        #expect(b.displayPaths == ["ok.log"])
        #expect(b.messages(for: "gone.log").first?.contains("cannot read") == true, "\(b.diagnostics)")
    }

    @Test("several paths: each prefixed by its own name; one folder: paths relative to it")
    func displayPathsForSeveralInputs() throws {
        let s = Scratch()
        s.write("siteA/logs/ocpp.log", ocppLines(1))
        s.write("siteB/logs/ocpp.log", ocppLines(1))
        s.zip("2168Vqt.zip", [("A23C2706768VMainProcess.log", mainProcessLines(1))])
        s.write("single.log", ocppLines(1))
        let several = try BundleLoader.load(paths: [s.path("siteA/logs"), s.path("siteB/logs"), s.path("2168Vqt.zip"), s.path("single.log")])
        defer { several.cleanUp() }
        #expect(several.displayPaths == ["siteA/logs/ocpp.log", "siteB/logs/ocpp.log",
                                         "2168Vqt.zip/A23C2706768VMainProcess.log", "single.log"])
        let one = try BundleLoader.load(paths: [s.path("siteA")])
        #expect(one.displayPaths == ["logs/ocpp.log"])
    }

    @Test("cleanUp removes the work folder and every inflated copy")
    func cleanUpRemovesWorkFolder() throws {
        let s = Scratch()
        s.zip("a.zip", [("x.log", ocppLines(3))])
        let b = try BundleLoader.load(paths: [s.path("a.zip")])
        let work = try #require(b.workDirectory)
        #expect(FileManager.default.fileExists(atPath: b.files[0].diskPath))
        b.cleanUp()
        #expect(!FileManager.default.fileExists(atPath: work))
    }

    @Test("a zip inside a zip and a .gz inside a zip are opened too")
    func nestedArchives() throws {
        let s = Scratch()
        let inner = s.zip("tmp/inner.zip", [("A23C2706768Vocpp.log", ocppLines(5))])
        let innerBytes = s.read(inner)
        let gz = gzip(mainProcessLines(4))
        let outer = s.path("outer.zip")
        let archive = try ZIPFoundationTestArchive(path: outer)
        try archive.add("2168Vocpp.zip", innerBytes)
        try archive.add("qt/A23C2706768VMainProcess.log.gz", gz)
        let b = try BundleLoader.load(paths: [outer])
        defer { b.cleanUp() }
        #expect(b.displayPaths == ["outer.zip/2168Vocpp.zip/A23C2706768Vocpp.log", "outer.zip/qt/A23C2706768VMainProcess.log.gz"])
        #expect(s.readText(b.files[0].diskPath) == ocppLines(5))
        #expect(s.readText(b.files[1].diskPath) == mainProcessLines(4))
        // Intermediate copies (the inner zip, the .gz) are removed once opened.
        let left = try FileManager.default.contentsOfDirectory(atPath: try #require(b.workDirectory))
        #expect(left.count == 2)
    }
}

import ZIPFoundation

/// Adds raw byte entries to a new ZIPFoundation archive.
struct ZIPFoundationTestArchive {
    let archive: Archive
    init(path: String) throws { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create) }
    func add(_ name: String, _ bytes: [UInt8]) throws {
        let data = Data(bytes)
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
            data.subdata(in: Int(pos)..<Int(pos) + size)
        }
    }
}
