/// Errors a user can act on. Each case carries what is needed to say what went wrong and where.
public enum ChargeLogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A path given on the command line does not exist.
    case pathNotFound(String)
    /// A file or folder exists but cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// An archive (zip or gz) is damaged beyond use.
    case corruptArchive(path: String, reason: String)
    /// None of the given paths held a readable log line.
    case nothingReadable([String])
    /// A command-line value that does not parse (`--since`, `--year`, a regex, ...).
    case invalidArgument(name: String, value: String, expected: String)
    /// A transaction id that does not occur in the bundle.
    case transactionNotFound(String)
    /// A theme file that does not parse or names no known theme.
    case invalidTheme(name: String, reason: String)
    /// A line of an OCMF key file (`--ocmf-keys`) that does not parse.
    case invalidKeyFile(path: String, line: Int, reason: String)
    /// A file the user asked to write (the viewer's `:write`) cannot be written.
    case cannotWrite(path: String, reason: String)

    public var description: String { message }

    public var message: String {
        switch self {
        case .pathNotFound(let p): "no such file or folder: \(p)"
        case .unreadable(let p, let r): "cannot read \(p): \(r)"
        case .corruptArchive(let p, let r): "damaged archive \(p): \(r)"
        case .nothingReadable(let ps): "nothing could be read from \(ps.joined(separator: ", ")); see the messages above"
        case .invalidArgument(let n, let v, let e): "invalid value '\(v)' for \(n): expected \(e)"
        case .transactionNotFound(let id): "no transaction with id \(id) in this bundle"
        case .invalidTheme(let n, let r): "theme '\(n)' cannot be used: \(r)"
        case .invalidKeyFile(let p, let l, let r): "key file \(p), line \(l): \(r)"
        case .cannotWrite(let p, let r): "cannot write \(p): \(r)"
        }
    }
}
