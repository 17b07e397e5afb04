/// A transaction with no StopTransaction (2.0.1: no TransactionEvent Ended) in the log; a warning when
/// its connector started another transaction later, information when it may still run at the end.
struct TransactionNotStoppedCheck: ProblemCheck {
    var kind: FindingKind { .transactionNotStopped }

    func findings(in c: DiagnosticContext) -> [Finding] {
        let txs = c.analysis.transactions
        return txs.compactMap { t in
            guard t.isOpen else { return nil }
            guard let first = t.startRef else { return openWithoutStart(t, c) }
            let startTime = c.time(first)
            var text = "Transaction \(t.transactionId)\(FindingText.connector(of: t)), started \(FindingText.time(t.start ?? startTime)), has no StopTransaction in the log"
            var severity = Finding.Severity.info
            var records = [first]
            if let next = txs.first(where: { o in
                o.transactionId != t.transactionId && o.connector == t.connector && t.connector != nil
                    && o.startRef.map { c.time($0) > startTime } == true
            }), let ref = next.startRef {
                text += "; \(FindingText.place(t)) started transaction \(next.transactionId) at \(FindingText.time(c.time(ref)))"
                severity = .warning
                records.add(ref)
            } else if let end = c.logEnd {
                text += "; the log ends \(FindingText.duration(end - t.lastLogTime)) after its last message (still charging?)"
            }
            return Finding(kind, severity: severity, time: startTime, connector: t.connector, transactionId: t.transactionId,
                           explanation: text, records: records)
        }
    }

    /// A transaction known only from MeterValues (its start precedes the log) that never stopped.
    func openWithoutStart(_ t: OCPPTransaction, _ c: DiagnosticContext) -> Finding? {
        guard let k = c.analysis.transactionById[t.transactionId], let m = c.analysis.transactionMessages[k].first else { return nil }
        let ref = c.analysis.store.entries[Int(m)].ref
        return Finding(kind, time: c.time(ref), connector: t.connector, transactionId: t.transactionId,
                       explanation: "Transaction \(t.transactionId)\(FindingText.connector(of: t)) has neither its start nor a StopTransaction in the log (only meter values)",
                       records: [ref])
    }
}
