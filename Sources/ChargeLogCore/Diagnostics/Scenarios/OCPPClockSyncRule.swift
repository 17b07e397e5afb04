/// The charger compared its clock with the OCPP time (BootNotification / Heartbeat answer
/// `currentTime`): MainProcess `Time difference origin: QDateTime(<charger time> UTC …) good, no need
/// to sync from OCPP: QDateTime(<OCPP time> UTC …)`. Each check that set the clock is a finding with
/// the offset applied; the checks that needed no sync are one finding for the whole log (they come
/// with every answer that carries a time).
struct OCPPClockSyncRule: ScenarioRule {
    var kind: FindingKind { .clockSyncOCPP }

    struct Check {
        var line: MarkedLine
        var chargerTime: Int64
        var ocppTime: Int64
        var applied: Bool
        var offsetMs: Int64 { ocppTime - chargerTime }
    }

    func findings(in c: DiagnosticContext) -> [Finding] {
        let checks = c.lines(.timeDifference).compactMap { Self.check($0, c.text($0.ref)) }
        var out: [Finding] = []
        for k in checks where k.applied {
            var records: [RecordRef] = []
            records.add(contentsOf: c.lines(.recvCurrentTime, from: k.line.time - 5_000, to: k.line.time).suffix(1).map(\.ref))
            records.add(k.line.ref)
            records.add(Self.answerWithTime(c, before: k.line.time)?.ref)
            records.add(contentsOf: c.lines(.meterTimeSet, from: k.line.time, to: k.line.time + 10_000).map(\.ref))
            out.append(Finding(kind, time: k.line.time,
                               explanation: "Clock set from the OCPP time: charger \(CivilTime.clock(k.chargerTime)), CPO \(CivilTime.clock(k.ocppTime)) (offset \(FindingText.seconds(Double(k.offsetMs))) applied)",
                               records: records))
        }
        let idle = checks.filter { !$0.applied }
        if let first = idle.first {
            let offsets = idle.map(\.offsetMs)
            let range = offsets.min()! == offsets.max()! ? FindingText.seconds(Double(offsets[0]))
                : "\(FindingText.seconds(Double(offsets.min()!))) … \(FindingText.seconds(Double(offsets.max()!)))"
            var records: [RecordRef] = []
            records.add(contentsOf: c.lines(.recvCurrentTime, from: first.line.time - 5_000, to: first.line.time).suffix(1).map(\.ref))
            records.add(contentsOf: idle.prefix(5).map(\.line.ref))
            out.append(Finding(kind, time: first.line.time, end: idle.last!.line.time,
                               explanation: "Clock compared with the OCPP time \(idle.count) time\(idle.count == 1 ? "" : "s") (offset \(range)); within tolerance, not synced",
                               records: records))
        }
        return out
    }

    /// Parses the two `QDateTime(2024-04-30 20:02:13.658 UTC …)` of a `Time difference origin:` line.
    static func check(_ line: MarkedLine, _ text: String) -> Check? {
        let stamps = FindingText.captures(#"QDateTime\((\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?)"#, in: text)
        guard stamps.count >= 2, let a = CivilTime.parseUserTime(stamps[0]), let b = CivilTime.parseUserTime(stamps[1]) else { return nil }
        return Check(line: line, chargerTime: a, ocppTime: b, applied: !text.contains("no need to sync"))
    }

    /// The BootNotification / Heartbeat answer carrying `currentTime` logged last before `time` (10 s).
    static func answerWithTime(_ c: DiagnosticContext, before time: Int64) -> OCPPMessage? {
        let calls = c.calls("BootNotification", from: time - 10_000, to: time) + c.calls("Heartbeat", from: time - 10_000, to: time)
        return calls.compactMap(c.answer).filter { $0.time <= time && $0.payload["currentTime"] != nil }.max { $0.time < $1.time }
    }
}
