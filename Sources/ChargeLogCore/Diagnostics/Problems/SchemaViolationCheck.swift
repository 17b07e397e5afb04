/// A counted message whose payload breaks its OCPP schema: a required field missing, a wrong type, a
/// value outside its enumeration, a string too long, a malformed time. Extra fields are left out (many
/// chargers and proxies add some), and CALLERRORs (each is a finding of its own, which says when its
/// code is not one of OCPP-J's). One finding per message, grouped by action and message type in the
/// summary; the message's issues show in the viewer's detail pane.
struct SchemaViolationCheck: ProblemCheck {
    var kind: FindingKind { .schemaViolation }
    static let kinds: Set<OCPPIssue.Kind> = [.missingField, .wrongType, .unknownEnumValue, .tooLong, .invalidTime, .outOfBounds]

    func findings(in c: DiagnosticContext) -> [Finding] {
        let store = c.analysis.store
        var out: [Finding] = []
        for (k, issues) in store.issues.sorted(by: { $0.key < $1.key }) {
            let i = Int(k)
            let e = store.entries[i]
            guard e.flags.contains(.primary), e.channel != .export, e.messageType?.isError != true else { continue }
            let bad = issues.filter { Self.kinds.contains($0.kind) }
            guard !bad.isEmpty else { continue }
            let label = "\(e.messageType?.label ?? "?") \(store.action(i) ?? "?")"
            let list = bad.prefix(3).map { $0.path.isEmpty ? $0.message : "\($0.path): \($0.message)" }.joined(separator: "; ")
            out.append(Finding(kind, time: e.time,
                               explanation: "\(label) breaks the schema: \(list)\(bad.count > 3 ? " (+\(bad.count - 3) more)" : "")",
                               records: [e.ref], cause: "schema violations in \(label)"))
        }
        return out
    }
}
