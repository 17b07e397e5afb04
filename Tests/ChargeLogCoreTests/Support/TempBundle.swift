import Foundation
@testable import ChargeLogCore

/// A throw-away folder of log files for a test, indexed through the real loader and indexer.
struct TempBundle {
    let dir: URL

    init(_ files: [String: String], mtimes: [String: Date] = [:]) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("chargelog-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, content) in files {
            try write(name, Data(content.utf8), mtime: mtimes[name])
        }
    }

    func write(_ name: String, _ data: Data, mtime: Date? = nil) throws {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        if let m = mtime { try FileManager.default.setAttributes([.modificationDate: m], ofItemAtPath: url.path) }
    }

    func index(year: Int? = nil) throws -> LogIndex {
        let loaded = try BundleLoader.load(paths: [dir.path])
        return Indexer.build(loaded, options: IndexOptions(year: year))
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }
}

extension LogIndex {
    /// All records as (ISO time, stream, text), in merged order.
    var rows: [(time: String, stream: StreamKind, text: String)] {
        (0..<count).map { (CivilTime.iso8601(time(at: $0)), stream(at: $0), text(at: $0)) }
    }

    func file(named suffix: String) -> IndexedFile? { files.first { $0.displayPath.hasSuffix(suffix) } }
}

/// Classifies lines with a fresh parser, for per-format tests.
func classify<F: LineFormat>(_: F.Type, _ lines: [String]) -> [LineVerdict] {
    var p = F()
    return lines.map { l in
        let bytes = Array(l.utf8)
        return bytes.withUnsafeBufferPointer { p.classify($0) }
    }
}

func ms(_ iso: String) -> Int64 { CivilTime.parseUserTime(iso)! }
