/// The OCPP version of each connection, from what its messages look like: `2.0.1` when a call is of a
/// 2.0.1-only action (TransactionEvent, NotifyEvent, …) or has the 2.0.1 shape of a shared one
/// (BootNotification `chargingStation`, StatusNotification `connectorStatus`), else `1.6`.
struct OCPPVersionGuess {
    var byConnection: [OCPPConnection: String] = [:]

    init(_ analysis: OCPPAnalysis) {
        let store = analysis.store
        var v201 = Set<UInt16>()
        for i in 0..<store.count where store.entries[i].messageType == .call {
            let e = store.entries[i]
            guard !v201.contains(e.connection), let a = store.action(i) else { continue }
            if OCPPSchema.v16[a] == nil, OCPPSchema.v201[a] != nil { v201.insert(e.connection); continue }
            if a == "BootNotification" || a == "StatusNotification" {
                let p = analysis.makeMessage(i).payload
                if p["chargingStation"] != nil || p["connectorStatus"] != nil { v201.insert(e.connection) }
            }
        }
        for (k, c) in store.connections.enumerated() { byConnection[c] = v201.contains(UInt16(k)) ? "2.0.1" : "1.6" }
    }

    func version(of c: OCPPConnection) -> String { byConnection[c] ?? "1.6" }
}
