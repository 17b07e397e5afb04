/// A CALL whose message id its sender already used for another call on the same connection (OCPP-J:
/// ids must be unique per sender and connection): while the earlier call is still open (the
/// correlator flags it), or after it was answered. A retry — the same action again before the first
/// got an answer — is not a reuse, nor is an id used again after a BootNotification (a new
/// connection). The Sungrow pipe's fixed id `1` for StatusNotification is the proxy's convention.
struct ReusedMessageIdCheck: ProblemCheck {
    var kind: FindingKind { .reusedMessageId }

    struct Key: Hashable {
        var connection: UInt16
        var direction: OCPPDirection
        var id: CompactId
    }

    func findings(in c: DiagnosticContext) -> [Finding] {
        let store = c.analysis.store
        let boots = c.calls("BootNotification").map(\.time)
        var last: [Key: Int] = [:]
        var out: [Finding] = []
        for i in 0..<store.count {
            let e = store.entries[i]
            guard e.flags.contains(.primary), e.messageType == .call, e.channel != .export else { continue }
            if e.channel == .pipe && store.id(i) == "1" { continue }
            let key = Key(connection: e.connection, direction: e.direction, id: e.id)
            defer { last[key] = i }
            guard let p = last[key] else { continue }
            let prev = store.entries[p]
            let a = Int(store.counterpart[p])
            // Answered only after this call went out (the FIFO pairing gives a retry's answer to the first copy).
            let answered = a >= 0 && store.entries[a].time <= e.time
            if !answered && prev.action == e.action { continue }
            if boots.contains(where: { $0 > prev.time && $0 <= e.time }) { continue }
            let what = answered ? "answered" : "still open"
            out.append(Finding(kind, time: e.time,
                               explanation: "Message id \(store.id(i)) of \(store.action(i) ?? "?") (\(e.direction.label)) was already used by the \(store.action(p) ?? "?") call at \(FindingText.time(prev.time)) (\(what))",
                               records: [e.ref, prev.ref], cause: "message ids reused (\(e.direction.label))"))
        }
        return out
    }
}
