/// Everything an analysis answers, message by message and transaction by transaction, as lines: two
/// analyses of one bundle made different ways (the follow memo, the pipe-copy shortcut, the plain path)
/// must give the same lines. The tests and the `pipeline` fuzz target compare with it.
enum AnalysisAnswers {
    static func lines(_ a: OCPPAnalysis) -> [String] {
        var out = a.messages.map { m in
            "\(m.number) \(m.ref) \(m.time) \(m.direction) \(String(describing: m.type)) \(m.uniqueId) \(m.action ?? "-") "
                + "\(m.errorCode ?? "-") \(m.connection) \(m.issues) \(m.isBroken) \(m.isCounted) \(m.ordinal) "
                + "\(String(describing: a.counterpart(of: m.ref))) \(String(describing: a.hopCopy(of: m.ref)))"
        }
        out += a.exchanges.map { "\($0)" }
        out += a.transactions.map { "\($0)" }
        out += a.connectorStates.map { "\($0)" } + a.chargerStates.map { "\($0)" } + a.connectivity.map { "\($0)" }
        out += a.mainEvents.map { "\($0)" } + a.codeEvents.map { "\($0)" }
        return out
    }

    /// Nil when both analyses answer the same; else the first line that differs.
    static func difference(_ a: OCPPAnalysis, _ b: OCPPAnalysis) -> String? {
        let x = lines(a), y = lines(b)
        if let k = x.indices.first(where: { $0 < y.count && x[$0] != y[$0] }) { return "line \(k): \(x[k]) | \(y[k])" }
        return x.count == y.count ? nil : "\(x.count) lines | \(y.count) lines"
    }
}
