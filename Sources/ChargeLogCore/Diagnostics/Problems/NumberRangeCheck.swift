/// Numbers the program shows as sent but does not use because they are out of range: meter values
/// beyond ±10^15 or infinite (`"1e20"`, `1e999999`, `1.7e308` kWh), multipliers beyond ±18, integers
/// too large to hold, heartbeat intervals outside 1 … 2^31−1 s. One finding per message (counted once
/// when the proxy logged it twice), naming what was not used.
struct NumberRangeCheck: ProblemCheck {
    var kind: FindingKind { .numberOutOfRange }

    func findings(in c: DiagnosticContext) -> [Finding] {
        let store = c.analysis.store
        var out: [Finding] = []
        var reported = Set<RecordRef>()
        for i in 0..<store.count {
            let e = store.entries[i]
            guard e.flags.contains(.primary), e.flags.contains(.hasIssues),
                  let issues = store.issues[Int32(i)], issues.contains(where: { $0.kind == .outOfRange }) else { continue }
            let m = c.analysis.makeMessage(i)
            let what = issues.filter { $0.kind == .outOfRange }.map { $0.path.isEmpty ? $0.message : "\($0.path): \($0.message)" }
            out.append(Finding(kind, time: m.time, connector: m.payload["connectorId"]?.intValue,
                               explanation: "\(m.action ?? "message") (id \(m.uniqueId)) holds a number out of range: "
                                   + what.joined(separator: "; "),
                               records: [m.ref]))
            reported.insert(m.ref)
        }
        for r in HeartbeatInterval(c, heartbeats: []).rejected where !reported.contains(r.ref) {
            let range = HeartbeatInterval.seconds
            out.append(Finding(kind, time: r.time,
                               explanation: "heartbeat interval \(r.raw) s from \(r.source) is out of range (\(Int(range.lowerBound))…\(Int(range.upperBound)) s); not used",
                               records: [r.ref]))
            reported.insert(r.ref)
        }
        return out
    }
}
