import Foundation
import ChargeLogCore
import ChargeLogText

extension ViewerModel {
    // MARK: OCPP pairs

    func jumpToCounterpart() {
        guard let ref = cursorRecord, let insights else { return }
        if let c = insights.counterpart(of: ref) {
            jump(to: c, what: "answer/request")
        } else if let h = insights.hopCopy(of: ref) {
            jump(to: h, what: "copy on the other hop")
        } else {
            say("no counterpart: not an OCPP message, or its answer/request is not in this bundle")
        }
    }

    func jumpToHopCopy() {
        guard let ref = cursorRecord, let insights else { return }
        if let h = insights.hopCopy(of: ref) {
            jump(to: h, what: "copy on the other proxy hop")
        } else {
            say("no copy of this message on the other proxy hop (pipe ↔ WebSocket)")
        }
    }

    func jump(to ref: RecordRef, what: String) {
        guard let index, let t = timeline else { return }
        let p = index.position(of: ref)
        if t.row(of: p) == nil, t.isComplete {
            say("the \(what) is hidden by the filter (f to change it)", error: true)
            return
        }
        moveCursor(toPosition: p)
        let f = index.files[ref.file]
        say("\(what): \(f.displayPath):\(f.index.lineNumber(ref.record))")
    }

    // MARK: transactions

    /// The transaction the cursor belongs to, or the one the transactions pane shows.
    var currentTransactionId: String? {
        if let r = cursorRecord, let id = insights?.transactionId(of: r) { return id }
        return selectedTransactionRow?.id
    }

    func jumpCorrelated(forward: Bool) {
        guard let insights, let index, let p = cursorPosition, let t = timeline else { return }
        guard let tx = currentTransactionId else {
            say(insights.hasAnalysis ? "the cursor is not in a transaction (t picks one)"
                                     : "correlation needs the OCPP analysis, not available for this bundle yet")
            return
        }
        let positions = insights.correlated(transactionId: tx).map { index.position(of: $0) }.sorted()
        let candidates = forward ? positions.filter { $0 > p } : positions.filter { $0 < p }.reversed()
        for c in candidates where t.row(of: c) != nil || !t.isComplete {
            moveCursor(toPosition: c)
            say("transaction \(tx): \(index.stream(at: c).tag) record \(positions.firstIndex(of: c)! + 1) of \(positions.count)")
            return
        }
        say("no \(forward ? "later" : "earlier") record of transaction \(tx)")
    }

    func goToTransaction(_ tx: TransactionRow) {
        guard let index else { return }
        if let all = insights?.transactions, let i = all.firstIndex(where: { $0.id == tx.id }) {
            selectedTransaction = i
            chartOffset = 0
        }
        let first = tx.firstRecord ?? insights?.correlated(transactionId: tx.id).first
        guard let ref = first else {
            say("transaction \(tx.id) has no records in the timeline", error: true)
            return
        }
        let chosen = selectedTransaction
        moveCursor(toPosition: index.position(of: ref))
        selectedTransaction = chosen ?? selectedTransaction
        say("transaction \(tx.id)" + (tx.connector.map { ", connector \($0)" } ?? "") + (tx.idTag.map { ", idTag \($0)" } ?? ""))
    }

