/// A fault: a connector's StatusNotification `Faulted` (with its errorCode, vendorErrorCode and their
/// meanings), the fault log's `CCU1->Err_Connector1_…` lines, and vendor codes
/// (`ocpp error Code :14,2097672`) decoded with the vendor table. Evidence of the same connector (or
/// naming none) less than `gap` apart is one fault.
struct FaultRule: ScenarioRule {
    var kind: FindingKind { .fault }
    static let gap: Int64 = 5 * 60_000

    struct Evidence {
        var time: Int64
        var ref: RecordRef
        var connector: Int?
        var text: String
    }

    func findings(in c: DiagnosticContext) -> [Finding] {
        var evidence: [Evidence] = []
        for h in c.analysis.connectorStates {
            var previous: String? = nil
            for s in h.entries {
                defer { previous = s.status }
                guard s.status == "Faulted", previous != "Faulted" else { continue }
                evidence.append(Evidence(time: s.time, ref: s.ref, connector: h.connector, text: Self.describe(s)))
            }
        }
        for e in c.analysis.codeEvents {
            switch e.kind {
            case .fault: evidence.append(Evidence(time: e.time, ref: e.ref, connector: e.connector, text: "fault log: \(e.summary)"))
            case .aurora(let a): evidence.append(Evidence(time: e.time, ref: e.ref, connector: nil, text: "vendor code: \(a.summary)"))
            }
        }
        evidence.sort { ($0.time, $0.ref) < ($1.time, $1.ref) }

        var groups: [[Evidence]] = []
        var open: [Int] = []   // indexes of groups still open
        for e in evidence {
            open.removeAll { e.time - groups[$0].last!.time > Self.gap }
            if let g = open.last(where: { k in
                let conn = groups[k].compactMap(\.connector).first
                return e.connector == nil || conn == nil || conn == e.connector
            }) {
                groups[g].append(e)
            } else {
                groups.append([e])
                open.append(groups.count - 1)
            }
        }
        return groups.map { g in
            let connector = g.compactMap(\.connector).first
            var texts: [String] = []
            for e in g where !texts.contains(e.text) { texts.append(e.text) }
            let more = texts.count > 4 ? " (+\(texts.count - 4) more)" : ""
            let text = "Fault\(connector.map { " on connector \($0)" } ?? ""): " + texts.prefix(4).joined(separator: "; ") + more
            return Finding(kind, severity: .error, time: g[0].time, end: g.count > 1 ? g.last!.time : nil, connector: connector,
                           explanation: text, records: Array(g.prefix(12).map(\.ref)))
        }
    }

    /// `StatusNotification Faulted: ReaderFailure (failure with the idTag reader), vendor 0x200208 SR_UNDERVOL Under voltage`
    static func describe(_ s: ConnectorStatusEntry) -> String {
        var text = "StatusNotification Faulted"
        if let code = s.errorCode, code != "NoError" {
            text += ": \(code)"
            if let meaning = ChargePointErrorCode(rawValue: code)?.meaning { text += " (\(meaning))" }
        }
        if let v = s.vendorErrorCode, !v.isEmpty {
            text += ", vendor code \(v)"
            if let meaning = s.vendorCodeMeaning { text += " = \(meaning)" }
        }
        if let info = s.info, !info.isEmpty { text += ", info \"\(info)\"" }
        return text
    }
}
