import Foundation

/// The KPI lines of `summary` (text) and the `kpis` object of `summary --format json`.
extension BundleSummary {
    static func percent(_ share: Double?) -> String { NumberText.percent(share) }

    func kpiLines() -> [String] {
        var out: [String] = []
        for a in kpis.connectors {
            var line = "Connector \(a.label.padding(toLength: max(3, a.label.count), withPad: " ", startingAt: 0)) available \(Self.percent(a.availability))"
            line += ": available \(FindingText.duration(a.availableMs)), in use \(FindingText.duration(a.inUseMs))"
            if a.chargingMs > 0 { line += " (charging \(FindingText.duration(a.chargingMs)))" }
            line += ", faulted/unavailable \(FindingText.duration(a.inoperativeMs)), offline \(FindingText.duration(a.offlineMs))"
            if a.unknownMs > 0 { line += ", unknown \(FindingText.duration(a.unknownMs))" }
            out.append(line)
        }
        let k = kpis
        var s = "Sessions   \(k.successful) of \(k.judged) successful (\(Self.percent(k.successRate))), first attempt \(k.firstAttemptSuccesses) of \(k.firstAttempts) (\(Self.percent(k.firstAttemptRate)))"
        let open = k.sessions.count - k.judged
        if open > 0 { s += "; \(open) not judged (open or begun before the log)" }
        out.append(s)
        if let m = k.medianPlugInToEnergyMs {
            out.append("Plug-in → energy  median \(FindingText.duration(m)) over \(k.sessions.compactMap(\.plugInToEnergyMs).count) session(s)")
        }
        return out
    }

    func kpiJSON() -> String {
        let k = kpis
        func share(_ d: Double?) -> String { d.map { JSONText.value(($0 * 10000).rounded() / 10000) } ?? "null" }
        return JSONText.object([
            ("connectors", "[" + k.connectors.map { a in
                JSONText.object([
                    ("connector", String(a.connector)), ("label", JSONText.quote(a.label)),
                    ("availability", share(a.availability)), ("availableMs", String(a.availableMs)),
                    ("inUseMs", String(a.inUseMs)), ("chargingMs", String(a.chargingMs)),
                    ("inoperativeMs", String(a.inoperativeMs)), ("offlineMs", String(a.offlineMs)),
                    ("unknownMs", String(a.unknownMs)),
                ])
            }.joined(separator: ",") + "]"),
            ("sessionsJudged", String(k.judged)), ("sessionsSuccessful", String(k.successful)),
            ("successRate", share(k.successRate)),
            ("firstAttempts", String(k.firstAttempts)), ("firstAttemptSuccesses", String(k.firstAttemptSuccesses)),
            ("firstAttemptRate", share(k.firstAttemptRate)),
            ("medianPlugInToEnergyMs", JSONText.value(k.medianPlugInToEnergyMs)),
            ("sessions", "[" + k.sessions.map { o in
                JSONText.object([
                    ("transactionId", JSONText.quote(o.transactionId)), ("connector", JSONText.quote(o.connector)),
                    ("success", JSONText.value(o.success)), ("failure", JSONText.value(o.failure)),
                    ("firstAttempt", JSONText.value(o.firstAttempt)), ("plugInToEnergyMs", JSONText.value(o.plugInToEnergyMs)),
                ])
            }.joined(separator: ",") + "]"),
        ])
    }
}
