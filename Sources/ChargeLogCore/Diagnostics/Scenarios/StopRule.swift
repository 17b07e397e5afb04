/// One finding per stopped transaction whose `StopCause` is this rule's kind.
protocol StopRule: ScenarioRule {}

extension StopRule {
    func findings(in c: DiagnosticContext) -> [Finding] {
        c.analysis.transactions.compactMap { t in
            guard let cause = StopCause.of(t, c), cause.kind == kind, let stopRef = t.stopRef else { return nil }
            var records: [RecordRef] = [stopRef]
            if let m = c.analysis.message(at: stopRef) { records.add(c.answer(to: m)?.ref) }
            records.add(contentsOf: cause.evidence)
            var text = "\(kind.label.prefix(1).uppercased() + kind.label.dropFirst()): transaction \(t.transactionId)\(FindingText.connector(of: t)) (\(cause.because))"
            if let e = t.energyWh { text += ", \(FindingText.energy(e)) charged" }
            return Finding(kind, time: c.time(stopRef), connector: t.connector, transactionId: t.transactionId,
                           explanation: text, records: records)
        }
    }
}
