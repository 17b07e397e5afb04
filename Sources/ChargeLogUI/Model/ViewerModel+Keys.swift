import ChargeLogCore

extension ViewerModel {
    /// Handles one key; returns what the backend must do.
    @discardableResult
    public func handle(_ key: Key) -> [ViewerEffect] {
        if key == .ctrl("c") { return [.quit] }
        if key == .ctrl("l") { return [.redraw] }
        if prompt != nil { return handlePrompt(key) }
        if let o = overlay { return handleOverlay(o, key) }
        guard index != nil else {
            if key == .char("q") || key == .escape { return [.quit] }
            return []
        }
        message = nil
        if case .mouse(let m) = key { handleMouse(m); return [] }
        if focus != .timeline, handlePaneKey(key) { return [] }
        switch key {
        case .char("q"): return [.quit]
        case .up, .char("k"): moveCursor(by: -1)
        case .down, .char("j"): moveCursor(by: 1)
        case .pageUp, .ctrl("b"): moveCursor(by: -timelineHeight)
        case .pageDown, .ctrl("f"), .char(" "): moveCursor(by: timelineHeight)
        case .ctrl("u"): moveCursor(by: -max(1, timelineHeight / 2))
        case .ctrl("d"): moveCursor(by: max(1, timelineHeight / 2))
        case .home, .char("g"): moveCursor(to: 0)
        case .end, .char("G"): moveCursor(to: rowCount - 1)
        case .left, .char("h"): hScroll = max(0, hScroll - 8)
        case .right, .char("l"): if !wrap { hScroll += 8 }
        case .char("0"): hScroll = 0
        case .tab: focus = focus.next; detailScroll = 0
        case .backTab: focus = focus.previous; detailScroll = 0
        case .char("z"): maximized.toggle()
        case .ctrl("w"): wrap.toggle(); hScroll = 0; say(wrap ? "wrapping long lines" : "not wrapping")
        case .char("r"): raw.toggle(); say(raw ? "raw text" : "OCPP rows summarised (r: raw text)")
        case .char("/"): prompt = Prompt(purpose: .search)
        case .char("n"): repeatSearch(forward: true)
        case .char("N"): repeatSearch(forward: false)
        case .char("t"): prompt = Prompt(purpose: .transaction)
        case .char("i"): prompt = Prompt(purpose: .idTag)
        case .char(":"): prompt = Prompt(purpose: .command)
        case .char("&"): prompt = Prompt(purpose: .textFilter)
        case .char("~"): narrowAround(minutes: nil)
        case .enter: jumpToCounterpart()
        case .char("o"): jumpToHopCopy()
        case .char("]"): jumpCorrelated(forward: true)
        case .char("["): jumpCorrelated(forward: false)
        case .char("{"): jumpToTransactionEnd(stop: false)
        case .char("}"): jumpToTransactionEnd(stop: true)
        case .char("e"): seekIssue(.error, forward: true)
        case .char("E"): seekIssue(.error, forward: false)
        case .char("w"): seekIssue(.warning, forward: true)
        case .char("W"): seekIssue(.warning, forward: false)
        case .char("m"): toggleMark()
        case .char("M"): nextMark()
        case .char("c"): return copySelection()
        case .char("f"): draftFilter = filter; overlay = .filters(selected: 0)
        case .char("s"): toggleStreamOfCursor()
        case .char("x"): toggleFoldExchanges()
        case .char("H"): toggleHousekeeping()
        case .char("?"): overlay = .help(scroll: 0)
        case .char("!"): overlay = .files(scroll: 0)
        case .char("p"): openProblems()
        case .char("K"): openKPIs()
        case .char("F"): return toggleFollow()
        case .char("+"), .char("="): zoomStates(in: true)
        case .char("-"): zoomStates(in: false)
        case .char("v"):
            chartOffset += 1
            say(selectedTransactionRow == nil ? "no transaction selected (t, or Enter in the transactions pane)" : "next chart")
        case .escape: job = nil; search = nil
        default: break
        }
        return []
    }

    /// Keys a focused non-timeline pane takes for itself. Returns false to let the timeline have it.
    func handlePaneKey(_ key: Key) -> Bool {
        switch (focus, key) {
        case (.detail, .up), (.detail, .char("k")): detailScroll = max(0, detailScroll - 1)
        case (.detail, .down), (.detail, .char("j")): detailScroll += 1
        case (.detail, .pageUp): detailScroll = max(0, detailScroll - 10)
        case (.detail, .pageDown): detailScroll += 10
        case (.detail, .char("g")), (.detail, .home): detailScroll = 0
        case (.detail, .char("G")), (.detail, .end): detailScroll = Int(Int32.max)  // the pane clamps it to its last page
        case (.states, .char("g")), (.states, .home): statesScroll = 0
        case (.states, .char("G")), (.states, .end): statesScroll = max(0, (insights?.stateChanges.count ?? 1) - 1)
        case (.states, .up), (.states, .char("k")): statesScroll = max(0, statesScroll - 1)
        case (.states, .down), (.states, .char("j")): statesScroll += 1
        case (.transactions, .up), (.transactions, .char("k")): selectTransaction(by: -1)
        case (.transactions, .down), (.transactions, .char("j")): selectTransaction(by: 1)
        case (.transactions, .pageUp): selectTransaction(by: -10)
        case (.transactions, .pageDown): selectTransaction(by: 10)
        case (.transactions, .home), (.transactions, .char("g")): selectTransaction(to: 0)
        case (.transactions, .end), (.transactions, .char("G")):
            selectTransaction(to: (insights?.transactions.count ?? 1) - 1)
        case (.transactions, .enter):
            if let tx = selectedTransactionRow { goToTransaction(tx) }
        default:
            return false
        }
        return true
    }

