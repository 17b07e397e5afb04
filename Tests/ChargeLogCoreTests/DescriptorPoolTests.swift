import Foundation
import Testing
@testable import ChargeLogCore

/// Readers share a bounded pool of descriptors: any number of files can be read under a small
/// limit, each read gives that file's bytes, and a file replaced while its descriptor was closed
/// is not read as the new file.
@Suite struct DescriptorPoolTests {
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chargelog-fd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func tenFilesReadThroughThreeDescriptors() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pool = DescriptorPool(capacity: 3)
        var readers: [FileReader] = []
        for i in 0..<10 {
            let url = dir.appendingPathComponent("f\(i).log")
            try Data("file \(i) says hello\n".utf8).write(to: url)
            readers.append(try FileReader(path: url.path, pool: pool))
            #expect(pool.openCount <= 3)
        }
        for round in 0..<3 {
            for (i, r) in readers.enumerated().reversed() {
                #expect(String(decoding: r.read(0..<100), as: UTF8.self) == "file \(i) says hello\n", "round \(round)")
                #expect(r.currentSize == UInt64("file \(i) says hello\n".utf8.count))
                #expect(pool.openCount <= 3)
            }
        }
        readers.removeAll()
        #expect(pool.openCount == 0)
    }

    @Test func aFileReplacedWhileClosedIsNotReadAsTheNewFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pool = DescriptorPool(capacity: 1)
        let a = dir.appendingPathComponent("a.log"), b = dir.appendingPathComponent("b.log")
        try Data("old a\n".utf8).write(to: a)
        try Data("b\n".utf8).write(to: b)
        let ra = try FileReader(path: a.path, pool: pool)
        let rb = try FileReader(path: b.path, pool: pool)
        #expect(ra.read(0..<10) == Array("old a\n".utf8))
        #expect(rb.read(0..<10) == Array("b\n".utf8))   // closes a's descriptor
        let replacement = dir.appendingPathComponent("a.new")
        try Data("NEW A, another file\n".utf8).write(to: replacement)
        _ = rename(replacement.path, a.path)
        #expect(ra.read(0..<20).isEmpty)
    }

    @Test func aMissingFileFailsWhereItIsNamed() throws {
        let pool = DescriptorPool(capacity: 2)
        #expect(throws: ChargeLogError.self) { try FileReader(path: "/nonexistent/chargelog/x.log", pool: pool) }
        #expect(pool.openCount == 0)
    }

    @Test func theDefaultBoundLeavesRoomUnderTheLimit() {
        var limit = rlimit()
        #expect(getrlimit(DescriptorPool.descriptorLimit, &limit) == 0)
        let c = DescriptorPool.defaultCapacity()
        #expect(c >= 8 && c <= 1024)
        if UInt64(limit.rlim_cur) < 1 << 20, limit.rlim_cur > 200 { #expect(UInt64(c) < UInt64(limit.rlim_cur) / 2) }
    }
}
