/// Severity of a record, when its format states one. Fits in three bits.
public enum LogLevel: UInt8, Sendable, Codable, CaseIterable, Comparable {
    case none = 0, trace, debug, info, warn, error, fatal

    public static func < (a: LogLevel, b: LogLevel) -> Bool { a.rawValue < b.rawValue }

    public var label: String {
        switch self {
        case .none: ""
        case .trace: "TRACE"
        case .debug: "DEBUG"
        case .info: "INFO"
        case .warn: "WARN"
        case .error: "ERROR"
        case .fatal: "FATAL"
        }
    }

    /// Parses `INFO`, `WARN`, `WARNING`, `ERR`, `ERROR`, ... from ASCII bytes.
    public static func parse<C: Collection<UInt8>>(_ bytes: C) -> LogLevel {
        var s = ""
        for b in bytes.prefix(8) { s.unicodeScalars.append(Unicode.Scalar(b >= 97 && b <= 122 ? b - 32 : b)) }
        switch s {
        case "TRACE", "VERBOSE": return .trace
        case "DEBUG", "DBG": return .debug
        case "INFO", "NOTICE": return .info
        case "WARN", "WARNING": return .warn
        case "ERROR", "ERR", "SEVERE", "CRIT", "CRITICAL": return .error
        case "FATAL", "PANIC": return .fatal
        default: return .none
        }
    }
}
