import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens the user's paths (folders, recursively; `.zip` archives; `.gz` files, concatenated members and
/// `.log.N.gz` rotations included; plain files; any mix, archives inside folders and inside archives)
/// and lists the log files to index, inflating archives into a per-run work folder.
///
/// Order: given paths in the order given (plain files given one by one are grouped by their folder, at the
/// place of the first), then inside each folder or archive by `RotationOrder`. Duplicate downloads are
/// dropped per folder by `DuplicateDownloads`. Display paths follow `InputLabels`.
///
/// Nothing in the input makes it throw except a path that does not exist: every other problem becomes a
/// `Diagnostic` naming the file and what was skipped or kept.
public enum BundleLoader {
    /// `inflateLimit`: how far one `.gz` file or zip entry may inflate (`--max-inflate`).
    public static func load(paths: [String], inflateLimit: InflateLimit = .standard) throws(ChargeLogError) -> LoadedBundle {
        // Folders left by runs that died (a crash, kill -9), once per process.
        WorkFolders.removeStale(in: FileManager.default.temporaryDirectory.path)
        var isFolder: [Bool] = []
        var statusOK: [Bool] = []
        var run = IngestRun(limit: inflateLimit)
        for p in paths {
            var st = stat()
            if stat(p, &st) != 0 {
                if errno == ENOENT || errno == ENOTDIR { throw .pathNotFound(p) }
                run.diagnostics.append(Diagnostic(.error, file: p, "cannot read (\(String(cString: strerror(errno)))); skipped"))
                statusOK.append(false)
            } else if st.st_mode & S_IFMT != S_IFDIR && st.st_mode & S_IFMT != S_IFREG {
                // Opening a pipe would block.
                run.diagnostics.append(Diagnostic(.warning, file: p, "not a regular file (pipe, socket or device); skipped"))
                statusOK.append(false)
            } else {
                statusOK.append(true)
            }
            isFolder.append(st.st_mode & S_IFMT == S_IFDIR)
        }
        let labels = InputLabels.labels(for: paths, isFolder: isFolder)

        var seen = Set<String>()
        var fileGroups: [String: [Int]] = [:]   // parent folder → indices of file arguments
        var plan: [(folder: Int?, group: String?)] = []
        for (i, p) in paths.enumerated() where statusOK[i] {
            let standard = standardPath(p)
            guard seen.insert(standard).inserted else {
                run.diagnostics.append(Diagnostic(.info, file: p, "given twice; read once"))
                continue
            }
            if isFolder[i] {
                plan.append((i, nil))
            } else {
                let parent = DuplicateDownloads.split(standard).folder
                if fileGroups[parent] == nil { plan.append((nil, parent)) }
                fileGroups[parent, default: []].append(i)
            }
        }

        for step in plan {
            let before = run.files.count
            if let i = step.folder {
                let label = labels[i]
                let (found, diags) = FolderWalker.list(paths[i]) { label.isEmpty ? $0 : label + "/" + $0 }
                run.diagnostics += diags
                run.process(found, depth: 0)
                if run.files.count == before {
                    run.diagnostics.append(Diagnostic(.warning, file: label.isEmpty ? paths[i] : label,
                                                      "no readable log file in this folder"))
                }
            } else if let parent = step.group {
                let candidates = fileGroups[parent, default: []].map { i in
                    var st = stat()
                    _ = stat(paths[i], &st)
                    return Candidate(relativePath: DuplicateDownloads.split(standardPath(paths[i])).name,
                                     display: labels[i], diskPath: paths[i],
                                     modificationTime: FolderWalker.modificationTime(st), size: UInt64(st.st_size))
                }
                run.process(candidates, depth: 0)
            }
        }
        if run.files.isEmpty {
            run.diagnostics.append(Diagnostic(.error, file: paths.joined(separator: ", "), "no readable log file found"))
        }
        return LoadedBundle(files: run.files, diagnostics: run.diagnostics, workDirectory: run.work.path)
    }

