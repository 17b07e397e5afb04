/// Sungrow TCU MainProcess (Qt app): `Apr/30 20:02:13 UTC --  OCPP_Connection_Fail`.
/// No year, whole seconds, two spaces after `--`. A line that does not start with a stamp is kept raw.
public struct MainProcessFormat: LineFormat {
    public static let stream = StreamKind.mainprocess
    public init() {}

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in
            guard let r = YearlessStamp.parse(l) else { return n }
            return Bytes.hasPrefix(l, " --", at: l.startIndex + r.length) ? n + 1 : n
        }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        guard let r = YearlessStamp.parse(line) else {
            return Bytes.isBlank(line) ? .untimed : .unparsed
        }
        return .yearless(r.ms)
    }
}
