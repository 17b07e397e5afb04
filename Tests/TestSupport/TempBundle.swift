import ChargeLogCore
import Foundation

/// A throw-away bundle folder for a test, indexed through the real loader and indexer. Files live
/// under `<tmp>/<uuid>/bundle/`, so display paths (`bundle/2168Vocpp/A23C2706768Vocpp.log`) are the
/// same on every run; `root` is free for a test's own output.
public struct TempBundle {
    public let root: URL
    public var dir: URL { root.appendingPathComponent("bundle") }

    /// `prefix` names the temporary folder (`chargelog-ui` for screens whose snapshots mask it).
    public init(_ files: [String: String], mtimes: [String: Date] = [:], prefix: String = "chargelog-test") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, content) in files { try write(name, Data(content.utf8), mtime: mtimes[name]) }
    }

    public func write(_ name: String, _ data: Data, mtime: Date? = nil) throws {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        if let m = mtime { try FileManager.default.setAttributes([.modificationDate: m], ofItemAtPath: url.path) }
    }

    /// The bundle indexed with `options` (one thread by default: tests compare orders exactly).
    public func index(_ options: IndexOptions = IndexOptions(threads: 1)) throws -> LogIndex {
        Indexer.build(try BundleLoader.load(paths: [dir.path]), options: options)
    }

    /// The bundle indexed with a stated year for year-less stamps.
    public func index(year: Int?) throws -> LogIndex { try index(IndexOptions(year: year, threads: 1)) }

    public func remove() { try? FileManager.default.removeItem(at: root) }
}
