/// A transaction started on a connection the charger did not open with a BootNotification: the start
/// is the first OCPP message of its log (the log begins at the connection), or it follows a
/// reconnect (MainProcess `OCPP_Connection_Restore`) with no BootNotification from `bootLead` before
/// the reconnect up to the start.
struct StartWithoutBootCheck: ProblemCheck {
    var kind: FindingKind { .startWithoutBoot }
    /// A BootNotification this long before a reconnect event still counts (the Sungrow MainProcess
    /// logs the boot answer before `OCPP_Connection_Restore`).
    static let bootLead: Int64 = 60_000

    func findings(in c: DiagnosticContext) -> [Finding] {
        let store = c.analysis.store
        // The first counted message of each log, of any kind and direction.
        var firstCall: [String: Int] = [:]
        for i in 0..<store.count where store.entries[i].flags.contains(.primary) {
            let log = store.connections[Int(store.entries[i].connection)].log
            if firstCall[log] == nil { firstCall[log] = i }
        }
        let boots = c.calls("BootNotification").map(\.time)
        let reconnects = c.analysis.connectivity.filter(\.online)
        var out: [Finding] = []
        for t in c.analysis.transactions {
            guard let ref = t.startRef, let i = c.analysis.messageNumbers(at: ref).first else { continue }
            let at = store.entries[i].time
            let log = store.connections[Int(store.entries[i].connection)].log
            let name = FindingText.place(t)
            if firstCall[log] == i {
                out.append(Finding(kind, time: at, connector: t.connector, transactionId: t.transactionId,
                                   explanation: "Transaction \(t.transactionId) on \(name) starts the log's OCPP traffic: no BootNotification before it",
                                   records: [ref]))
            } else if let r = reconnects.last(where: { $0.start <= at }),
                      !boots.contains(where: { $0 >= r.start - Self.bootLead && $0 <= at }) {
                out.append(Finding(kind, severity: .info, time: at, connector: t.connector, transactionId: t.transactionId,
                                   explanation: "Transaction \(t.transactionId) on \(name) started after the reconnect at \(FindingText.time(r.start)) with no BootNotification in between",
                                   records: [ref, r.startRef]))
            }
        }
        return out
    }
}