    func goToTransaction(id raw: String) {
        let id = raw.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty, let insights else { return }
        if let tx = insights.transaction(id: id) {
            goToTransaction(tx)
            return
        }
        if insights.hasAnalysis {
            say(ChargeLogError.transactionNotFound(id).message, error: true)
            return
        }
        // Without the analysis: the first record that names the transaction id.
        guard let pattern = try? TextPattern(#""?transactionId"?\s*[:=]\s*"?"# + NSRegularExpression.escapedPattern(for: id) + #"\b"#),
              let index else { return }
        let matcher = RecordMatcher(pattern, hint: id)
        let reader = BlockReader(index: index)
        startSeek(label: "looking for transaction \(id)", from: 0, forward: true,
                  notFound: ChargeLogError.transactionNotFound(id).message) { [weak self] p in
            guard let self else { return false }
            return matcher.matches(reader, position: p) { self.text(at: p) }
        }
    }

    /// `i TAG`: the transactions of an idTag the analysis knows — the whole tag, or else the known
    /// tags that start or end with what was typed (`i 04B7` → `04B7C8D9E0F180`); the status line lists
    /// the candidates. Otherwise a text search, and the status line says so.
    func findIdTag(_ raw: String) {
        let tag = raw.trimmingCharacters(in: .whitespaces)
        guard !tag.isEmpty, let insights else { return }
        var txs = insights.transactions(idTag: tag)
        var candidates: [String] = []
        if txs.isEmpty {
            let t = tag.uppercased()
            txs = insights.transactions.filter { tx in
                guard let id = tx.idTag?.uppercased() else { return false }
                return id.hasPrefix(t) || id.hasSuffix(t)
            }
            for tx in txs { if let id = tx.idTag, !candidates.contains(id) { candidates.append(id) } }
        }
        if !txs.isEmpty {
            let n = lastIdTag?.tag == tag ? (lastIdTag!.next % txs.count) : 0
            lastIdTag = (tag, n + 1)
            goToTransaction(txs[n])
            if message?.isError == true { return }
            var said = "idTag \(tag)"
            if !candidates.isEmpty {
                said += candidates.count == 1 ? " → \(candidates[0])" : " matches \(candidates.count) idTags (" + candidates.joined(separator: ", ") + ")"
            }
            said += ": transaction \(n + 1) of \(txs.count) (" + txs.map(\.id).joined(separator: ", ") + ")"
            say(said + (txs.count > 1 ? "; i again for the next" : ""))
            return
        }
        guard let pattern = try? TextPattern(NSRegularExpression.escapedPattern(for: tag)), let index else { return }
        let matcher = RecordMatcher(pattern, hint: tag)
        let reader = BlockReader(index: index)
        let start = lastIdTag?.tag == tag ? cursor + 1 : 0
        lastIdTag = (tag, 0)
        let why = insights.hasAnalysis ? "no transaction's idTag is, starts or ends with \(tag)" : "no OCPP analysis yet"
        var seek = SeekJob(label: "\(why); looking for the text \(tag)", forward: true, next: start, test: { [weak self] p in
            guard let self else { return false }
            return matcher.matches(reader, position: p) { self.text(at: p) }
        }, notFound: "\(why), and the text \(tag) does not occur\(start > 0 ? " further down" : "")")
        seek.found = { _ in "\(why): text search, found \(tag) in this record (i again for the next)" }
        startSeek(seek)
    }

    // MARK: search and errors

    func startSearch(_ text: String) {
        if text.isEmpty {
            repeatSearch(forward: true)
            return
        }
        do {
            search = try TextPattern(text, smartCase: true)
        } catch {
            say(error.message, error: true)
            return
        }
        repeatSearch(forward: true)
    }

    func repeatSearch(forward: Bool) {
        guard let pattern = search, let index else { say("no search yet: / to search"); return }
        if !(searchHits?.fits(index, pattern) ?? false) { searchHits = SearchHits(index: index, pattern: pattern) }
        let hits = searchHits
        let reader = BlockReader(index: index)
        let from = forward ? cursor + 1 : cursor - 1
        var seek = SeekJob(label: "searching /\(pattern.source)/", forward: forward, next: from, test: { [weak self] p in
            guard let self else { return false }
            return (hits?.contains(p) ?? false) || self.shownTextMatches(pattern, position: p, reader: reader)
        }, notFound: "/\(pattern.source)/ not found")
        seek.wraps = true
        // A match in a «label» says what was found there.
        seek.found = { [weak self] p -> String? in
            guard let self, let index = self.index, !self.raw else { return nil }
            let found = self.insights?.findings(startingAt: index.ref(at: p)) ?? []
            return found.first { pattern.matches($0.kind.label) }.map { "\($0.kind.label): \($0.explanation)" }
        }
        startSeek(seek)
    }

    func startSeek(label: String, from: Int, forward: Bool, notFound: String, test: @escaping (Int) -> Bool) {
        startSeek(SeekJob(label: label, forward: forward, next: from, test: test, notFound: notFound))
    }

    func startSeek(_ seek: SeekJob) {
        guard rowCount > 0 || !(timeline?.isComplete ?? true) else { return }
        job = seek
        // Short scans finish at once; long ones continue in `runPendingWork`.
        stepJob(budget: 5_000)
    }

    func stepJob(budget: Int) {
        guard var j = job, let t = timeline else { return }
        var n = 0
        while n < budget {
            let pastEnd = j.next < 0 || (j.next >= t.count && t.isComplete)
            let pastStop = j.wrappedStop.map { j.forward ? j.next >= $0 : j.next <= $0 } ?? false
            if pastEnd || pastStop {
                if pastEnd, j.wraps, j.wrappedStop == nil, t.count > 0 {
                    // As vim and less: on from the other end, back to where it started.
                    j.wrappedStop = j.forward ? min(j.next - j.tested, t.count) : max(j.next + j.tested, -1)
                    j.next = j.forward ? 0 : t.count - 1
                    continue
                }
                job = nil
                say(j.notFound)
                return
            }
            if j.next >= t.count { break }  // wait for the filter to find more rows
            let p = t.position(ofRow: j.next)
            if j.test(p) {
                job = nil
                moveCursor(to: j.next)
                top = max(0, cursor - timelineHeight / 3)
                keepCursorVisible()
                if message == nil || message?.isError == false { message = nil }
                var said = j.found?(p)
                if j.wrappedStop != nil {
                    let notice = j.forward ? "search hit BOTTOM, continued at TOP" : "search hit TOP, continued at BOTTOM"
                    said = said.map { notice + "; " + $0 } ?? notice
                }
                if let said { say(said) }
                return
            }
            j.next += j.forward ? 1 : -1
            j.tested += 1
            n += 1
        }
        job = j
    }

    // MARK: marks and copy

    func toggleMark() {
        guard let r = cursorRecord else { return }
        if marks.remove(r) == nil { marks.insert(r) }
        say("\(marks.count) marked row(s); c copies them")
        moveCursor(by: 1)
    }

    func nextMark() {
        guard let index, !marks.isEmpty, let p = cursorPosition else { say("no marks (m marks a row)"); return }
        let positions = marks.map { index.position(of: $0) }.sorted()
        let next = positions.first { $0 > p } ?? positions[0]
        moveCursor(toPosition: next)
        say("mark \(positions.firstIndex(of: next)! + 1) of \(positions.count)")
    }

    func copySelection() -> [ViewerEffect] {
        guard let index else { return [] }
        let refs: [RecordRef] = marks.isEmpty ? (cursorRecord.map { [$0] } ?? [])
            : marks.sorted { index.position(of: $0) < index.position(of: $1) }
        guard !refs.isEmpty else { return [] }
        let text = refs.map { r in
            let info = index.info(at: index.position(of: r))
            return TimelineLine.text(info, text: index.text(of: r))
        }.joined(separator: "\n")
        let clip = Clipboard.osc52(SecretMasker.mask(text))
        var said = "copied \(refs.count) row(s) to the clipboard (OSC 52, secrets masked)" + (clip.truncated ? "; cut to \(Clipboard.maxBytes / 1024) KB" : "")
        if let caveat = Self.clipboardCaveat(environment) { said += "; " + caveat + " (:write PATH saves to a file)" }
        say(said)
        return [.writeToTerminal(clip.sequence)]
    }
}
