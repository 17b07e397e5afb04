/// OCPP `dateTime` values: RFC 3339 (`2024-05-01T14:42:14Z`, `2021-11-09T16:20:36.224`,
/// `2024-05-01T14:42:14.123+02:00`). A time without a zone is read as UTC.
public enum OCPPTime {
    /// Epoch ms, or nil when the text is not a complete time.
    public static func parse(_ s: String) -> Int64? {
        let b = Array(s.utf8)
        guard b.count >= 19, let r = ISOStamp.parse(b[...]), r.length == b.count else { return nil }
        return r.ms
    }
}
