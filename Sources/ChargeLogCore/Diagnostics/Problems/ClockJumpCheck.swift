/// The charger's clock jumped: a log's own stamps going backwards by more than `limit` (records with
/// borrowed times left out), an NTP sync that moved the clock by more than `limit`, or a clock set
/// from the OCPP time by more than `limit`.
struct ClockJumpCheck: ProblemCheck {
    var kind: FindingKind { .clockJump }
    static let limit: Int64 = 2_000

    func findings(in c: DiagnosticContext) -> [Finding] {
        var out: [Finding] = []
        for (f, file) in c.index.files.enumerated() {
            let ix = file.index
            var last: (record: Int, time: Int64)? = nil
            for r in 0..<ix.count {
                let flags = ix.flags(r)
                guard !flags.contains(.inferredTime), !flags.contains(.unparsed), !flags.contains(.header) else { continue }
                let t = ix.times[r]
                if let l = last, flags.contains(.outOfOrder), l.time - t > Self.limit {
                    out.append(Finding(kind, time: l.time,
                        explanation: "Clock went back \(FindingText.duration(l.time - t)) in \(file.displayPath): \(FindingText.time(l.time)) (line \(ix.lineNumber(l.record))) then \(FindingText.time(t)) (line \(ix.lineNumber(r)))",
                        records: [RecordRef(file: f, record: l.record), RecordRef(file: f, record: r)]))
                }
                last = (r, t)
            }
        }
        for l in c.lines(.ntpFinished) {
            guard let offset = NTPClockSyncRule.offsetMs(c.text(l.ref)), abs(offset) > Double(Self.limit) else { continue }
            out.append(Finding(kind, time: l.time, explanation: "NTP moved the clock by \(FindingText.seconds(offset))",
                               records: [l.ref]))
        }
        for l in c.lines(.timeDifference) {
            guard let k = OCPPClockSyncRule.check(l, c.text(l.ref)), k.applied, abs(k.offsetMs) > Self.limit else { continue }
            out.append(Finding(kind, time: l.time,
                               explanation: "The clock was set from the OCPP time, moving it by \(FindingText.seconds(Double(k.offsetMs)))",
                               records: [l.ref]))
        }
        return out
    }
}
