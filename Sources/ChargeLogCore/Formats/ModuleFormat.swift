/// Module-tagged ISO logs (the "Aurora" power-board charger): `704 2023-11-30T00:00:42+0000 [ocpp] text`:
/// an optional line number, an ISO time, a module tag. OCR noise (`[ocpp)`, `2023-11-30100:00:49`)
/// is expected: a line whose stamp does not parse is kept raw with its neighbour's time.
public struct ModuleFormat: LineFormat {
    public static let stream = StreamKind.module
    public init() {}

    static func stamp<C: RandomAccessCollection<UInt8>>(_ l: C) -> ISOStamp.Result? where C.Index == Int {
        var i = l.startIndex
        var digits = 0
        while i < l.endIndex, ISOStamp.digit(l[i]) != nil, digits < 9 { i += 1; digits += 1 }
        guard digits > 0, digits < 9, i < l.endIndex, Bytes.isSpace(l[i]) else { return nil }
        i = Bytes.skipSpaces(l, i)
        guard let r = ISOStamp.parse(l[i...]) else { return nil }
        return ISOStamp.Result(ms: r.ms, length: i - l.startIndex + r.length)
    }

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in
            guard let r = stamp(l) else { return n }
            let rest = Bytes.skipSpaces(l, l.startIndex + r.length)
            return rest < l.endIndex && (l[rest] == UInt8(ascii: "[") || l[rest] == UInt8(ascii: "(")) ? n + 2 : n + 1
        }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        if let r = Self.stamp(line) { return .start(r.ms) }
        return Bytes.isBlank(line) ? .untimed : .unparsed
    }
}
