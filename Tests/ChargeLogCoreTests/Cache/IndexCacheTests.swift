import Foundation
import Testing
@testable import ChargeLogCore
import ChargeLogGenerator
import TestSupport

/// The on-disk index gives exactly the index a plain scan gives: on a generated bundle read back, after a
/// file grew, after a same-size change with its modification time set back, from a damaged or truncated
/// entry, for inflated zip members, and never while following.
@Suite struct IndexCacheTests {
    /// A generated bundle and a cache folder, removed at the end.
    final class Fixture {
        let root = NSTemporaryDirectory() + "chargelog-cache-\(UUID().uuidString)"
        var bundle: String { BundleGenerator.bundlePath(in: root + "/gen") }
        var cacheDir: String { root + "/cache" }

        init(zip: Bool = false, bytes: UInt64 = 1_200_000) throws {
            _ = try BundleGenerator.generate(into: root + "/gen", options: GeneratorOptions(targetBytes: bytes, seed: 5, zip: zip))
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func index(cache: Bool, maxBytes: UInt64 = IndexCache.defaultMaxBytes, follow: Bool = false) throws -> LogIndex {
            var o = IndexOptions(threads: 2)
            if cache { o.cache = IndexCache(directory: cacheDir, maxBytes: maxBytes, minFileBytes: 0) }
            let loaded = try BundleLoader.load(paths: [bundle])
            return LiveIndexer(loaded, options: o, follow: follow).build()
        }

        var logFiles: [String] {
            (FileManager.default.enumerator(atPath: bundle)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".log") }.sorted().map { bundle + "/" + $0 }
        }

