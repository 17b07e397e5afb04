/// Online and offline time of the OCPP connection over the log's span, from the
/// `OCPP_Connection_Fail` / `OCPP_Connection_Restore` periods. Time before the first of them is unknown.
public struct Availability: Sendable, Equatable {
    /// False when the log has no connection events at all.
    public var known: Bool
    public var onlineMs: Int64
    public var offlineMs: Int64
    public var unknownMs: Int64
    public var outages: Int
    public var longestOutageMs: Int64

    public static func of(_ periods: [ConnectivityPeriod], logStart: Int64?, logEnd: Int64?) -> Availability {
        guard let lo = logStart, let hi = logEnd else {
            return Availability(known: false, onlineMs: 0, offlineMs: 0, unknownMs: 0, outages: 0, longestOutageMs: 0)
        }
        var a = Availability(known: !periods.isEmpty, onlineMs: 0, offlineMs: 0, unknownMs: 0, outages: 0, longestOutageMs: 0)
        for p in periods {
            let start = max(lo, p.start), end = min(hi, p.end ?? hi)
            let d = max(0, end - start)
            if p.online {
                a.onlineMs += d
            } else {
                a.offlineMs += d
                a.outages += 1
                a.longestOutageMs = max(a.longestOutageMs, d)
            }
        }
        a.unknownMs = max(0, (hi - lo) - a.onlineMs - a.offlineMs)
        return a
    }

    /// Share of the known time online, 0...1; nil when nothing is known.
    public var onlineShare: Double? {
        let known = onlineMs + offlineMs
        return known > 0 ? Double(onlineMs) / Double(known) : nil
    }
}
