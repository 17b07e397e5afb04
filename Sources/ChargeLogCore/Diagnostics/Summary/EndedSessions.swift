/// The sessions that ended (have a stop record), grouped by idTag and by connector and sorted by
/// their end on either clock, so "did a session of this tag (or connector) end within a window
/// before this time" is a binary search instead of a pass over every transaction.
struct EndedSessions {
    /// One ended session: its number in the analysis and its end on the payload clock (the stop
    /// timestamp, else the stop's log time) and on the log clock (the stop's log time).
    struct Ended {
        var number: Int
        var end: Int64
    }

    /// `payload`: ends by payload timestamp first; `log`: by log time.
    enum Clock { case payload, log }

    private var byTag: [String: [Ended]] = [:]
    private var byTagLog: [String: [Ended]] = [:]
    private var byConnector: [Int?: [Ended]] = [:]
    private var byConnectorLog: [Int?: [Ended]] = [:]

    init(_ txs: [OCPPTransaction], logTime: (RecordRef) -> Int64) {
        for (k, p) in txs.enumerated() {
            guard let stopRef = p.stopRef else { continue }
            let log = logTime(stopRef)
            let payload = Ended(number: k, end: p.stop ?? log), logged = Ended(number: k, end: log)
            if let tag = p.idTag {
                byTag[tag, default: []].append(payload)
                byTagLog[tag, default: []].append(logged)
            }
            byConnector[p.connector, default: []].append(payload)
            byConnectorLog[p.connector, default: []].append(logged)
        }
        for k in byTag.keys { byTag[k]!.sort { $0.end < $1.end } }
        for k in byTagLog.keys { byTagLog[k]!.sort { $0.end < $1.end } }
        for k in byConnector.keys { byConnector[k]!.sort { $0.end < $1.end } }
        for k in byConnectorLog.keys { byConnectorLog[k]!.sort { $0.end < $1.end } }
    }

    /// Whether `accept` holds for a session of `tag` (without one: of `connector`) that ended in
    /// `window` on `clock`.
    func any(tag: String?, connector: Int?, clock: Clock, in window: ClosedRange<Int64>, _ accept: (Int) -> Bool) -> Bool {
        let list: [Ended]
        if let tag {
            list = (clock == .payload ? byTag : byTagLog)[tag] ?? []
        } else {
            list = (clock == .payload ? byConnector : byConnectorLog)[connector] ?? []
        }
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].end < window.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < list.count, list[i].end <= window.upperBound {
            if accept(list[i].number) { return true }
            i += 1
        }
        return false
    }
}
