/// A connector whose consecutive StatusNotifications change in a way the specification's state table
/// does not allow (1.6: e.g. Available → Finishing; 2.0.1: Occupied → Reserved). A change across a
/// BootNotification is not judged: a charger reports its connectors afresh after a boot.
struct StatusTransitionCheck: ProblemCheck {
    var kind: FindingKind { .statusTransition }

    func findings(in c: DiagnosticContext) -> [Finding] {
        let boots = c.calls("BootNotification").map(\.time)
        var out: [Finding] = []
        for h in c.analysis.connectorStates {
            let v201 = h.evse != nil
            for (a, b) in zip(h.entries, h.entries.dropFirst()) {
                guard StatusTransitions.allowed(a.status, b.status, v201: v201) == false else { continue }
                if boots.contains(where: { $0 > a.time && $0 <= b.time }) { continue }
                let table = v201 ? "the 2.0.1 connector status model" : "the 1.6 StatusNotification state table"
                let name = v201 ? "EVSE \(h.label)" : "Connector \(h.label)"
                out.append(Finding(kind, time: b.time, connector: h.connector,
                                   explanation: "\(name) went from \(a.status) (\(FindingText.clock(a.time))) to \(b.status) (\(FindingText.clock(b.time))), a change \(table) does not allow",
                                   records: [b.ref, a.ref], cause: "\(a.status) → \(b.status)"))
            }
        }
        return out
    }
}
