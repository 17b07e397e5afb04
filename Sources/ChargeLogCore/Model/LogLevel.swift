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

    /// Parses `INFO`, `WARN`, `WARNING`, `ERR`, `ERROR`, ... from ASCII bytes (their first eight, any
    /// case). Allocation-free: the formats call it once per line.
    public static func parse<C: Collection<UInt8>>(_ bytes: C) -> LogLevel {
        var key: UInt64 = 0
        var n = 0
        for b in bytes.prefix(8) {
            key = key << 8 | UInt64(b >= 97 && b <= 122 ? b - 32 : b)
            n += 1
        }
        for w in words where w.count == n && w.key == key { return w.level }
        return .none
    }

    /// The level names, packed as `parse` packs its input.
    static let words: [(count: Int, key: UInt64, level: LogLevel)] = [
        ("TRACE", LogLevel.trace), ("VERBOSE", .trace), ("DEBUG", .debug), ("DBG", .debug),
        ("INFO", .info), ("NOTICE", .info), ("WARN", .warn), ("WARNING", .warn),
        ("ERROR", .error), ("ERR", .error), ("SEVERE", .error), ("CRIT", .error), ("CRITICAL", .error),
        ("FATAL", .fatal), ("PANIC", .fatal),
    ].map { name, level in (name.utf8.count, name.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }, level) }
}
