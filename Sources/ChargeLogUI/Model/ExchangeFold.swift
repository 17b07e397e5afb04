import ChargeLogCore

/// One row per OCPP exchange (`x`): which records fold into which row. The filter hides the folded
/// records; error and warning search (`e`, `w`) looks at them through the row that stands for them.
struct ExchangeFold {
    let index: LogIndex
    let insights: InsightSource

    /// Whether the record at `p` folds into an earlier row: a later copy of a message on the other
    /// proxy hop, or an answer (not a CALLERROR, which keeps a row) whose request comes before it.
    func isFolded(_ ref: RecordRef, position p: Int, kind: RowSummary.MessageKind) -> Bool {
        if let h = insights.hopCopy(of: ref), index.position(of: h) < p { return true }
        if kind != .call && kind != .error, let c = insights.counterpart(of: ref), index.position(of: c) < p { return true }
        return false
    }

    /// The positions of the records folded into the row of the record at `p` (its answer, the other
    /// hop's copies and their answer), CALLERRORs left out: they are rows of their own.
    func members(ofRowAt p: Int) -> [Int] {
        let ref = index.ref(at: p)
        let hop = insights.hopCopy(of: ref)
        let refs = [insights.counterpart(of: ref), hop, hop.flatMap { insights.counterpart(of: $0) }].compactMap { $0 }
        return refs.compactMap { r -> Int? in
            let q = index.position(of: r)
            guard q > p else { return nil }
            let kind = insights.summary(of: r, text: index.text(of: r))?.kind ?? .result
            return isFolded(r, position: q, kind: kind) ? q : nil
        }
    }
}
