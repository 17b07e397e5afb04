/// A signed value in words, for `transactions --format text` and the viewer's detail pane: the
/// meter and the verdict, then one line per reading with its register, status and error flags,
/// then why it cannot be billed.
public enum OCMFLines {
    public struct Line: Sendable, Equatable {
        public enum Kind: Sendable { case heading, plain, problem }
        public var text: String
        public var annotation: String?
        public var kind: Kind
    }

    public static func describe(_ s: SignedMeterValue) -> [Line] {
        guard let d = s.document else {
            return [Line(text: "OCMF \(s.context.rawValue) unreadable: \(s.parseError ?? "?")", kind: .problem)]
        }
        let outcome = s.verification ?? .notChecked("no key given (--ocmf-key or --ocmf-keys)")
        let meter = [d.meterVendor, d.meterModel, d.meterSerial ?? d.gatewaySerial].compactMap { $0 }.filter { !$0.isEmpty }
        var head = "OCMF \(s.context.rawValue) \(d.pagination ?? "")"
        if !meter.isEmpty { head += " meter \(meter.joined(separator: " "))" }
        if let e = s.encoding, e != .plain { head += " (\(e.rawValue))" }
        var out = [Line(text: head, kind: .heading)]
        var verdict = "\(outcome) — \(d.signatureAlgorithm)"
        if let k = s.keySource { verdict += ", key: \(k)" }
        out.append(Line(text: verdict, kind: outcome.verdict == .valid || outcome.verdict == .notChecked ? .plain : .problem))
        for r in d.readings {
            let value = "\(r.valueText ?? "?") \(r.unit ?? "")".trimmingSpaces()
            let register = r.obis.map { o in "\(o) \(OBISCode(o)?.meaning ?? "(not an OBIS code)")" } ?? "no RI"
            var flags = "status \(r.status.map(String.init) ?? "?")"
            if let ef = r.errorFlags, !ef.isEmpty { flags += ", error flags \(ef)" }
            let sync = r.timeSync == nil ? "" : ", clock \(r.timeSyncDescription)"
            out.append(Line(text: "  \(r.kindDescription): \(value)  \(register)  \(flags)",
                            annotation: r.timeText.flatMap { $0.components(separatedBy: " ").first }.map { $0 + sync },
                            kind: r.unbillableReasons.isEmpty ? .plain : .problem))
        }
        for reason in s.unbillableReasons where outcome.verdict != .invalid || reason != outcome.description {
            out.append(Line(text: "  not billable: \(reason)", kind: .problem))
        }
        return out
    }
}
