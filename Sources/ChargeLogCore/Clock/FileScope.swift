/// The `FILE=` part of an argument that applies to one file or to all (`--tz ha.log=+01:00`, `--role central`).
struct FileScope: Sendable, Equatable {
    /// Nil: every file.
    var file: String?

    /// Splits `FILE=VALUE` (at the last `=`) or takes `VALUE` for every file; nil when the file part is empty.
    static func split(_ s: String) -> (scope: FileScope, value: String)? {
        guard let eq = s.lastIndex(of: "=") else { return (FileScope(file: nil), s) }
        let file = String(s[..<eq])
        guard !file.isEmpty else { return nil }
        return (FileScope(file: file), String(s[s.index(after: eq)...]))
    }

    /// Whether the file shown as `displayPath` is meant: the whole shown path, its end, or its name.
    func applies(to displayPath: String) -> Bool {
        guard let f = file else { return true }
        return displayPath == f || displayPath.hasSuffix("/" + f)
            || (displayPath.split(separator: "/").last.map(String.init) ?? "") == f
    }

    /// The last of `items` for this very file, else the last one for every file.
    static func pick<T>(_ items: [T], for displayPath: String, scope: (T) -> FileScope) -> T? {
        items.last { scope($0).file != nil && scope($0).applies(to: displayPath) } ?? items.last { scope($0).file == nil }
    }
}
