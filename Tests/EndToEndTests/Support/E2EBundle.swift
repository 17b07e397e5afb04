import Foundation
import TestSupport

/// A small Sungrow bundle written from seed lines (`SeedBundles.smallSungrowBundle`, seed 000), and the
/// chargelog binary under test.
enum E2EBundle {
    /// Writes the bundle; returns its folder (remove its parent when done).
    static func write() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chargelog-e2e-\(UUID().uuidString)")
        let dir = root.appendingPathComponent("SampleBundle")
        for (path, text) in SeedBundles.smallSungrowBundle {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    /// The repository's `SampleLogs` folder.
    static var sampleLogs: URL { PackagePaths.sampleLogs }

    /// The release binary users run: `CHARGELOG_RELEASE_BIN`, or the package's `.build/release/chargelog`
    /// (`scripts/test.sh` builds it). Nil when it was not built; under `CI=true` that is a failure, not a skip.
    static var releaseBinary: String? {
        let env = ProcessInfo.processInfo.environment
        if let b = env["CHARGELOG_RELEASE_BIN"], !b.isEmpty { return b }
        let path = PackagePaths.package.appendingPathComponent(".build/release/chargelog").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// The binaries behaviour that ships is tested on: the debug build and the release build.
    static var shippedBinaries: [String] { [binary] + (releaseBinary.map { [$0] } ?? []) }

    /// The chargelog binary: `CHARGELOG_BIN`, or next to the test runner (SwiftPM builds it there).
    static var binary: String {
        if let b = ProcessInfo.processInfo.environment["CHARGELOG_BIN"], !b.isEmpty { return b }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // macOS runs tests from inside an .xctest bundle.
        while dir.pathExtension == "xctest" || dir.lastPathComponent == "MacOS" || dir.lastPathComponent == "Contents" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("chargelog").path
    }
}
