/// Every CALLERROR (and OCPP 2.1 CALLRESULTERROR), counted once when the proxy logged it twice, with
/// the call it answers and what its code means.
struct CallErrorCheck: ProblemCheck {
    var kind: FindingKind { .callError }

    func findings(in c: DiagnosticContext) -> [Finding] {
        let store = c.analysis.store
        var out: [Finding] = []
        for i in 0..<store.count {
            let e = store.entries[i]
            guard e.flags.contains(.primary), e.messageType?.isError == true else { continue }
            let m = c.analysis.makeMessage(i)
            let callIndex = Int(store.counterpart[i])
            let call = callIndex >= 0 ? c.analysis.makeMessage(callIndex) : nil
            var records: [RecordRef] = []
            records.add(m.ref, call?.ref)
            let code = m.errorCode ?? "?"
            var text = "\(m.type?.label ?? "CALLERROR") \(code)"
            text += m.action.map { " answering \($0)" } ?? " (its call is not in the log)"
            let cause = text
            if let call { text += " (\(call.direction.label), id \(call.uniqueId))" }
            if let d = m.frame?.errorDescription, !d.isEmpty { text += ": \"\(d)\"" }
            if let meaning = CallErrorCode(rawValue: code)?.meaning { text += " — \(meaning)" } else { text += " (not an OCPP-J error code)" }
            let p = call?.payload ?? .null
            out.append(Finding(kind, severity: .error, time: m.time, connector: p["connectorId"]?.intValue,
                               transactionId: p["transactionId"]?.plainText, explanation: text, records: records,
                               cause: cause))
        }
        return out
    }
}
