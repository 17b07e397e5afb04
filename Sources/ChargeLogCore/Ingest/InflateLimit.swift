/// How far one compressed member (a `.gz` file, a zip entry) may inflate before the rest is refused:
/// a small archive that inflates to gigabytes (a "bomb", or 2 GiB of newlines) would otherwise fill
/// the disk and, once indexed, the memory. What inflated up to the limit is kept and read.
///
/// The default is 20 times the member's compressed size, but at least 32 MiB (small logs of repeated
/// lines compress better than 20:1) and at most 4 GiB. `--max-inflate SIZE` sets a fixed limit instead.
public struct InflateLimit: Sendable, Equatable {
    /// A fixed limit in bytes per member; nil for the default rule.
    public var bytes: UInt64?

    public init(bytes: UInt64? = nil) { self.bytes = bytes }

    public static let standard = InflateLimit()
    static let ratio: UInt64 = 20
    static let floor: UInt64 = 32 << 20
    static let ceiling: UInt64 = 4 << 30

    /// The most bytes a member of `compressed` bytes may inflate to.
    func maximum(compressed: UInt64) -> UInt64 {
        if let bytes { return bytes }
        let (scaled, overflow) = compressed.multipliedReportingOverflow(by: Self.ratio)
        return min(Self.ceiling, max(Self.floor, overflow ? .max : scaled))
    }

    /// Why a member stopped at the limit, for its diagnostic.
    func refusal(limit: UInt64, compressed: UInt64) -> String {
        let rule = bytes == nil ? " (\(Self.ratio)× its \(NumberText.bytes(compressed)) compressed, at least \(NumberText.bytes(Self.floor)), at most \(NumberText.bytes(Self.ceiling)))" : " (--max-inflate)"
        return "inflates to more than \(NumberText.bytes(limit))\(rule); kept the first \(NumberText.bytes(limit)), the rest refused (--max-inflate SIZE reads more)"
    }

    /// `--max-inflate` text: `4G`, `500M`, `64K`, `1048576` (bytes); binary units, case-insensitive, an
    /// optional `B`/`iB`. Nil for anything else, zero, or a size beyond 2^62 bytes.
    public static func parse(_ text: String) -> InflateLimit? {
        var t = Substring(text.lowercased().filter { $0 != " " })
        if t.hasSuffix("ib") { t = t.dropLast(2) } else if t.hasSuffix("b") { t = t.dropLast() }
        var shift: UInt64 = 0
        switch t.last {
        case "k": shift = 10
        case "m": shift = 20
        case "g": shift = 30
        case "t": shift = 40
        default: break
        }
        if shift > 0 { t = t.dropLast() }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = UInt64(t), n > 0,
              n <= (UInt64(1) << 62) >> shift else { return nil }
        return InflateLimit(bytes: n << shift)
    }
}
