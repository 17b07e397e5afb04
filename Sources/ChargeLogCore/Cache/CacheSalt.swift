import Foundation

/// What besides a file's bytes an entry depends on: the entry layout, the chargelog build that scanned
/// (a new build may parse differently, so its entries are not trusted), and the user-defined formats
/// the file could have been read with.
enum CacheSalt {
    /// Nil when the running build cannot be told apart from another (its entries could not be trusted).
    static func make(userFormats: [UserFormat]) -> String? {
        guard let build else { return nil }
        var parts = ["chargelog index v\(ScanCodec.version)", "build \(build)"]
        for f in userFormats {
            parts.append("format \(f.name) \(f.file) \(StatIdentity(path: f.file).map(\.description) ?? "-")")
        }
        return parts.joined(separator: "\n")
    }

    /// The running executable's identity (size and modification time of `/proc/self/exe`, else of argv[0]
    /// when it is a path); nil when neither can be read.
    static let build: String? = {
        for path in ["/proc/self/exe", CommandLine.arguments.first ?? ""] where path.hasPrefix("/") || path.contains("/") {
            let real = CacheKey.realPath(path)
            if real.hasPrefix("/"), let id = StatIdentity(path: real) { return "\(real) size \(id.size) mtime \(id.modified)" }
        }
        return nil
    }()
}