    static func standardPath(_ p: String) -> String {
        var parts: [Substring] = []
        let absolute = p.hasPrefix("/") ? p : currentDirectory() + "/" + p
        for part in absolute.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}

/// The state of one `BundleLoader.load` call: files found so far, messages, the work folder.
struct IngestRun {
    /// Archives inside archives are opened up to this depth.
    static let maxDepth = 4

    let work = WorkDirectory()
    var limit = InflateLimit.standard
    var files: [InputFile] = []
    var diagnostics: [Diagnostic] = []

    /// Reads the files of one folder or archive: duplicates dropped, rotation order, each expanded.
    mutating func process(_ candidates: [Candidate], depth: Int) {
        let decisions = DuplicateDownloads.decide(candidates.map { ($0.relativePath, $0.modificationTime) }) { i in
            candidates[i].relativePath.lowercased().hasSuffix(".zip") ? ZipExtractor.newestEntryDate(candidates[i].diskPath) : nil
        }
        var kept: [Candidate] = []
        for (c, decision) in zip(candidates, decisions) {
            switch decision {
            case .keep:
                kept.append(c)
            case .skip(let k):
                diagnostics.append(Diagnostic(.info, file: c.display,
                    "another download of the same file; kept the newer \(candidates[k].display)"))
                discard(c)
            }
        }
        for i in RotationOrder.order(kept.map(\.relativePath)) { expand(kept[i], depth: depth) }
    }

    /// Adds a file as it is, or opens it as the archive it is.
    mutating func expand(_ c: Candidate, depth: Int) {
        if c.size == 0 {
            diagnostics.append(Diagnostic(.info, file: c.display, "empty file (0 bytes); skipped"))
            discard(c)
            return
        }
        let reader: FileReader
        do { reader = try FileReader(path: c.diskPath) } catch {
            diagnostics.append(Diagnostic(.warning, file: c.display, "cannot read (\(reason(error))); skipped"))
            return
        }
        let kind = ArchiveKind.detect(reader: reader, name: c.relativePath)
        if kind != .plain && depth >= Self.maxDepth {
            diagnostics.append(Diagnostic(.warning, file: c.display, "archive nested \(depth) levels deep; skipped"))
            discard(c)
            return
        }
        switch kind {
        case .plain:
            if c.relativePath.lowercased().hasSuffix(".gz") {
                diagnostics.append(Diagnostic(.info, file: c.display, "named .gz but holds no gzip data; read as plain text"))
            }
            files.append(InputFile(displayPath: c.display, diskPath: c.diskPath, modificationTime: c.modificationTime, size: c.size))
        case .gzip:
            let result = GzipInflater.inflate(diskPath: c.diskPath, display: c.display, work: work, limit: limit)
            diagnostics += result.diagnostics
            discard(c)
            if let path = result.diskPath {
                var inflated = c
                inflated.diskPath = path
                inflated.relativePath = GzipInflater.stripSuffix(c.relativePath)
                inflated.size = result.size
                inflated.isWorkCopy = true
                // The inflated copy is usually a log, but may be an archive (`.zip.gz`, a gzip inside gzip).
                expand(inflated, depth: depth + 1)
            }
        case .zip:
            let contents = ZipExtractor.extract(diskPath: c.diskPath, display: c.display, work: work, limit: limit,
                                                ignore: IgnoredFiles.reason)
            diagnostics += contents.diagnostics
            discard(c)
            let members = contents.members.map {
                Candidate(relativePath: $0.path, display: c.display + "/" + $0.path, diskPath: $0.diskPath,
                          modificationTime: $0.modificationTime, size: $0.size, isWorkCopy: true)
            }
            process(members, depth: depth + 1)
        }
    }

    /// Removes a work-folder copy that will not be indexed.
    func discard(_ c: Candidate) {
        if c.isWorkCopy { removeFile(c.diskPath) }
    }

    /// `Permission denied`, without the path (the diagnostic names the file).
    func reason(_ e: ChargeLogError) -> String {
        if case .unreadable(_, let r) = e { return r }
        return e.message
    }
}
