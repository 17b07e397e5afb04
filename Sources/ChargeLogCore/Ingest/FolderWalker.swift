#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file found on disk or in an archive, before it is opened.
struct Candidate {
    /// Path relative to its folder or archive, `/`-separated; orders files and finds duplicate downloads.
    var relativePath: String
    /// The path shown to the user.
    var display: String
    var diskPath: String
    var modificationTime: Int64?
    var size: UInt64
    /// An inflated copy in the work folder (removed when it turns out to be unusable or an archive).
    var isWorkCopy = false
}

/// Lists every regular file under a folder, recursively, following symbolic links (each folder once).
/// Folders that cannot be listed and special files (pipes, sockets, devices) are reported and skipped.
enum FolderWalker {
    static func list(_ root: String, display: (String) -> String) -> (files: [Candidate], diagnostics: [Diagnostic]) {
        var files: [Candidate] = []
        var diags: [Diagnostic] = []
        var visited = Set<[UInt64]>()

        func walk(_ dir: String, _ rel: String) {
            var st = stat()
            guard stat(dir, &st) == 0 else { return }
            guard visited.insert([UInt64(st.st_dev), UInt64(st.st_ino)]).inserted else { return }
            guard let handle = opendir(dir) else {
                diags.append(Diagnostic(.warning, file: display(rel.isEmpty ? "." : rel),
                                        "cannot list folder (\(String(cString: strerror(errno)))); skipped"))
                return
            }
            var names: [String] = []
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(handle)
            for name in names {
                let full = dir + "/" + name
                let relPath = rel.isEmpty ? name : rel + "/" + name
                var s = stat()
                guard stat(full, &s) == 0 else {
                    diags.append(Diagnostic(.warning, file: display(relPath), "cannot read (\(String(cString: strerror(errno)))); skipped"))
                    continue
                }
                switch s.st_mode & S_IFMT {
                case S_IFDIR:
                    walk(full, relPath)
                case S_IFREG:
                    if let reason = IgnoredFiles.reason(for: relPath) {
                        diags.append(Diagnostic(.info, file: display(relPath), "\(reason); skipped"))
                        continue
                    }
                    files.append(Candidate(relativePath: relPath, display: display(relPath), diskPath: full,
                                           modificationTime: modificationTime(s), size: UInt64(s.st_size)))
                default:
                    diags.append(Diagnostic(.info, file: display(relPath), "not a regular file (pipe, socket or device); skipped"))
                }
            }
        }
        walk(root, "")
        return (files, diags)
    }

    /// ms since the epoch, clamped into the years a stamp may have (a file dated year 300000 by
    /// `touch -d` would otherwise overflow the time arithmetic downstream).
    static func modificationTime(_ s: stat) -> Int64 {
        #if canImport(Darwin)
        let sec = Int64(s.st_mtimespec.tv_sec), nsec = Int64(s.st_mtimespec.tv_nsec)
        #else
        let sec = Int64(s.st_mtim.tv_sec), nsec = Int64(s.st_mtim.tv_nsec)
        #endif
        let r = CivilTime.printable
        let seconds = min(max(sec, r.lowerBound / 1000 - 1), r.upperBound / 1000 + 1)
        return min(max(seconds * 1000 + nsec / 1_000_000, r.lowerBound), r.upperBound)
    }
}