    // MARK: cursor

    func moveCursor(by delta: Int) { moveCursor(to: cursor + delta) }

    func moveCursor(to row: Int) {
        guard rowCount > 0 else { cursor = 0; return }
        cursor = min(max(0, row), rowCount - 1)
        detailScroll = 0
        anchorPosition = nil
        keepCursorVisible()
        followCursorTransaction()
    }

    /// Puts the cursor on a merged position (or the nearest shown one after it). While a filter is
    /// still scanning and has not reached it, the cursor waits on the last row found and moves on later.
    func moveCursor(toPosition p: Int, center: Bool = true) {
        guard let t = timeline else { return }
        let reached = t.isComplete || (t.count > 0 && t.position(ofRow: t.count - 1) >= p)
        guard let r = t.row(atOrAfter: p) else {
            anchorPosition = reached ? nil : p
            return
        }
        moveCursor(to: r)
        if !reached { anchorPosition = p }
        if center {
            top = max(0, cursor - timelineHeight / 3)
            keepCursorVisible()
        }
    }

    func keepCursorVisible() {
        let h = timelineHeight
        if cursor < top { top = cursor }
        if !wrap, cursor >= top + h { top = cursor - h + 1 }
        // No empty rows below the last record when there are records above the top.
        top = max(0, min(top, wrap ? max(0, rowCount - 1) : max(0, rowCount - h)))
    }

    /// A filter still being built reached the record the cursor was waiting for: put it there.
    func settleAnchor() {
        guard let a = anchorPosition, let t = timeline else { return }
        if t.isComplete || (t.count > 0 && t.position(ofRow: t.count - 1) >= a) {
            anchorPosition = nil
            moveCursor(toPosition: a)
        }
    }

    func handleMouse(_ m: MouseEvent) {
        switch m.kind {
        case .wheelUp: moveCursor(by: -3)
        case .wheelDown: moveCursor(by: 3)
        case .click:
            for (pane, rect) in layout.panes where rect.contains(row: m.row, col: m.col) {
                focus = pane
                if pane == .timeline, m.row > rect.row, !wrap { moveCursor(to: top + m.row - rect.row - 1) }
            }
        }
    }

    // MARK: panes

    func selectTransaction(by delta: Int) {
        selectTransaction(to: (selectedTransaction ?? -1) + delta)
    }

    func selectTransaction(to i: Int) {
        let n = insights?.transactions.count ?? 0
        guard n > 0 else { say("no transactions: they come from the OCPP analysis"); return }
        selectedTransaction = min(max(0, i), n - 1)
        chartOffset = 0
    }

    func zoomStates(in zoomIn: Bool) {
        let steps: [Int64] = [600_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 86_400_000, 604_800_000]
        let i = steps.firstIndex { $0 >= statesSpan } ?? steps.count - 1
        statesSpan = steps[max(0, min(steps.count - 1, zoomIn ? i - 1 : i + 1))]
        say("states window \(StatesPane.spanLabel(statesSpan))")
    }

    func toggleStreamOfCursor() {
        guard let p = cursorPosition, let index else { return }
        var f = filter
        let s = index.stream(at: p)
        if f.streams == [s] { f.streams = nil } else { f.streams = [s] }
        applyFilter(f, index: index)
        say(f.streams == nil ? "all streams" : "only \(s.tag) (s again: all streams)")
    }

    /// `x`: one row per OCPP exchange (answers and the other hop's copies folded into the request).
    func toggleFoldExchanges() {
        toggleFilter(\.foldExchanges,
                     on: "one row per exchange: answers and hop copies folded into the request (x again: every copy)",
                     off: "every message and hop copy")
    }

    /// `H`: hide housekeeping (queue bookkeeping, «works well», «Pipe Ready», heartbeats).
    func toggleHousekeeping() {
        toggleFilter(\.hideHousekeeping, on: "housekeeping hidden: queue bookkeeping, keep-alives, heartbeats (H again: shown)",
                     off: "housekeeping shown")
    }

    /// Flips one switch of the filter, keeps the cursor's record, and says which way it went.
    func toggleFilter(_ flag: WritableKeyPath<ViewFilter, Bool>, on: String, off: String) {
        guard let index else { return }
        var f = filter
        f[keyPath: flag].toggle()
        applyFilter(f, index: index)
        say(f[keyPath: flag] ? on : off)
    }

    func applyFilter(_ f: ViewFilter, index: LogIndex) {
        let keep = cursorPosition
        filter = f
        timeline = TimelineRows(index: index, filter: f, insights: insights ?? PlainInsights(index: index))
        job = nil
        cursor = 0
        top = 0
        if let k = keep { moveCursor(toPosition: k) }
        // A first slice at once: small bundles show the result without a "filtering…" frame.
        runPendingWork(budget: 5_000)
    }
}
