/// Per-record flags, packed with the level into one byte of the index.
public struct RecordFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The line did not parse in its file's format; it is shown raw with its neighbour's time.
    public static let unparsed = RecordFlags(rawValue: 1 << 0)
    /// Its stamp goes backwards against the previous record of the same file (kept in file order).
    public static let outOfOrder = RecordFlags(rawValue: 1 << 1)
    /// The line carries no time of its own; it took its neighbour's time.
    public static let inferredTime = RecordFlags(rawValue: 1 << 2)
    /// The record spans several lines (continuations, or a split CCU record rejoined).
    public static let multiLine = RecordFlags(rawValue: 1 << 3)
    /// A session header or column header line (fault/update year header, CSV header).
    public static let header = RecordFlags(rawValue: 1 << 4)

    /// Bits 5...7 of the packed byte hold the `LogLevel`.
    static let mask: UInt8 = 0b0001_1111
}

/// One byte per record: flags in the low five bits, level in the high three.

struct PackedFlags {
    static func pack(_ flags: RecordFlags, _ level: LogLevel) -> UInt8 {
        (flags.rawValue & RecordFlags.mask) | (level.rawValue << 5)
    }
    static func flags(_ b: UInt8) -> RecordFlags { RecordFlags(rawValue: b & RecordFlags.mask) }
    static func level(_ b: UInt8) -> LogLevel { LogLevel(rawValue: b >> 5) ?? .none }
}
