/// The charger set its clock by NTP: MainProcess `NTP Time sync finished, output: "… adjust time
/// server 46.102.157.67 offset -0.337614 sec\n"`, with the `ntpdate request` before it, and the
/// `NTP Sync success` and DC-meter `Set time completed` lines after it. A run that reports no offset
/// (ntpdate failed) is not a sync.
struct NTPClockSyncRule: ScenarioRule {
    var kind: FindingKind { .clockSyncNTP }

    func findings(in c: DiagnosticContext) -> [Finding] {
        c.lines(.ntpFinished).compactMap { l in
            guard let offset = Self.offsetMs(c.text(l.ref)) else { return nil }
            var records: [RecordRef] = [l.ref]
            let request = c.lines(.ntpRequest, from: l.time - 60_000, to: l.time).last
            records.add(request?.ref)
            records.add(contentsOf: c.lines(.ntpSuccess, from: l.time, to: l.time + 5_000).prefix(1).map(\.ref))
            let meters = c.lines(.meterTimeSet, from: l.time, to: l.time + 10_000)
            records.add(contentsOf: meters.map(\.ref))
            var text = "Clock synchronised by NTP"
            if let server = FindingText.capture(#"server\s+([0-9A-Za-z.:-]+)"#, in: c.text(l.ref)) { text += " (server \(server))" }
            text += ": offset \(FindingText.seconds(offset)) applied"
            if !meters.isEmpty { text += "; \(meters.count) DC meter clock\(meters.count == 1 ? "" : "s") set" }
            return Finding(kind, time: l.time, explanation: text, records: records)
        }
    }

    /// `offset -0.337614 sec` → -337.614 ms.
    static func offsetMs(_ line: String) -> Double? {
        FindingText.capture(#"offset\s+([-+]?\d+(?:\.\d+)?)\s*sec"#, in: line).flatMap(Double.init).map { $0 * 1000 }
    }
}
