/// A transaction whose energy figures disagree: sampled register readings above meterStop or below
/// meterStart, the reading taken at the stop (Transaction.End or sampled at the stop's timestamp) or a
/// Transaction.Begin reading different from meterStop / meterStart, or OCMF begin / end readings
/// different from them (beyond what the readings' rounding explains).
struct EnergyMismatchCheck: ProblemCheck {
    var kind: FindingKind { .energyMismatch }

    func findings(in c: DiagnosticContext) -> [Finding] {
        c.analysis.transactions.compactMap { t in
            var reasons: [String] = []
            var records: [RecordRef] = []
            let series = RegisterSeries(t)
            let start = series.points.first { $0.name == "meterStart" }
            let stop = series.points.first { $0.name == "meterStop" }
            let samples = series.points.filter { $0.sample != nil }
            if let stop, let top = samples.max(by: { $0.value < $1.value }), top.value > stop.value + RegisterSeries.tolerance(top, stop) {
                reasons.append("meter series reaches \(JSONText.value(top.value)) Wh, \(FindingText.energy(top.value - stop.value)) above meterStop \(JSONText.value(stop.value)) Wh")
                records.add(top.sample.flatMap { c.record(of: $0, in: t) })
            }
            if let start, let low = samples.min(by: { $0.value < $1.value }), low.value < start.value - RegisterSeries.tolerance(low, start) {
                reasons.append("meter series starts at \(JSONText.value(low.value)) Wh, \(FindingText.energy(start.value - low.value)) below meterStart \(JSONText.value(start.value)) Wh")
                records.add(low.sample.flatMap { c.record(of: $0, in: t) })
            }
            // The reading taken at the stop (Transaction.End, or sampled at the stop's timestamp) is meterStop.
            if let stop, let end = samples.last(where: { $0.sample?.context == .transactionEnd || ($0.sample?.time == t.stop && t.stop != nil) }),
               abs(end.value - stop.value) > RegisterSeries.tolerance(end, stop) {
                reasons.append("the register at the stop reads \(JSONText.value(end.value)) Wh, meterStop \(JSONText.value(stop.value)) Wh (\(FindingText.energy(end.value - stop.value)))")
                records.add(end.sample.flatMap { c.record(of: $0, in: t) })
            }
            if let start, let begin = samples.first(where: { $0.sample?.context == .transactionBegin }),
               begin.value > start.value + RegisterSeries.tolerance(begin, start) {
                reasons.append("Transaction.Begin reading \(JSONText.value(begin.value)) Wh differs from meterStart \(JSONText.value(start.value)) Wh")
            }
            for check in t.ocmfChecks where !check.agrees {
                reasons.append("OCMF \(check.which.rawValue) reading \(JSONText.value(check.ocmfWh)) Wh differs from meter\(check.which == .begin ? "Start" : "Stop") \(JSONText.value(check.ocppWh)) Wh by \(FindingText.energy(check.differenceWh))")
                records.add(t.signedValues.first { $0.context == (check.which == .begin ? .transactionBegin : .transactionEnd) }?.ref)
            }
            guard !reasons.isEmpty else { return nil }
            var all: [RecordRef] = []
            all.add(t.stopRef ?? t.startRef)
            all.add(contentsOf: records)
            all.add(t.startRef)
            var text = "Energy of transaction \(t.transactionId)\(FindingText.connector(of: t)) disagrees"
            if let e = t.energyWh { text += " (meterStop − meterStart = \(FindingText.energy(e)))" }
            text += ": " + reasons.joined(separator: "; ")
            return Finding(kind, time: all.first.map(c.time) ?? t.firstLogTime, connector: t.connector,
                           transactionId: t.transactionId, explanation: text, records: all)
        }
    }
}
