import ChargeLogCore

extension ViewerModel {
    /// The analysis' errors and warnings by position, built once per insights.
    var issues: IssueMarks {
        if let m = issueMarks { return m }
        let m = index.map { IssueMarks(findings: insights?.findings ?? [], index: $0) } ?? IssueMarks()
        issueMarks = m
        return m
    }

    /// `e`/`E` (errors) and `w`/`W` (warnings), as in lnav: the next record the analysis lists as one,
    /// or whose level says so, or (errors) whose OCPP message is a CALLERROR or a refusal.
    func seekIssue(_ level: IssueMarks.Level, forward: Bool) {
        guard let index else { return }
        let insights = self.insights
        let marks = issues
        let reader = BlockReader(index: index)
        let word = level == .error ? "error" : "warning"
        let fold = filter.foldExchanges
        func isIssue(_ p: Int) -> Bool {
            if marks.finding(at: p, level) != nil { return true }
            let ref = index.ref(at: p)
            let file = index.files[ref.file]
            let recordLevel = file.index.level(ref.record)
            if level == .warning { return recordLevel == .warn }
            if recordLevel >= .error { return true }
            guard FrameExtractor.canHoldFrames(file.stream) else { return false }
            let bytes = reader.bytes(of: ref)
            guard Self.mayBeRefusal(bytes) else { return false }
            return insights?.summary(of: ref, text: LosslessText.decode(bytes))?.isError ?? false
        }
        // One row per exchange (`x`): the row stands for the records folded into it (its answer, the
        // other hop's copies), so an error on any of them is found once, on the row.
        let exchanges = fold ? insights.map { ExchangeFold(index: index, insights: $0) } : nil
        func folded(_ p: Int) -> [Int] { exchanges?.members(ofRowAt: p) ?? [] }
        var job = SeekJob(label: "looking for \(word)s", forward: forward, next: forward ? cursor + 1 : cursor - 1, test: { p in
            isIssue(p) || folded(p).contains(where: isIssue)
        }, notFound: "no \(word) \(forward ? "below" : "above")" + (insights?.hasAnalysis == false ? " (the problems found come with the OCPP analysis)" : ""))
        job.found = { p -> String? in
            for q in [p] + folded(p) {
                if let f = marks.finding(at: q, level) { return "\(word): \(f.kind.label) — \(f.explanation)" }
            }
            return nil
        }
        startSeek(job)
    }

    static let refusalWords = ["[4,", "Error\"", "Rejected", "Faulted", "Invalid"].map { Array($0.utf8) }

    static func mayBeRefusal(_ b: [UInt8]) -> Bool {
        refusalWords.contains { ByteScan.contains(b, $0) }
    }
}

extension ViewerModel {
    /// Whether what a row shows (its «labels» and OCPP summary) matches, for records that show
    /// something else than their own text; others are matched by their raw text alone.
    func shownTextMatches(_ pattern: TextPattern, position p: Int, reader: BlockReader) -> Bool {
        guard let index, !raw else { return false }
        let ref = index.ref(at: p)
        let stream = index.files[ref.file].stream
        let labelled = !(insights?.findings(startingAt: ref).isEmpty ?? true)
        if !labelled {
            guard FrameExtractor.canHoldFrames(stream) else { return false }
            let bytes = reader.bytes(of: ref)
            guard stream == .csv || bytes.withUnsafeBufferPointer(FrameExtractor.mayHoldFrame) else { return false }
        }
        return pattern.matches(ShownText.line(insights: insights, ref: ref, text: text(at: p)))
    }
}
