/// Connector status histories, MainProcess state switches and online/offline periods.
enum StateBuilder {
    /// One history per 1.6 connector, per 2.0.1 EVSE and connector (keyed by the EVSE id, which plays
    /// the 1.6 connector's part).
    static func connectorStates(_ store: MessageStore, facts: FactTable) -> [ConnectorStateHistory] {
        struct Key: Hashable, Comparable {
            var connector: Int
            var evseConnector: Int
            static func < (a: Key, b: Key) -> Bool { (a.connector, a.evseConnector) < (b.connector, b.evseConnector) }
        }
        var byConnector: [Key: [ConnectorStatusEntry]] = [:]
        for (k, f) in zip(facts.keys, facts.values) {
            let i = Int(k)
            let e = store.entries[i]
            guard e.flags.contains(.primary), e.messageType == .call, case .status(let s) = f else { continue }
            let c = s.evse ?? s.connector ?? 0
            let inside = s.evse != nil ? s.connector : nil
            byConnector[Key(connector: c, evseConnector: inside ?? -1), default: []].append(ConnectorStatusEntry(
                ref: e.ref, messageNumber: i, time: e.time, timestamp: s.timestamp, connector: c, evse: s.evse,
                evseConnector: inside, status: s.status ?? "?",
                errorCode: s.errorCode, vendorErrorCode: s.vendorErrorCode, vendorId: s.vendorId, info: s.info))
        }
        return byConnector.keys.sorted().map { k in
            let entries = byConnector[k]!
            return ConnectorStateHistory(connector: k.connector, evse: entries[0].evse,
                                         evseConnector: k.evseConnector >= 0 ? k.evseConnector : nil, entries: entries)
        }
    }

    static func chargerStates(_ events: [MainProcessEvent]) -> [ChargerStateSwitch] {
        events.compactMap { e in
            if case .stateSwitch(let from, let to) = e.kind { return ChargerStateSwitch(ref: e.ref, time: e.time, from: from, to: to) }
            return nil
        }
    }

    /// Periods between `OCPP_Connection_Fail` and `OCPP_Connection_Restore` (repeats of the same
    /// state extend the period). The last period is open-ended.
    static func connectivity(_ events: [MainProcessEvent]) -> [ConnectivityPeriod] {
        var out: [ConnectivityPeriod] = []
        var current: ConnectivityPeriod? = nil
        for e in events {
            let online: Bool
            switch e.kind {
            case .connectionFail: online = false
            case .connectionRestore: online = true
            default: continue
            }
            if var c = current {
                guard c.online != online else { continue }
                c.end = e.time
                c.endRef = e.ref
                out.append(c)
            }
            current = ConnectivityPeriod(online: online, start: e.time, end: nil, startRef: e.ref, endRef: nil)
        }
        if let c = current { out.append(c) }
        return out
    }
}
