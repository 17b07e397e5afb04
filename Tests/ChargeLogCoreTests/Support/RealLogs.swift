import Foundation

/// The field logs of `../shared/real-logs/` (byte for byte, see its README), found from the package
/// folder: beside the repository (`/work/main` → `/work/shared`) or one level further up (a worktree
/// under `/work/wt/`).
enum RealLogs {
    static var directory: URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var dir = root
        for _ in 0..<3 {
            dir = dir.deletingLastPathComponent()
            let candidate = dir.appendingPathComponent("shared/real-logs")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path) { return candidate }
        }
        return nil
    }

    static func url(_ name: String) throws -> URL {
        guard let d = directory else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "shared/real-logs/\(name)"]) }
        return d.appendingPathComponent(name)
    }

    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: url(name))) }

    /// Line `n` (1-based) of a real log, without its line end.
    static func line(_ name: String, _ n: Int) throws -> String {
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
