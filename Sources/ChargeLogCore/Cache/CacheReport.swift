/// How each file's index was obtained in one open, for `stats` and the viewer's files dialog.
public enum CacheOutcome: Sendable, Equatable {
    /// From the on-disk index.
    case read
    /// Scanned; its entry written.
    case written
    /// Scanned; the entry found was for other bytes (the file changed) or damaged, and was replaced.
    case replaced(String)
    /// Scanned; the entry could not be written (the reason).
    case notWritten(String)
}

/// What the on-disk index did in one open.
public struct CacheReport: Sendable, Equatable {
    public var directory: String
    public var read = 0
    public var written = 0
    public var replaced = 0
    public var notWritten = 0
    /// Files below the size worth keeping.
    public var notKept = 0

    public init(directory: String) { self.directory = directory }

    mutating func count(_ o: CacheOutcome?) {
        switch o {
        case .read: read += 1
        case .written: written += 1
        case .replaced: replaced += 1
        case .notWritten: notWritten += 1
        case nil: notKept += 1
        }
    }

    /// One line: `12 file(s) read from it, 2 scanned and written, 1 below 1 MiB scanned`.
    public var summary: String {
        var parts: [String] = []
        if read > 0 { parts.append("\(read) file(s) read from it") }
        if written > 0 { parts.append("\(written) scanned and written") }
        if replaced > 0 { parts.append("\(replaced) changed or damaged, scanned again and rewritten") }
        if notWritten > 0 { parts.append("\(notWritten) scanned, could not be written") }
        if notKept > 0 { parts.append("\(notKept) small, scanned (not kept)") }
        return parts.isEmpty ? "nothing to do" : parts.joined(separator: ", ")
    }
}

extension CacheOutcome {
    /// An entry was written (so the folder may need trimming).
    var wroteEntry: Bool {
        switch self {
        case .written, .replaced: true
        case .read, .notWritten: false
        }
    }
}
