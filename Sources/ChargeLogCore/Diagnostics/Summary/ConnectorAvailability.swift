/// How one connector spent the log's span, from its StatusNotifications (and the charge point's own,
/// connector 0) and the charger's offline time:
/// - available: `Available`;
/// - in use: `Preparing`, `Charging`, `SuspendedEV`, `SuspendedEVSE`, `Finishing`, `Reserved` (2.0.1
///   `Occupied`, `Reserved`); `charging` counts the `Charging` part of it;
/// - inoperative: `Faulted`, `Unavailable` — its own or connector 0's;
/// - offline: the OCPP connection lost (MainProcess) or the charger silent for more than twice its
///   heartbeat interval, whatever the last status said;
/// - unknown: before the connector's first status.
/// Times are log times.
public struct ConnectorAvailability: Sendable, Equatable {
    public var connector: Int
    /// `1`, or `2/1` for a 2.0.1 EVSE and connector.
    public var label: String
    public var availableMs: Int64 = 0
    public var inUseMs: Int64 = 0
    public var chargingMs: Int64 = 0
    public var inoperativeMs: Int64 = 0
    public var offlineMs: Int64 = 0
    public var unknownMs: Int64 = 0

    /// Available or in use, as a share of the time whose state is known (0…1).
    public var availability: Double? {
        let known = availableMs + inUseMs + inoperativeMs + offlineMs
        return known > 0 ? Double(availableMs + inUseMs) / Double(known) : nil
    }

    enum State { case available, inUse, charging, inoperative, offline, unknown }

    static func state(_ status: String?) -> State {
        switch status {
        case "Available": .available
        case "Charging": .charging
        case "Preparing", "SuspendedEV", "SuspendedEVSE", "Finishing", "Reserved", "Occupied": .inUse
        case "Faulted", "Unavailable": .inoperative
        default: .unknown
        }
    }

    static func of(_ h: ConnectorStateHistory, chargePoint: ConnectorStateHistory?, offline: [(start: Int64, end: Int64)],
                   span: ClosedRange<Int64>) -> ConnectorAvailability {
        var a = ConnectorAvailability(connector: h.connector, label: h.label)
        var cuts = Set<Int64>([span.lowerBound, span.upperBound])
        for e in h.entries + (chargePoint?.entries ?? []) where span.contains(e.time) { cuts.insert(e.time) }
        for o in offline {
            if span.contains(o.start) { cuts.insert(o.start) }
            if span.contains(o.end) { cuts.insert(o.end) }
        }
        let times = cuts.sorted()
        var own = 0, cp = 0
        let cpEntries = chargePoint?.entries ?? []
        for (from, to) in zip(times, times.dropFirst()) where to > from {
            while own < h.entries.count, h.entries[own].time <= from { own += 1 }
            while cp < cpEntries.count, cpEntries[cp].time <= from { cp += 1 }
            let d = to - from
            let mid = from + d / 2
            if offline.contains(where: { $0.start <= mid && mid < $0.end }) { a.offlineMs += d; continue }
            let cpState = cp > 0 ? state(cpEntries[cp - 1].status) : .unknown
            if cpState == .inoperative { a.inoperativeMs += d; continue }
            switch own > 0 ? state(h.entries[own - 1].status) : .unknown {
            case .available: a.availableMs += d
            case .inUse: a.inUseMs += d
            case .charging: a.inUseMs += d; a.chargingMs += d
            case .inoperative: a.inoperativeMs += d
            case .offline: a.offlineMs += d
            case .unknown: a.unknownMs += d
            }
        }
        return a
    }
}
