import ChargeLogCore
import Foundation

/// A throw-away bundle folder for a test. Files live under `<tmp>/<uuid>/bundle/`, so display paths
/// (`bundle/2168Vocpp/A23C2706768Vocpp.log`) are the same on every run.
struct TempBundle {
    let root: URL
    var dir: URL { root.appendingPathComponent("bundle") }

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("chargelog-ui-\(UUID().uuidString)")
        for (name, content) in files {
            let url = root.appendingPathComponent("bundle").appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
    }

    func index() throws -> LogIndex {
        Indexer.build(try BundleLoader.load(paths: [dir.path]), options: IndexOptions(threads: 1))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
