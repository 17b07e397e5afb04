/// A finished transaction without any meter values between its start and stop (no MeterValues; 2.0.1:
/// no TransactionEvent with sampled values besides Started / Ended) although it lasted more than twice
/// the configured sample interval. Without a configured interval in the log, a transaction of
/// `unconfiguredMinimum` or more without a single meter value is reported (information).
struct MissingMeterValuesCheck: ProblemCheck {
    var kind: FindingKind { .missingMeterValues }
    static let unconfiguredMinimum: Int64 = 15 * 60_000

    func findings(in c: DiagnosticContext) -> [Finding] {
        let interval = SampleInterval(c)
        return c.analysis.transactions.compactMap { t in
            guard let a = t.start, let b = t.stop, let start = t.startRef, let stop = t.stopRef, !t.startedBeforeLog,
                  t.meterValues == 0 else { return nil }
            let d = b - a
            let name = FindingText.place(t)
            if let s = interval.at(c.time(start)) {
                guard s.seconds > 0, Double(d) > 2 * s.seconds * 1000 else { return nil }
                return Finding(kind, time: c.time(start), connector: t.connector, transactionId: t.transactionId,
                               explanation: "Transaction \(t.transactionId) on \(name) lasted \(FindingText.duration(d)) without a meter value, though \(s.source) asks for one every \(FindingText.duration(Int64(s.seconds * 1000)))",
                               records: [start, stop])
            }
            guard d >= Self.unconfiguredMinimum else { return nil }
            return Finding(kind, severity: .info, time: c.time(start), connector: t.connector, transactionId: t.transactionId,
                           explanation: "Transaction \(t.transactionId) on \(name) lasted \(FindingText.duration(d)) without a single meter value (no sample interval configured in the log)",
                           records: [start, stop])
        }
    }
}
