import Foundation

/// What besides a file's bytes an entry depends on: the entry layout, the chargelog build that scanned
/// (a new build may parse differently, so its entries are not trusted), and the user-defined formats
/// the file could have been read with.
enum CacheSalt {
    static func make(userFormats: [UserFormat]) -> String {
        var parts = ["chargelog index v\(ScanCodec.version)", "build \(build)"]
        for f in userFormats {
            parts.append("format \(f.name) \(f.file) \(StatIdentity(path: f.file).map(\.description) ?? "-")")
        }
        return parts.joined(separator: "\n")
    }

    /// The running executable's identity (size and times of `/proc/self/exe`, else of argv[0]).
    static let build: String = {
        for path in ["/proc/self/exe", CommandLine.arguments.first ?? ""] where !path.isEmpty {
            let real = CacheKey.realPath(path)
            if let id = StatIdentity(path: real) { return "\(real) size \(id.size) mtime \(id.modified)" }
        }
        return "unknown"
    }()
}
