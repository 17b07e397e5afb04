/// Sungrow fault log: `[January/10 06:21:06.873 UTC]CCU1->Err_Connector1_Cp_StateE_Alarm`.
public struct FaultFormat: LineFormat {
    public static let stream = StreamKind.fault
    public init() {}

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in
            guard let (_, body) = SungrowEventLog.isStamped(l) else { return n }
            if Bytes.find(body, "->Err_") != nil || Bytes.find(body, "Alarm") != nil || Bytes.find(body, "Fault") != nil {
                return n + 3
            }
            if Bytes.find(body, "Loader") != nil { return n }
            return n + 1  // header or empty body: fits both fault and update
        }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        SungrowEventLog.classify(line)
    }
}
