/// The shape shared by the Sungrow fault and update logs: `[January/10 06:21:06.873 UTC]body`.
/// A session header `[January/10 06:20:31.486 UTC]2024/January/10 06:20:31.485` states the year;
/// lines with an empty body separate blocks.
enum SungrowEventLog {
    /// Parses a line; returns the verdict and the body range.
    static func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        guard let r = YearlessStamp.parseBracketed(line) else {
            return Bytes.isBlank(line) ? .untimed : .unparsed
        }
        let body = line[r.length...]
        if let year = headerYear(body) {
            return .yearless(r.ms, flags: .header, anchorYear: Int32(year))
        }
        return .yearless(r.ms)
    }

    /// `2024/January/10 06:20:31.485` → 2024.
    static func headerYear<C: RandomAccessCollection<UInt8>>(_ body: C) -> Int? where C.Index == Int {
        guard let y = ISOStamp.number(body, body.startIndex, 4), body.count > 6,
              body[body.startIndex + 4] == UInt8(ascii: "/"),
              YearlessStamp.parse(body.dropFirst(5)) != nil, (1970...2200).contains(y) else { return nil }
        return y
    }

    static func isStamped(_ l: ArraySlice<UInt8>) -> (ISOStamp.Result, ArraySlice<UInt8>)? {
        guard let r = YearlessStamp.parseBracketed(l) else { return nil }
        let body = l.dropFirst(r.length)
        if Bytes.hasPrefix(body, "[D", at: body.startIndex) { return nil }  // CCU
        return (r, body)
    }
}
