/// A finished session that lasted under `minDuration` or delivered under `minEnergyWh`: usually a start
/// that failed (the car did not take charge, the cable was pulled, the authorisation came too late).
struct ShortSessionCheck: ProblemCheck {
    var kind: FindingKind { .shortSession }
    static let minDuration: Int64 = 60_000
    static let minEnergyWh = 100.0

    func findings(in c: DiagnosticContext) -> [Finding] {
        c.analysis.transactions.compactMap { t in
            guard let a = t.start, let b = t.stop, let stop = t.stopRef, !t.startedBeforeLog else { return nil }
            let d = b - a
            let short = d < Self.minDuration
            let small = t.energyWh.map { $0 < Self.minEnergyWh } ?? false
            guard short || small else { return nil }
            let name = FindingText.place(t)
            let energy = t.energyWh.map { "and delivered \(FindingText.energy($0))" } ?? "with no energy reading"
            var why: [String] = []
            if short { why.append("under a minute") }
            if small { why.append("under 0.1 kWh") }
            var records: [RecordRef] = []
            records.add(t.startRef, stop)
            return Finding(kind, time: t.startRef.map(c.time) ?? c.time(stop), connector: t.connector, transactionId: t.transactionId,
                           explanation: "Session \(t.transactionId) on \(name) lasted \(FindingText.duration(d)) \(energy) (\(why.joined(separator: ", ")): a failed start?), stop reason \(t.reason ?? "?")",
                           records: records)
        }
    }
}
