/// Energy register readings whose unit is off by a factor of 1000 against the transaction's OCPP
/// meterStart / meterStop (the Sungrow stop sends its Transaction.Begin/End readings in kWh labelled
/// `Wh`). Reported once for the bundle, with the first transactions as examples.
struct MeterUnitMismatchCheck: ProblemCheck {
    var kind: FindingKind { .meterUnitMismatch }

    func findings(in c: DiagnosticContext) -> [Finding] {
        var hits: [(t: OCPPTransaction, samples: [MeterSample])] = []
        for t in c.analysis.transactions {
            let bad = RegisterSeries(t).mislabelled
            if !bad.isEmpty { hits.append((t, bad)) }
        }
        guard let first = hits.first, let s = first.samples.first else { return [] }
        let total = hits.reduce(0) { $0 + $1.samples.count }
        var records: [RecordRef] = []
        for h in hits.prefix(5) { records.add(c.record(of: h.samples[0], in: h.t) ?? h.t.stopRef) }
        let against = first.t.meterStop.map { "meterStop \(JSONText.value($0)) Wh" } ?? first.t.meterStart.map { "meterStart \(JSONText.value($0)) Wh" } ?? "the other readings"
        let text = "\(total) energy register reading\(total == 1 ? "" : "s") in \(hits.count) transaction\(hits.count == 1 ? "" : "s") off by a factor of 1000 (a kWh figure labelled Wh?), e.g. transaction \(first.t.transactionId): \(s.context.rawValue) \(JSONText.value(s.value)) \(s.unit.rawValue) next to \(against)"
        let time = records.first.map(c.time) ?? first.t.firstLogTime
        return [Finding(kind, time: time, transactionId: hits.count == 1 ? first.t.transactionId : nil,
                        explanation: text, records: records)]
    }
}
