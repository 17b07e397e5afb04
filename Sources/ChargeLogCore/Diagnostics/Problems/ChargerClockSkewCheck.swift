/// The charger's own clock is off: the times in its payloads disagree with the central system's
/// `currentTime` (or with the log's corrected clock) by more than `ClockInference.skewThreshold`, as the
/// clock inference found when it put the file on UTC. Its timestamps (status changes, meter values,
/// transaction start and stop) are then that much off too.
struct ChargerClockSkewCheck: ProblemCheck {
    var kind: FindingKind { .chargerClockSkew }

    func findings(in c: DiagnosticContext) -> [Finding] {
        c.index.files.enumerated().compactMap { f, file in
            guard let skew = file.clock.chargerSkew, file.recordCount > 0 else { return nil }
            let against = file.clock.basis == .fromPayloads ? "the central system's currentTime" : "the log's clock (corrected to UTC)"
            return Finding(kind, time: file.index.times[0],
                           explanation: "The charger's clock is \(ClockDecision.durationText(skew)) \(skew > 0 ? "ahead" : "behind"): its payload times against \(against) in \(file.displayPath); its timestamps are off by as much",
                           records: [RecordRef(file: f, record: 0)])
        }
    }
}
