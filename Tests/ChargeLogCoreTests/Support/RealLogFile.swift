import Foundation
@testable import ChargeLogCore

/// The real field logs in `../shared/real-logs/` (relative to the package directory; from a worktree
/// deeper down, the nearest parent folder that has `shared/real-logs`), read as they are.
enum RealLogFile {
    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String { "real log \(name) not found in ../shared/real-logs from the package directory or its parents" }
    }

    static func path(_ name: String) throws -> String {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()   // Support
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()   // package
        while dir.path != "/" {
            dir = dir.deletingLastPathComponent()
            let candidate = dir.appendingPathComponent("shared/real-logs/\(name)").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        throw Missing(name: name)
    }

    static func index(_ name: String) throws -> LogIndex {
        Indexer.build(try BundleLoader.load(paths: [try path(name)]), options: IndexOptions())
    }

    static func analysis(_ name: String) throws -> OCPPAnalysis { OCPPAnalysis.build(try index(name)) }
}
