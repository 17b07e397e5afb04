/// EVerest libocpp's OCPP message log (`/tmp/everest_ocpp_logs/<time>.log`): a header line with the
/// UTC time and who sent what, then the frame pretty-printed over the following lines, then blank
/// lines:
/// ```
/// 2023-12-07T04:03:32.455Z: ChargePoint>CentralSystem BootNotification
/// [
///   2,
///   "7e348825-…",
/// ```
/// The way is `ChargePoint>CentralSystem`, `CentralSystem>ChargePoint`, `CP>CSMS` or `CSMS>CP`;
/// `SYS>` lines (`SYS> Connected`) carry no frame. Everything up to the next header belongs to the record.
public struct EVerestMessageFormat: LineFormat {
    public static let stream = StreamKind.everest
    public init() {}

    /// The header's stamp and where its sender token (`ChargePoint>…`, `SYS>`) starts.
    static func header<C: RandomAccessCollection<UInt8>>(_ l: C) -> (stamp: ISOStamp.Result, token: Int)? where C.Index == Int {
        guard let r = ISOStamp.parse(l), r.length >= 19 else { return nil }
        let i = l.startIndex + r.length
        guard Bytes.hasPrefix(l, ": ", at: i) else { return nil }
        let t = i + 2
        var j = t
        while j < l.endIndex, (l[j] | 0x20) >= 0x61, (l[j] | 0x20) <= 0x7A, j - t < 16 { j += 1 }
        guard j > t, j < l.endIndex, l[j] == UInt8(ascii: ">") else { return nil }
        return (r, t)
    }

    /// The way a header states: `ChargePoint>CentralSystem` / `CP>CSMS` → from the charger;
    /// `CentralSystem>ChargePoint` / `CSMS>CP` → to it; `SYS>` and others → none.
    static func hint<C: RandomAccessCollection<UInt8>>(_ l: C, token t: Int) -> CarrierHint where C.Index == Int {
        if Bytes.hasPrefix(l, "ChargePoint>", at: t) || Bytes.hasPrefix(l, "CP>", at: t) { return .fromStation }
        if Bytes.hasPrefix(l, "CentralSystem>", at: t) || Bytes.hasPrefix(l, "CSMS>", at: t) { return .toStation }
        return .none
    }

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in header(l) != nil ? n + 4 : n }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        if let h = Self.header(line) { return .start(h.stamp.ms) }
        return .continuation
    }

    /// The record without the blank lines that close it (they stay in the file's bytes).
    public static func recordText(_ lines: [ArraySlice<UInt8>]) -> [UInt8] {
        var n = lines.count
        while n > 1, Bytes.isBlank(lines[n - 1]) { n -= 1 }
        var out: [UInt8] = []
        for (i, l) in lines.prefix(n).enumerated() {
            if i > 0 { out.append(0x0A) }
            out.append(contentsOf: l)
        }
        return out
    }
}
