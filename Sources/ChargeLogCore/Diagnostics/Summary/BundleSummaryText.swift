/// `summary` as text for a terminal.
extension BundleSummary {
    public func text(maxRecords: Int = 4) -> String {
        var out: [String] = []
        let who = [charger.vendor, charger.model].compactMap { $0 }.joined(separator: " ")
        var line = "Charger    " + (who.isEmpty ? "(unknown)" : who)
        if let s = charger.serial { line += ", serial \(s)" }
        if let f = charger.firmware { line += ", firmware \(f)" }
        if !charger.sources.isEmpty { line += "  [\(charger.sources.joined(separator: "; "))]" }
        out.append(line)
        if let r = timeSpan {
            out.append("Span       \(FindingText.time(r.lowerBound)) → \(FindingText.time(r.upperBound)) UTC (\(FindingText.duration(r.upperBound - r.lowerBound))), \(fileCount) file\(fileCount == 1 ? "" : "s"), \(recordCount) records")
        } else {
            out.append("Span       (no timed records), \(fileCount) files")
        }
        for v in ocppVersions { out.append("OCPP       \(v.inference.summary)  [\(v.connection)]") }
        if availability.known {
            var a = "Online     \(FindingText.duration(availability.onlineMs)), offline \(FindingText.duration(availability.offlineMs)) in \(availability.outages) outage\(availability.outages == 1 ? "" : "s")"
            if availability.outages > 0 { a += " (longest \(FindingText.duration(availability.longestOutageMs)))" }
            if availability.unknownMs > 0 { a += ", unknown \(FindingText.duration(availability.unknownMs)) before the first connection event" }
            out.append(a)
        } else {
            out.append("Online     unknown (no OCPP_Connection_Fail / _Restore lines)")
        }
        out += kpiLines()
        out.append("")
        if connectors.isEmpty { out.append("No transactions.") }
        for c in connectors {
            let name = c.label.hasPrefix("EVSE") ? c.label : "Connector \(c.label)"
            var head = "\(name): \(c.transactions.count) session\(c.transactions.count == 1 ? "" : "s"), \(FindingText.energy(c.energyWh))"
            if c.sessionsWithoutEnergy > 0 { head += " (\(c.sessionsWithoutEnergy) without both meter readings)" }
            out.append(head)
            for t in c.transactions {
                let span = "\(t.start.map(FindingText.time) ?? "(before the log)") → \(t.stop.map(FindingText.time) ?? "(open)")"
                let energy = t.energyWh.map(FindingText.energy) ?? "?"
                out.append("  \(t.transactionId.count >= 8 ? t.transactionId : t.transactionId.padding(toLength: 8, withPad: " ", startingAt: 0)) \(span)  \(t.auth)  \(t.idTag ?? "-")  \(energy)  \(t.reason ?? "")\(t.stopStatus.map { $0 == "Accepted" ? "" : " [\($0)]" } ?? "")")
            }
        }
        let folded = grouped
        for (title, category) in [("Scenarios", FindingKind.Category.scenario), ("Problems", .problem)] {
            let list = folded.filter { $0.category == category }
            let total = list.reduce(0) { $0 + $1.count }
            out.append("")
            out.append("\(title) (\(total)\(total != list.count ? ", \(list.count) kinds and causes" : ""))")
            for f in list {
                var head = "  \(FindingText.time(f.time))  \(f.kind.label)"
                if f.count > 1 { head += " ×\(f.count)" }
                if f.severity != .info { head += " [\(f.severity.rawValue)]" }
                out.append(head)
                if f.count > 1 { out.append("      \(FindingGroups.headline(f))") }
                out.append("      \(f.count > 1 ? "first: " : "")\(f.explanation)")
                let where_ = f.records.prefix(maxRecords).map { r in let l = location(r); return "\(l.file):\(l.line)" }
                if !where_.isEmpty {
                    out.append("      at " + where_.joined(separator: ", ") + (f.records.count > maxRecords ? ", …" : ""))
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
