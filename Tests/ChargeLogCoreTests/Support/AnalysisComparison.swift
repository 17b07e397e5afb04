@testable import ChargeLogCore

/// Compares two analyses of one bundle answer for answer: the follow memo's and the pipe-copy
/// shortcut's tests hold their fast path to the plain one with it.
enum AnalysisComparison {
    /// Everything the analysis answers, message by message and transaction by transaction.
    static func fingerprint(_ a: OCPPAnalysis) -> [String] {
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

    /// Nil when both analyses answer the same; else the first line that differs (a short failure message).
    static func difference(_ a: OCPPAnalysis, _ b: OCPPAnalysis) -> String? {
        let x = fingerprint(a), y = fingerprint(b)
        if let k = x.indices.first(where: { $0 < y.count && x[$0] != y[$0] }) { return "line \(k): \(x[k]) | \(y[k])" }
        return x.count == y.count ? nil : "\(x.count) lines | \(y.count) lines"
    }
}
