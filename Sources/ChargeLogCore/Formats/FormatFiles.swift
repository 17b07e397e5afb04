import Foundation

/// Where user-defined formats come from: the format folder (`$XDG_CONFIG_HOME/chargelog/formats/`,
/// `~/.config/chargelog/formats/` by default; every `*.json` in it and its subfolders) and the files
/// given with `--format-file`. A file given on the command line comes first; of two formats with the
/// same name the first is used.
public enum FormatFiles {
    /// The format folder of this user's configuration.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let x = environment["XDG_CONFIG_HOME"], !x.isEmpty { return x + "/chargelog/formats" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/chargelog/formats"
    }

    /// The `*.json` files under `directory`, sorted by path; none when the folder does not exist.
    static func files(in directory: String) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue,
              let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var out: [String] = []
        while let rel = walker.nextObject() as? String {
            if rel.hasSuffix(".json") { out.append(directory + "/" + rel) }
        }
        return out.sorted()
    }

    /// All formats of `files` and of `directory`, with what was wrong in them.
    public static func load(files explicit: [String], directory: String?) -> (formats: [UserFormat], diagnostics: [Diagnostic]) {
        var formats: [UserFormat] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        let paths = explicit + (directory.map(files(in:)) ?? []).filter { !explicit.contains($0) }
        for path in paths {
            let (found, notes) = FormatFile.load(path: path)
            diagnostics += notes
            for f in found {
                if let first = seen[f.name] {
                    diagnostics.append(Diagnostic(.warning, file: path, "format '\(f.name)' is also defined in \(first); that one is used"))
                    continue
                }
                seen[f.name] = path
                formats.append(f)
            }
        }
        return (formats, diagnostics)
    }
}
