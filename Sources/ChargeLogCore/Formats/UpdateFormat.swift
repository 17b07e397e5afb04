/// Sungrow update log: `[April/12 09:56:32.991 UTC]Loader --> File_Loader receive ...`.
public struct UpdateFormat: LineFormat {
    public static let stream = StreamKind.update
    public init() {}

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in
            guard let (_, body) = SungrowEventLog.isStamped(l) else { return n }
            if Bytes.find(body, "Loader") != nil || Bytes.find(body, "Update") != nil || Bytes.find(body, "pdate") != nil {
                return n + 3
            }
            if Bytes.find(body, "->Err_") != nil { return n }
            return n + 1
        }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        SungrowEventLog.classify(line)
    }
}
