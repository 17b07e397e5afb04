/// The ChargePilot OCPP-log CSV export: a header `Datetime,Action,Charger ID,Connector ID,...`
/// and one row per OCPP message, `2024-11-26T10:03:49Z` first. A quoted field may hold line breaks;
/// such a row continues until its quotes close.
public struct ChargePilotCSVFormat: LineFormat {
    public static let stream = StreamKind.csv
    var openQuote = false
    public init() {}

    static func isHeader<C: RandomAccessCollection<UInt8>>(_ l: C) -> Bool where C.Index == Int {
        var i = l.startIndex
        // UTF-8 byte order mark.
        if Bytes.hasPrefix(l, "\u{FEFF}", at: i) { i += 3 }
        if i < l.endIndex, l[i] == UInt8(ascii: "\"") { i += 1 }
        return Bytes.hasPrefix(l, "Datetime", at: i) && Bytes.find(l, "Action") != nil
    }

    static func rowStamp<C: RandomAccessCollection<UInt8>>(_ l: C) -> ISOStamp.Result? where C.Index == Int {
        var i = l.startIndex
        if i < l.endIndex, l[i] == UInt8(ascii: "\"") { i += 1 }
        guard let r = ISOStamp.parse(l[i...]) else { return nil }
        var j = i + r.length
        if j < l.endIndex, l[j] == UInt8(ascii: "\"") { j += 1 }
        guard j < l.endIndex, l[j] == UInt8(ascii: ",") || l[j] == UInt8(ascii: ";") else { return nil }
        return r
    }

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in
            if isHeader(l) { return n + 10 }
            return rowStamp(l) != nil ? n + 1 : n
        }
    }

    mutating func trackQuotes(_ line: UnsafeBufferPointer<UInt8>) {
        for b in line where b == UInt8(ascii: "\"") { openQuote.toggle() }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        if openQuote {
            trackQuotes(line)
            return .continuation
        }
        trackQuotes(line)
        if Self.isHeader(line) { return LineVerdict(kind: .untimed, flags: .header) }
        if let r = Self.rowStamp(line) { return .start(r.ms) }
        return Bytes.isBlank(line) ? .untimed : .unparsed
    }
}