        var entries: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cacheDir)) ?? []).filter { $0.hasSuffix(".idx") }
                .map { cacheDir + "/" + $0 }
        }
    }

    /// Everything an index answers, position by position, and per file (the cache's own notes left out).
    static func fingerprint(_ ix: LogIndex) -> [String] {
        var out = ix.files.map { f in
            "\(f.displayPath) \(f.stream) \(f.recordCount) \(f.stats) \(f.yearSource) \(f.clock.summary) \(String(describing: f.role))"
        }
        out += ix.diagnostics.filter { !$0.message.hasPrefix("on-disk index") }.map(\.line)
        for p in 0..<ix.count { out.append("\(ix.info(at: p))") }
        return out
    }

    @Test func aReopenReadsEveryFileFromTheCacheAndGivesTheSameIndex() throws {
        let fx = try Fixture()
        let plain = Self.fingerprint(try fx.index(cache: false))
        let first = try fx.index(cache: true)
        #expect(first.cache?.written == first.files.count)
        #expect(first.cache?.read == 0)
        #expect(fx.entries.count == first.files.count)
        let again = try fx.index(cache: true)
        #expect(again.cache?.read == again.files.count)
        #expect(again.cache?.written == 0)
        #expect(Self.fingerprint(first) == plain)
        #expect(Self.fingerprint(again) == plain)
        // The text read back through a cached index is the file's.
        let p = again.count / 2
        #expect(again.text(at: p) == (try fx.index(cache: false)).text(at: p))
    }

    @Test func aFileThatGrewIsReadAgainAndItsEntryReplaced() throws {
        let fx = try Fixture()
        _ = try fx.index(cache: true)
        let file = try #require(fx.logFiles.first { $0.contains("Vocpp") })
        let h = try #require(FileHandle(forWritingAtPath: file))
        h.seekToEndOfFile()
        h.write(Data("2024-04-25 10:00:00.000 [info] appended after the entry was written\n".utf8))
        h.closeFile()
        let plain = Self.fingerprint(try fx.index(cache: false))
        let changed = try fx.index(cache: true)
        #expect(changed.cache?.replaced == 1)
        #expect(changed.cache?.read == changed.files.count - 1)
        #expect(changed.diagnostics.contains { $0.message.contains("on-disk index: the file changed since its entry was written") })
        #expect(Self.fingerprint(changed) == plain)
        #expect(try fx.index(cache: true).cache?.read == changed.files.count)
    }

    @Test func aSameSizeChangeWithItsModificationTimeSetBackIsNoticed() throws {
        let fx = try Fixture()
        _ = try fx.index(cache: true)
        let file = try #require(fx.logFiles.first { $0.contains("MainProcess") })
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        // One line end in the middle becomes a space: the same size, one record fewer.
        let middle = try #require(bytes.indices.dropFirst(bytes.count / 2).first { bytes[$0] == 0x0A })
        bytes[middle] = 0x20
        let h = try #require(FileHandle(forWritingAtPath: file))
        h.write(Data(bytes))
        h.closeFile()
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: file)
        let plain = Self.fingerprint(try fx.index(cache: false))
        let changed = try fx.index(cache: true)
        #expect(changed.cache?.replaced == 1)
        #expect(Self.fingerprint(changed) == plain)
    }

    @Test(arguments: ["flip", "truncate", "empty"])
    func aDamagedEntryIsIgnoredAndRewritten(_ damage: String) throws {
        let fx = try Fixture()
        let plain = Self.fingerprint(try fx.index(cache: true))
        let entry = try #require(fx.entries.max { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0
            < (try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0 })
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry)))
        switch damage {
        case "flip": bytes[bytes.count * 2 / 3] ^= 0x40
        case "truncate": bytes.removeLast(bytes.count / 3)
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: entry))
        let ix = try fx.index(cache: true)
        #expect(ix.cache?.replaced == 1)
        #expect(ix.diagnostics.contains { $0.message.contains("its entry was damaged") })
        #expect(Self.fingerprint(ix) == plain)
        #expect(try fx.index(cache: true).cache?.read == ix.files.count)
    }

    @Test func inflatedZipMembersAreKnownByTheirContent() throws {
        let fx = try Fixture(zip: true)
        let plain = Self.fingerprint(try fx.index(cache: false))
        let first = try fx.index(cache: true)
        #expect(first.cache?.written == first.files.count)
        let again = try fx.index(cache: true)
        #expect(again.cache?.read == again.files.count)
        #expect(Self.fingerprint(again) == plain)
    }

    @Test func theFolderStaysWithinItsBound() throws {
        let fx = try Fixture()
        let sizes = try fx.index(cache: true).files.count
        let total = fx.entries.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        try FileManager.default.removeItem(atPath: fx.cacheDir)
        let bound = UInt64(total / 2)
        let ix = try fx.index(cache: true, maxBytes: bound)
        #expect(ix.files.count == sizes)
        let kept = fx.entries.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        #expect(kept <= Int(bound))
        #expect(kept > 0)
    }

    @Test func clearRemovesEveryEntry() throws {
        let fx = try Fixture()
        let n = try fx.index(cache: true).files.count
        let store = IndexCache(directory: fx.cacheDir)
        #expect(store.usage().entries == n)
        let removed = try store.clear()
        #expect(removed.entries == n)
        #expect(store.usage().entries == 0)
        #expect(try fx.index(cache: true).cache?.written == n)
    }

    @Test func followingNeitherReadsNorWritesTheCache() throws {
        let fx = try Fixture()
        let ix = try fx.index(cache: true, follow: true)
        #expect(ix.cache == nil)
        #expect(fx.entries.isEmpty)
    }

    @Test func smallFilesAreNotKept() throws {
        let fx = try Fixture()
        var o = IndexOptions(threads: 1)
        o.cache = IndexCache(directory: fx.cacheDir)   // the default: files from 1 MiB
        let ix = Indexer.build(try BundleLoader.load(paths: [fx.bundle]), options: o)
        let big = ix.files.filter { $0.source.size >= IndexCache.defaultMinFileBytes }.count
        #expect(ix.cache?.notKept == ix.files.count - big)
        #expect(fx.entries.count == big)
    }

    @Test func aCachedScanAskedToReadOnScansTheFileAgain() throws {
        let fx = try Fixture()
        _ = try fx.index(cache: true)
        let file = try #require(fx.logFiles.first { $0.contains("Vocpp") })
        let input = InputFile(displayPath: "ocpp.log", diskPath: file, modificationTime: nil, size: UInt64(try FileManager.default.attributesOfItem(atPath: file)[.size] as! Int))
        let use = LiveIndexer.CacheUse(store: IndexCache(directory: fx.cacheDir, minFileBytes: 0), salt: try #require(CacheSalt.make(userFormats: [])), workDirectory: nil)
        guard case .success(let first) = LiveIndexer.open(input, follow: false, cache: use) else { Issue.record("open failed"); return }
        #expect(first.cacheOutcome != .read)
        guard case .success(var cached) = LiveIndexer.open(input, follow: false, cache: use) else { Issue.record("open failed"); return }
        #expect(cached.cacheOutcome == .read)
        let h = try #require(FileHandle(forWritingAtPath: file))
        h.seekToEndOfFile()
        h.write(Data("2024-04-25 10:00:00.000 grown\n".utf8))
        h.closeFile()
        cached.session.advance(reader: cached.reader, final: true)
        guard case .success(let fresh) = LiveIndexer.open(input, follow: false) else { Issue.record("open failed"); return }
        #expect(cached.session.output.index.count == fresh.session.output.index.count)
        #expect(cached.session.output.index.times.array == fresh.session.output.index.times.array)
        #expect(cached.session.output.stats == fresh.session.output.stats)
    }

    @Test func aFileDatedPast2262IsAnIdentityNotATrap() throws {
        let fx = try Fixture()
        let file = try #require(fx.logFiles.first { $0.contains("Vocpp") })
        var far = DateComponents()
        (far.year, far.month, far.day) = (2300, 1, 1)
        let date = try #require(Calendar(identifier: .gregorian).date(from: far))
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: file)
        let plain = Self.fingerprint(try fx.index(cache: false))
        _ = try fx.index(cache: true)
        let again = try fx.index(cache: true)
        #expect(again.cache?.read == again.files.count)
        #expect(Self.fingerprint(again) == plain)
    }

    @Test func theSameFileUnderAnotherNameIsReadAgain() throws {
        let fx = try Fixture()
        let bundled = try fx.index(cache: true)
        // Opened alone it is shown (and detected) under its bare name, not its path inside the bundle.
        let file = try #require(fx.logFiles.first { $0.contains("Vocpp") })
        var o = IndexOptions(threads: 1)
        o.cache = IndexCache(directory: fx.cacheDir, minFileBytes: 0)
        let alone = Indexer.build(try BundleLoader.load(paths: [file]), options: o)
        #expect(bundled.files.contains { $0.displayPath.hasSuffix("/A23C2706768Vocpp.log") })
        #expect(alone.files.map(\.displayPath) == ["A23C2706768Vocpp.log"])
        #expect(alone.cache?.read == 0)
        #expect(alone.cache?.replaced == 1)
    }
}
