import ChargeLogCore
import Foundation

extension ViewerModel {
    /// The charger's own stop reason for a transaction: a `Connector N stop reason: X` line (Sungrow
    /// MainProcess) among its correlated records, about its connector. Read once per transaction.
    func chargerReason(of tx: TransactionRow) -> String? {
        if let known = chargerReasons[tx.id] { return known.isEmpty ? nil : known }
        var found = ""
        if let insights, let index {
            let pattern = try? NSRegularExpression(pattern: #"Connector\s*(\d+)\s*stop reason:\s*"?([A-Za-z0-9_]+)"#)
            for r in insights.correlated(transactionId: tx.id).reversed() where index.files[r.file].stream == .mainprocess {
                let text = index.text(of: r)
                guard text.contains("stop reason"), let p = pattern,
                      let m = p.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                      let c = Range(m.range(at: 1), in: text), let v = Range(m.range(at: 2), in: text) else { continue }
                if let conn = tx.connector, Int(text[c]) != conn { continue }
                found = String(text[v])
                break
            }
        }
        chargerReasons[tx.id] = found
        return found.isEmpty ? nil : found
    }

    /// The transactions pane follows the cursor: a record of a transaction selects it.
    func followCursorTransaction() {
        guard let r = cursorRecord, let insights, let id = insights.transactionId(of: r),
              selectedTransactionRow?.id != id, let i = insights.transactions.firstIndex(where: { $0.id == id }) else { return }
        selectedTransaction = i
        chartOffset = 0
    }

    /// `{` / `}`: the current transaction's StartTransaction / StopTransaction request.
    func jumpToTransactionEnd(stop: Bool) {
        guard let insights else { return }
        guard let id = currentTransactionId, let tx = insights.transaction(id: id) else {
            say(insights.hasAnalysis ? "the cursor is not in a transaction (t picks one)"
                                     : "transactions come from the OCPP analysis, not ready yet")
            return
        }
        guard let ref = stop ? tx.stopRecord : tx.startRecord else {
            say("transaction \(id): its \(stop ? "StopTransaction" : "StartTransaction") is not in this bundle", error: true)
            return
        }
        jump(to: ref, what: "transaction \(id) \(stop ? "stop" : "start")")
    }
}
