import Foundation

/// The field logs of `../shared/real-logs/` (byte for byte, see its README): `CHARGELOG_REAL_LOGS`, or
/// `shared/real-logs` beside the package folder or beside one of its parents (a worktree deeper down),
/// or `/work/shared/real-logs`.
public enum RealLogs {
    public struct Missing: Error, CustomStringConvertible {
        public var name: String
        public var description: String {
            "real log \(name) not found: set CHARGELOG_REAL_LOGS or put shared/real-logs beside the package folder"
        }
    }

    public static var folder: URL? {
        var candidates: [URL] = []
        if let e = ProcessInfo.processInfo.environment["CHARGELOG_REAL_LOGS"], !e.isEmpty {
            candidates.append(URL(fileURLWithPath: e))
        }
        var dir = PackagePaths.package
        for _ in 0..<4 {
            dir = dir.deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("shared/real-logs"))
            if dir.path == "/" { break }
        }
        candidates.append(URL(fileURLWithPath: "/work/shared/real-logs"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("README.md").path) }
    }

    public static var available: Bool { folder != nil }

    public static func url(_ name: String) throws -> URL {
        guard let d = folder else { throw Missing(name: name) }
        return d.appendingPathComponent(name)
    }

    /// The path of a real log; for tests that checked `available` first.
    public static func path(_ name: String) -> String {
        (folder ?? URL(fileURLWithPath: "/work/shared/real-logs")).appendingPathComponent(name).path
    }

    public static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: url(name))) }

    /// Line `n` (1-based) of a real log, without its line end.
    public static func line(_ name: String, _ n: Int) throws -> String {
        let all = try bytes(name)
        var start = 0, k = 1
        for (i, b) in all.enumerated() where b == 0x0A {
            if k == n {
                var end = i
                if end > start, all[end - 1] == 0x0D { end -= 1 }
                return String(decoding: all[start..<end], as: UTF8.self)
            }
            k += 1
            start = i + 1
        }
        return String(decoding: all[start...], as: UTF8.self)
    }
}
