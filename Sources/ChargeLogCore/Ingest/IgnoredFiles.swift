/// Names that are never logs and are skipped wherever they appear (folders and archives).
/// Everything else is kept, whatever its name: format detection decides how it is read.
enum IgnoredFiles {
    /// Files that travel with bundles (notes, the scripts that made them, screenshots) but hold no log.
    static let notLogExtensions: Set<String> = ["md", "py", "sh", "pdf", "png", "jpg", "jpeg", "gif", "html", "docx", "xlsx", "exe"]

    /// Why the file at `path` (relative, `/`-separated) is skipped, or nil to keep it.
    static func reason(for path: String) -> String? {
        let parts = path.split(separator: "/")
        guard let name = parts.last else { return nil }
        if name == ".DS_Store" { return "macOS folder metadata (.DS_Store)" }
        if name.lowercased() == "thumbs.db" { return "Windows thumbnail cache (Thumbs.db)" }
        if parts.dropLast().contains("__MACOSX") { return "macOS resource fork copy (__MACOSX)" }
        let lower = name.lowercased()
        if let dot = lower.lastIndex(of: "."), notLogExtensions.contains(String(lower[lower.index(after: dot)...])) {
            return "documentation, script or image, not a log (.\(lower[lower.index(after: dot)...]))"
        }
        return nil
    }
}
