/// A transaction whose signed (OCMF) readings cannot be billed: the meter reports a status other
/// than G (`M` manipulated, `E` other error, …), error flags (`EF` E energy, t time), an exception
/// reading (TX X), or the signature does not hold with the meter's key (INVALID, or a key of
/// another curve). Readings that were not checked for want of a key are not a problem.
struct OCMFNotBillableCheck: ProblemCheck {
    var kind: FindingKind { .ocmfNotBillable }

    func findings(in c: DiagnosticContext) -> [Finding] {
        c.analysis.transactions.compactMap { t in
            var reasons: [String] = []
            var records: [RecordRef] = []
            for s in t.signedValues {
                let own = s.unbillableReasons
                guard !own.isEmpty else { continue }
                let doc = s.document
                let what = "\(s.context.rawValue) reading\(doc?.pagination.map { " \($0)" } ?? "")\(doc?.meterSerial.map { " of meter \($0)" } ?? "")"
                reasons.append("\(what): " + own.joined(separator: ", "))
                records.add(s.ref)
            }
            guard !reasons.isEmpty else { return nil }
            var all = records
            all.add(t.stopRef ?? t.startRef)
            let text = "OCMF reading not billable in transaction \(t.transactionId)\(FindingText.connector(t.connector)): "
                + reasons.joined(separator: "; ")
            return Finding(kind, severity: .error, time: all.first.map(c.time) ?? t.firstLogTime, connector: t.connector,
                           transactionId: t.transactionId, explanation: text, records: all)
        }
    }
}
