/// The CPO refused a StopTransaction: answered with a CALLERROR (seed 000: `InternalError`), which
/// the Sungrow proxy follows with `WARN PipeEventHandlerImpl - HandleStopTransaction
/// ExecutionException`; or that warning alone after a StopTransaction. The likely cause is named
/// when a sampled value of the stop is written in scientific notation (`"3.48e-05"`).
struct StopRejectedRule: ScenarioRule {
    var kind: FindingKind { .stopRejected }
    /// How long after the stop (or its error) the proxy's warning may come.
    static let warnWindow: Int64 = 10_000

    func findings(in c: DiagnosticContext) -> [Finding] {
        var out: [Finding] = []
        for m in c.calls("StopTransaction") {
            let answer = c.answer(to: m)
            let warnings = c.lines(.stopExecutionException, from: m.time, to: (answer?.time ?? m.time) + Self.warnWindow)
            let isError = answer?.type == .callError
            guard isError || (answer == nil && !warnings.isEmpty) else { continue }
            var records: [RecordRef] = [m.ref]
            records.add(answer?.ref)
            records.add(warnings.first?.ref)
            records.add(c.hopCopy(of: m)?.ref)
            let txId = m.payload["transactionId"]?.plainText
            let tx = txId.flatMap(c.analysis.transaction(id:))
            var text = "The CPO rejected the StopTransaction"
            if let id = txId { text += " of transaction \(id)" }
            if let a = answer, isError {
                text += ": CALLERROR \(a.errorCode ?? "?")"
                if let d = a.frame?.errorDescription, !d.isEmpty { text += " (\"\(d)\")" }
            } else {
                text += ": the proxy reported HandleStopTransaction ExecutionException"
            }
            let odd = Self.scientificValues(m.payload)
            if !odd.isEmpty {
                text += "; likely cause: sampled value\(odd.count > 1 ? "s" : "") in scientific notation: " + odd.joined(separator: ", ")
            }
            out.append(Finding(kind, severity: .error, time: answer?.time ?? m.time, connector: tx?.connector,
                               transactionId: txId, explanation: text, records: records))
        }
        return out
    }

    /// `Power.Active.Import "3.48e-05" kW` for each sampled value sent as a string in scientific notation.
    static func scientificValues(_ p: JSONValue) -> [String] {
        var out: [String] = []
        for list in [p["transactionData"], p["meterValue"]] {
            for mv in list?.arrayValue ?? [] {
                for sv in mv["sampledValue"]?.arrayValue ?? [] {
                    guard sv["format"]?.stringValue != "SignedData", let v = sv["value"]?.stringValue,
                          JSONNumberText.isNumber(v), JSONNumberText.isScientific(v) else { continue }
                    let name = [sv["measurand"]?.stringValue ?? Measurand.defaultValue.rawValue, sv["phase"]?.stringValue]
                        .compactMap { $0 }.joined(separator: " ")
                    out.append("\(name) \"\(v)\"" + (sv["unit"]?.stringValue.map { " \($0)" } ?? ""))
                }
            }
        }
        return out
    }
}
