/// `summary --format json`: one object; findings one per line, times ISO-8601 UTC.
extension BundleSummary {
    public func json() -> String {
        var lines: [String] = ["{"]
        func field(_ key: String, _ value: String, last: Bool = false) {
            lines.append("  \(JSONText.quote(key)): \(value)\(last ? "" : ",")")
        }
        field("charger", JSONText.object([
            ("vendor", JSONText.value(charger.vendor)), ("model", JSONText.value(charger.model)),
            ("serial", JSONText.value(charger.serial)), ("firmware", JSONText.value(charger.firmware)),
            ("sources", "[" + charger.sources.map(JSONText.quote).joined(separator: ",") + "]"),
        ]))
        field("timeSpan", timeSpan.map { r in
            JSONText.object([("start", JSONText.quote(CivilTime.iso8601(r.lowerBound))),
                             ("end", JSONText.quote(CivilTime.iso8601(r.upperBound))),
                             ("durationMs", String(r.upperBound - r.lowerBound))])
        } ?? "null")
        field("files", String(fileCount))
        field("records", String(recordCount))
        field("connectors", "[" + connectors.map(connectorJSON).joined(separator: ",") + "]")
        field("availability", JSONText.object([
            ("known", JSONText.value(availability.known)), ("onlineMs", String(availability.onlineMs)),
            ("offlineMs", String(availability.offlineMs)), ("unknownMs", String(availability.unknownMs)),
            ("outages", String(availability.outages)), ("longestOutageMs", String(availability.longestOutageMs)),
        ]))
        field("kpis", kpiJSON())
        field("ocppVersions", "[" + ocppVersions.map { v in
            JSONText.object([("connection", JSONText.quote(v.connection.description)), ("version", JSONText.quote(v.inference.version)),
                             ("source", JSONText.quote(v.inference.source.rawValue)), ("evidence", JSONText.quote(v.inference.evidence))])
        }.joined(separator: ",") + "]")
        // Repeats of one kind and cause folded: kind, cause, count, first and last time, the first finding.
        let groups = grouped
        if groups.isEmpty { field("groups", "[]") } else {
            lines.append("  \(JSONText.quote("groups")): [")
            for (k, f) in groups.enumerated() {
                lines.append("    " + JSONText.object([
                    ("kind", JSONText.quote(f.kind.rawValue)), ("category", JSONText.quote(f.category.rawValue)),
                    ("cause", JSONText.value(f.cause)), ("count", String(f.count)),
                    ("first", JSONText.quote(CivilTime.iso8601(f.time))),
                    ("last", JSONText.quote(CivilTime.iso8601(f.lastTime ?? f.time))),
                    ("headline", JSONText.quote(FindingGroups.headline(f))),
                    ("finding", findingJSON(f)),
                ]) + (k + 1 < groups.count ? "," : ""))
            }
            lines.append("  ],")
        }
        for (key, list, last) in [("scenarios", scenarios, false), ("problems", problems, true)] {
            if list.isEmpty { field(key, "[]", last: last); continue }
            lines.append("  \(JSONText.quote(key)): [")
            for (k, f) in list.enumerated() { lines.append("    " + findingJSON(f) + (k + 1 < list.count ? "," : "")) }
            lines.append("  ]" + (last ? "" : ","))
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    public func findingJSON(_ f: Finding) -> String {
        JSONText.object([
            ("kind", JSONText.quote(f.kind.rawValue)),
            ("label", JSONText.quote(f.kind.label)),
            ("severity", JSONText.quote(f.severity.rawValue)),
            ("time", JSONText.quote(CivilTime.iso8601(f.time))),
            ("end", f.end.map { JSONText.quote(CivilTime.iso8601($0)) } ?? "null"),
            ("connector", JSONText.value(f.connector)),
            ("transactionId", JSONText.value(f.transactionId)),
            ("explanation", JSONText.quote(f.explanation)),
            ("records", "[" + f.records.map { r in
                let l = location(r)
                return JSONText.object([("file", JSONText.quote(l.file)), ("line", String(l.line)),
                                        ("time", JSONText.quote(CivilTime.iso8601(index.files[r.file].index.times[r.record]))),
                                        ("stream", JSONText.quote(index.files[r.file].stream.rawValue))])
            }.joined(separator: ",") + "]"),
        ])
    }

    func connectorJSON(_ c: ConnectorSessions) -> String {
        JSONText.object([
            ("connector", JSONText.value(c.connector)),
            ("sessions", String(c.transactions.count)),
            ("energyWh", JSONText.value(c.energyWh)),
            ("sessionsWithoutEnergy", String(c.sessionsWithoutEnergy)),
            ("transactions", "[" + c.transactions.map { t in
                JSONText.object([
                    ("transactionId", JSONText.quote(t.transactionId)), ("idTag", JSONText.value(t.idTag)),
                    ("auth", JSONText.quote(t.auth)),
                    ("start", t.start.map { JSONText.quote(CivilTime.iso8601($0)) } ?? "null"),
                    ("stop", t.stop.map { JSONText.quote(CivilTime.iso8601($0)) } ?? "null"),
                    ("energyWh", JSONText.value(t.energyWh)), ("reason", JSONText.value(t.reason)),
                    ("stopStatus", JSONText.value(t.stopStatus)),
                    ("ocmf", OCMFJSON.array(t.signedValues)),
                ])
            }.joined(separator: ",") + "]"),
        ])
    }
}
