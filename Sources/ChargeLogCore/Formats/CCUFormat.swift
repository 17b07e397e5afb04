/// Sungrow CCU: `[April/28 08:48:46.384 UTC][D00 23:20:20.544] message`. The outer stamp is UTC
/// without a year; the inner one is CCU uptime (day + clock). One record can be split over two lines:
/// `[April/28 08:48:46.384 UTC][D00 23:` then `[April/28 08:48:46.385 UTC]20:20.624] SLAC ...`;
/// the second line continues the first, and the record text drops its stamp.
public struct CCUFormat: LineFormat {
    public static let stream = StreamKind.ccu
    /// The previous line ended inside the inner uptime stamp.
    var pendingSplit = false
    public init() {}

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in
            guard let r = YearlessStamp.parseBracketed(l) else { return n }
            return Bytes.hasPrefix(l, "[D", at: l.startIndex + r.length) ? n + 1 : n
        }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        guard let r = YearlessStamp.parseBracketed(line) else {
            pendingSplit = false
            return Bytes.isBlank(line) ? .untimed : .unparsed
        }
        let wasPending = pendingSplit
        let body = line[r.length...]
        if Bytes.hasPrefix(body, "[D", at: r.length) {
            // Inner stamp complete when a `]` closes it.
            pendingSplit = !body.contains(UInt8(ascii: "]"))
            return .yearless(r.ms)
        }
        pendingSplit = false
        return wasPending ? .continuation : .yearless(r.ms)
    }

    /// Rejoins a split record: continuation lines lose their outer stamp and follow without a break.
    public static func recordText(_ lines: [ArraySlice<UInt8>]) -> [UInt8] {
        guard lines.count > 1 else { return Array(lines.first ?? []) }
        var out = Array(lines[0])
        for l in lines.dropFirst() {
            if let r = YearlessStamp.parseBracketed(l) {
                out.append(contentsOf: l.dropFirst(r.length))
            } else {
                out.append(0x0A)
                out.append(contentsOf: l)
            }
        }
        return out
    }
}
