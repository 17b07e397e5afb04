import Foundation

/// Opens the user's paths (folders, plain files; zip and gz to come) and lists the log files to index.
public enum BundleLoader {
    public static func load(paths: [String]) throws(ChargeLogError) -> LoadedBundle {
        var files: [InputFile] = []
        var diags: [Diagnostic] = []
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { throw .pathNotFound(p) }
            if isDir.boolValue {
                let base = URL(fileURLWithPath: p)
                let items = (fm.enumerator(atPath: p)?.allObjects as? [String] ?? []).sorted()
                for rel in items {
                    let full = base.appendingPathComponent(rel).path
                    var d: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &d), !d.boolValue {
                        files.append(plain(full, display: base.lastPathComponent + "/" + rel))
                    }
                }
            } else {
                files.append(plain(p, display: URL(fileURLWithPath: p).lastPathComponent))
            }
        }
        if files.isEmpty { diags.append(Diagnostic(.error, file: paths.joined(separator: ", "), "no files found")) }
        return LoadedBundle(files: files, diagnostics: diags, workDirectory: nil)
    }

    static func plain(_ path: String, display: String) -> InputFile {
        let attrs = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attrs?[.size] as? NSNumber)?.uint64Value ?? 0
        let mtime = (attrs?[.modificationDate] as? Date).map { Int64($0.timeIntervalSince1970 * 1000) }
        return InputFile(displayPath: display, diskPath: path, modificationTime: mtime, size: size)
    }
}

extension LoadedBundle {
    /// Removes the inflated copies, if any.
    public func cleanUp() {
        if let w = workDirectory { try? FileManager.default.removeItem(atPath: w) }
    }
}
