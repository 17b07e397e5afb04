/// Calls that never got an answer, per hop: the Sungrow proxy's pipe (charger side) and websocket (CPO
/// side) are separate links, and a charger can wait in vain on the pipe while the CPO answered the
/// websocket copy with a CALLERROR. OCPP 2.1 SENDs expect none; broken frames, whose id cannot be
/// trusted, are left to the frame issues. The proxy does not log every answer on its pipe
/// (StatusNotification answers never appear there), so a pipe call is only reported when the log
/// shows pipe answers to its action. A back end's download (ChargePilot CSV) keeps only a few answer
/// fields, so its rows are never reported.
struct UnansweredCallCheck: ProblemCheck {
    var kind: FindingKind { .unansweredCall }
    /// A call this close to the end of its log is still reported, with a note.
    static let endNote: Int64 = 60_000

    func findings(in c: DiagnosticContext) -> [Finding] {
        var out: [Finding] = []
        let store = c.analysis.store
        var pipeAnswered = Set<String>()
        for i in 0..<store.count where store.entries[i].channel == .pipe && store.entries[i].messageType == .callResult {
            if let a = store.action(i) { pipeAnswered.insert(a) }
        }
        // Only exchanges with a request and no answer are read in full.
        for (k, ex) in store.exchanges.enumerated()
        where ex.request >= 0 && (ex.answer < 0 || !(store.entries[Int(ex.answer)].messageType?.isAnswer ?? false)) {
            let x = c.analysis.makeExchange(k)
            guard let r = x.requestMessage, x.result == .none, !x.isSend else { continue }
            let e = store.entries[r]
            guard !e.flags.contains(.broken), e.channel != .export else { continue }
            if e.channel == .pipe, !pipeAnswered.contains(x.action ?? "") { continue }
            let m = c.analysis.makeMessage(r)
            let cause = "\(x.action ?? "?") (\(x.direction.label)) never answered\(Self.hop(x.connection))"
            var text = "\(x.action ?? "?") (\(x.direction.label), id \(x.uniqueId)) never answered\(Self.hop(x.connection))"
            if let end = c.fileEnds[m.ref.file], end - m.time < Self.endNote {
                text += " (its log ends \(FindingText.duration(end - m.time)) later)"
            }
            let p = m.payload
            out.append(Finding(kind, time: m.time, connector: p["connectorId"]?.intValue,
                               transactionId: p["transactionId"]?.plainText, explanation: text, records: [m.ref], cause: cause))
        }
        return out
    }

    /// ` on the pipe` / ` on the websocket` for the proxy's hops; empty for other logs.
    static func hop(_ c: OCPPConnection) -> String {
        c.channel == .pipe || c.channel == .websocket ? " on the \(c.channel.label)" : ""
    }
}
