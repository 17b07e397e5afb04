/// A CALLRESULT whose call is not in the log (no open call with its id on its connection), or a second
/// answer to a call already answered. CALLERRORs without a call are reported with the CALLERRORs. An
/// orphan in the first `logStartGrace` of its log is information only: the log may have begun after
/// its call. Back-end downloads (ChargePilot rows) are left out: they keep no ids.
struct OrphanAnswerCheck: ProblemCheck {
    var kind: FindingKind { .orphanAnswer }
    static let logStartGrace: Int64 = 60_000

    func findings(in c: DiagnosticContext) -> [Finding] {
        let store = c.analysis.store
        let starts = c.index.files.map { $0.timeRange?.lowerBound }
        return c.loneAnswers.compactMap { i in
            let e = store.entries[i]
            guard e.messageType == .callResult, e.channel != .export else { return nil }
            let m = c.analysis.makeMessage(i)
            let second = m.issues.first { $0.kind == .answerWithoutCall && $0.message.hasPrefix("second answer") }
            var text = second.map { "A \($0.message)" } ?? "CALLRESULT \(m.uniqueId) (\(m.direction.label)) answers no call in the log"
            var severity = Finding.Severity.warning
            if second == nil, let s = starts[m.ref.file] ?? nil, m.time - s < Self.logStartGrace {
                text += " (the log begins \(FindingText.duration(m.time - s)) before it: its call may precede the log)"
                severity = .info
            }
            return Finding(kind, severity: severity, time: m.time, explanation: text, records: [m.ref],
                           cause: second != nil ? "second answer to a call" : "answer without a call (\(m.direction.label))")
        }
    }
}
