/// The OCPP connection to the CPO was lost (`OCPP_Connection_Fail`) and restored
/// (`OCPP_Connection_Restore`), with how long it lasted and what the charger queued meanwhile: the
/// proxy's `RequestQueue - SendRequest Queue size: N, …, UUID: …` lines, named by the action of the
/// message with that id; without a proxy log, the charger's own calls in the period.
struct ConnectionLostRule: ScenarioRule {
    var kind: FindingKind { .connectionLost }
    /// Queued requests are usually sent this long after the restore at the latest.
    static let flushWindow: Int64 = 10 * 60_000

    func findings(in c: DiagnosticContext) -> [Finding] {
        var out: [Finding] = []
        for p in c.analysis.connectivity where !p.online {
            let end = p.end ?? c.logEnd ?? p.start
            var records: [RecordRef] = [p.startRef]
            records.add(p.endRef)
            var text = "OCPP connection to the CPO lost at \(FindingText.clock(p.start))"
            if p.end != nil {
                text += " for \(FindingText.duration(end - p.start)), restored at \(FindingText.clock(end))"
            } else {
                text += ", not restored by the end of the log (\(FindingText.duration(end - p.start)) later)"
            }
            let queued = c.lines(.queuedRequest, from: p.start, to: end)
            if !queued.isEmpty {
                let ids = Self.actionsById(c, from: p.start, to: end + Self.flushWindow)
                var names: [String] = []
                var maxSize = 0
                for q in queued {
                    let line = c.text(q.ref)
                    maxSize = max(maxSize, Int(FindingText.capture(#"Queue size:\s*(\d+)"#, in: line) ?? "") ?? 0)
                    let id = FindingText.capture(#"UUID:\s*([^\s,]+)"#, in: line)
                    names.append(id.flatMap { ids[$0] } ?? "?")
                }
                records.add(contentsOf: queued.prefix(5).map(\.ref))
                text += "; \(queued.count) request\(queued.count == 1 ? "" : "s") queued meanwhile (queue size up to \(maxSize)): \(FindingText.counted(names))"
            } else {
                let sent = Self.chargerCalls(c, from: p.start, to: end)
                if sent.isEmpty {
                    text += "; nothing queued meanwhile"
                } else {
                    records.add(contentsOf: sent.prefix(5).map(\.ref))
                    text += "; the charger logged \(sent.count) request\(sent.count == 1 ? "" : "s") meanwhile: \(FindingText.counted(sent.map { $0.action ?? "?" }))"
                }
            }
            out.append(Finding(kind, severity: .warning, time: p.start, end: end, explanation: text, records: records))
        }
        return out
    }

    /// Unique id → action of the primary requests in a period.
    static func actionsById(_ c: DiagnosticContext, from lo: Int64, to hi: Int64) -> [String: String] {
        var out: [String: String] = [:]
        let store = c.analysis.store
        for i in c.messageNumbers(from: lo, to: hi) {
            guard store.entries[i].messageType?.isRequest == true, let a = store.action(i) else { continue }
            out[store.id(i)] = a
        }
        return out
    }

    /// The charger's primary requests in a period.
    static func chargerCalls(_ c: DiagnosticContext, from lo: Int64, to hi: Int64) -> [OCPPMessage] {
        let store = c.analysis.store
        return c.messageNumbers(from: lo, to: hi).filter { i in
            let e = store.entries[i]
            return e.flags.contains(.primary) && e.messageType?.isRequest == true && e.direction == .chargerToCentral
        }.map(c.analysis.makeMessage)
    }
}
