/// Inflates a `.gz` file (one or several concatenated gzip members) into the work folder.
/// A cut-short or damaged stream keeps what inflated before the damage, with a warning.
enum GzipInflater {
    struct Result {
        /// Path of the inflated copy; nil when nothing could be inflated (the copy is then removed).
        var diskPath: String?
        var size: UInt64
        var diagnostics: [Diagnostic]
    }

    static func inflate(diskPath: String, display: String, work: WorkDirectory, limit: InflateLimit = .standard) -> Result {
        let reader: FileReader
        let writer: FileWriter
        do {
            reader = try FileReader(path: diskPath)
            writer = try FileWriter(path: try work.newFilePath(for: stripSuffix(display)))
        } catch {
            return Result(diskPath: nil, size: 0, diagnostics: [Diagnostic(.error, file: display, "skipped: \(error.message)")])
        }
        let compressed = reader.currentSize
        let maxOutput = limit.maximum(compressed: compressed)
        let outcome = Inflater.run(reader, from: 0, maxOutput: maxOutput, mode: .gzipMembers, to: writer)
        writer.close()
        var diags: [Diagnostic] = []
        let kept = "kept the \(outcome.bytesOut) byte(s) inflated before it"
        switch outcome.end {
        case .complete:
            break
        case .truncated:
            diags.append(Diagnostic(.warning, file: display, "gzip data is cut short (truncated file); \(kept)"))
        case .corrupt(let why):
            diags.append(Diagnostic(.warning, file: display, "gzip data is damaged at compressed byte \(outcome.bytesIn) (\(why)); \(kept)"))
        case .trailingBytes(let count, let allZero):
            diags.append(allZero
                ? Diagnostic(.info, file: display, "\(count) zero byte(s) of padding after the gzip data ignored")
                : Diagnostic(.warning, file: display, "\(count) byte(s) after the gzip data are not gzip; ignored"))
        case .writeFailed(let why):
            diags.append(Diagnostic(.error, file: display, "inflating stopped: \(why); \(kept)"))
        case .limitReached(let max):
            diags.append(Diagnostic(.warning, file: display, limit.refusal(limit: max, compressed: compressed)))
        }
        if outcome.bytesOut == 0 {
            removeFile(writer.path)
            if outcome.end == .complete {
                diags.append(Diagnostic(.info, file: display, "inflates to an empty file; skipped"))
            } else {
                diags.append(Diagnostic(.error, file: display, "nothing could be inflated; skipped"))
            }
            return Result(diskPath: nil, size: 0, diagnostics: diags)
        }
        return Result(diskPath: writer.path, size: outcome.bytesOut, diagnostics: diags)
    }

    /// `X.log.1.gz` → `X.log.1` (the name of the inflated copy).
    static func stripSuffix(_ name: String) -> String {
        let lower = name.lowercased()
        if lower.hasSuffix(".gz") { return String(name.dropLast(3)) }
        if lower.hasSuffix(".tgz") { return String(name.dropLast(4)) + ".tar" }
        return name
    }
}
