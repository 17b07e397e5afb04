/// Open OCPP Trace records (open-ocpp-trace/specification, schema v1): JSON lines with
/// `schemaVersion`, `timestamp` (ISO, UTC), `direction` (`cp-to-csms` / `csms-to-cp`), `messageType`
/// (`CALL`, `CALLRESULT`, `CALLERROR`), `messageId`, `action`, `payload`, `raw` (the frame's text),
/// `error` and `chargePointId`. The frame is read from `raw`, else rebuilt from the fields
/// (`FrameExtractor`). A line that is not such a record is kept raw.
public struct OCPPTraceFormat: LineFormat {
    public static let stream = StreamKind.trace
    public init() {}

    static func isTrace(_ r: JSONLineRecord) -> Bool {
        guard let type = r.string("messageType"), ["CALL", "CALLRESULT", "CALLERROR"].contains(type),
              let way = r.string("direction") else { return false }
        return way == "cp-to-csms" || way == "csms-to-cp"
    }

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in
            guard let f = l.first(where: { !Bytes.isSpace($0) }), f == UInt8(ascii: "{"),
                  let r = JSONLineRecord.parse(l), isTrace(r) else { return n }
            return n + 3
        }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        guard let r = JSONLineRecord.parse(line) else { return Bytes.isBlank(line) ? .untimed : .unparsed }
        guard let t = r.time else { return Self.isTrace(r) ? .untimed : .unparsed }
        return .start(t)
    }
}
