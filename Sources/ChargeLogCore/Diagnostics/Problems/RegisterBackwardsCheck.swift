/// An energy import register that goes down within a transaction (meterStart → samples → meterStop),
/// beyond what the rounding of the readings explains. Readings off by a factor of 1000 are a unit
/// problem (`MeterUnitMismatchCheck`), not a register going backwards.
struct RegisterBackwardsCheck: ProblemCheck {
    var kind: FindingKind { .registerBackwards }

    func findings(in c: DiagnosticContext) -> [Finding] {
        c.analysis.transactions.compactMap { t in
            let points = RegisterSeries(t).points
            guard let k = points.indices.dropFirst().first(where: { i in
                points[i].value < points[i - 1].value - RegisterSeries.tolerance(points[i - 1], points[i])
            }) else { return nil }
            let a = points[k - 1], b = points[k]
            let ref = record(b, t, c) ?? t.stopRef ?? t.startRef
            var records: [RecordRef] = []
            records.add(ref, record(a, t, c))
            let at = b.sample.map { " at \(FindingText.time($0.time))" } ?? ""
            let text = "Energy register of transaction \(t.transactionId)\(FindingText.connector(of: t)) went backwards: \(a.name) \(JSONText.value(a.value)) Wh, then \(b.name) \(JSONText.value(b.value)) Wh\(at) (\(FindingText.energy(b.value - a.value)))"
            return Finding(kind, time: ref.map(c.time) ?? t.firstLogTime, connector: t.connector,
                           transactionId: t.transactionId, explanation: text, records: records)
        }
    }

    func record(_ p: RegisterSeries.Point, _ t: OCPPTransaction, _ c: DiagnosticContext) -> RecordRef? {
        if let s = p.sample { return c.record(of: s, in: t) }
        return p.name == "meterStart" ? t.startRef : t.stopRef
    }
}
