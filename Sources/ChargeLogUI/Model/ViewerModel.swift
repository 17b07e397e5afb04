import ChargeLogCore
import Foundation

/// The whole viewer as a value the terminal backend drives: it takes keys (`handle`) and a size
/// (`resize`), does its long work in slices (`runPendingWork`), and renders into a `CellGrid`
/// (`render`). No terminal calls, no threads: tests drive it the same way the backend does.
/// It reads only the records it shows (and, slice by slice, those a filter or search examines).
public final class ViewerModel {
    public private(set) var rows: Int
    public private(set) var cols: Int
    public private(set) var index: LogIndex?
    public private(set) var insights: InsightSource?
    /// Shown in the title bar: the bundle's name as the user gave it.
    public var bundleName: String
    /// The zone every time on screen is shown in (`--display-tz`, `:tz`); UTC by default.
    public var displayZone = DisplayZone.utc

    // Loading
    var loadDone: UInt64 = 0
    var loadTotal: UInt64 = 0
    var loadPhase = "opening"

    // Timeline
    var timeline: TimelineRows?
    var filter = ViewFilter()
    var draftFilter = ViewFilter()
    /// Row of the cursor in `timeline`.
    var cursor = 0
    /// First row shown.
    var top = 0
    /// While a filter is being built: the position the cursor should land on once it is reached.
    var anchorPosition: Int?
    var hScroll = 0
    var wrap = false
    var raw = false
    var marks = Set<RecordRef>()

    // Panes
    var focus: PaneID = .timeline
    var maximized = false
    var detailScroll = 0
    /// Index into `insights.transactions` of the transaction the pane shows.
    var selectedTransaction: Int?
    var chartOffset = 0
    /// Width of the states window, ms.
    var statesSpan: Int64 = 2 * 3_600_000
    var statesScroll = 0

    // Input
    var prompt: Prompt?
    var overlay: Overlay?
    var message: (text: String, isError: Bool)?
    var search: TextPattern?
    /// Where the search's pattern matches the raw text (computed once per pattern and index).
    var searchHits: SearchHits?
    var lastIdTag: (tag: String, next: Int)?
    var job: SeekJob?
    /// The analysis' errors and warnings by position (`e`, `w`); rebuilt when the insights change.
    var issueMarks: IssueMarks?
    /// Charger stop reasons by transaction id ("" when none), read from the correlated records.
    var chargerReasons: [String: String] = [:]
    /// Minutes of the `~` window, while it is the time filter.
    var aroundMinutes: Int?

    let textCache = RecordTextCache()
    /// The environment the copy's OSC 52 caveat is judged from (`TERM`, `TMUX`); tests set it.
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    public init(rows: Int = 24, cols: Int = 80, bundleName: String = "") {
        self.rows = rows
        self.cols = cols
        self.bundleName = bundleName
    }

    // MARK: feeding

    public func resize(rows: Int, cols: Int) {
        self.rows = max(1, rows)
        self.cols = max(1, cols)
        keepCursorVisible()
    }

    public func loadingProgress(done: UInt64, total: UInt64, phase: String = "indexing") {
        loadDone = done
        loadTotal = total
        loadPhase = phase
    }

    /// The index is ready: show it. `insights` may be replaced later (`replaceInsights`).
    /// A provisional index (`LogIndex.stillIndexing`) is shown with a note; when the full index replaces it,
    /// a cursor the user moved stays on its record.
    public func attach(index: LogIndex, insights: InsightSource) {
        // A provisional index numbers only the files it holds: what refers to its records by number
        // (the cursor, marks) is carried over by file path; what was worked out over it is dropped.
        let old = self.index
        func carried(_ r: RecordRef) -> RecordRef? {
            guard let old, r.file < old.files.count else { return nil }
            let path = old.files[r.file].displayPath
            guard let f = index.files.firstIndex(where: { $0.displayPath == path }), r.record < index.files[f].recordCount else { return nil }
            return RecordRef(file: f, record: r.record)
        }
        let kept = cursor > 0 ? cursorRecord.flatMap(carried) : nil
        marks = Set(marks.compactMap(carried))
        let wasProvisional = old.map { !$0.stillIndexing.isEmpty } ?? false
        self.index = index
        self.insights = insights
        issueMarks = nil
        chargerReasons = [:]
        textCache.clear()
        job = nil
        anchorPosition = nil
        searchHits = nil
        lastIdTag = nil
        selectedTransaction = nil
        timeline = TimelineRows(index: index, filter: filter, insights: insights)
        cursor = 0
        top = 0
        if let kept { moveCursor(toPosition: index.position(of: kept), center: false) }
        let problems = index.diagnostics.filter { $0.severity >= .warning }.count
        if !index.stillIndexing.isEmpty {
            let names = index.stillIndexing.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
            message = ("showing \(index.files.count) file(s) while \(names) \(index.stillIndexing.count == 1 ? "is" : "are") read; the timeline fills in then", false)
        } else if problems > 0 {
            message = ("\(problems) file message(s): press ! to see what could not be read and why", false)
        } else if wasProvisional {
            message = nil
        }
    }

    /// Following growing files (`F`): new records are read as they are written.
    public private(set) var following = false

    /// The files grew (or were rotated): show the new index. The cursor stays on its record, or at
    /// the end when it was on the last row (as `tail -f`); filters and marks stay.
    public func refresh(index newIndex: LogIndex, insights newInsights: InsightSource) {
        let atEnd = rowCount == 0 || cursor >= rowCount - 1
        let keep = cursorRecord
        // The transactions pane's choice survives until the grown bundle is analysed again.
        keptTransactionId = selectedTransactionRow?.id ?? keptTransactionId
        index = newIndex
        insights = newInsights
        issueMarks = nil
        chargerReasons = [:]
        textCache.clear()
        timeline = TimelineRows(index: newIndex, filter: filter, insights: newInsights)
        job = nil
        runPendingWork(budget: 5_000)
        if atEnd {
            if timeline?.isComplete ?? true { moveCursor(to: rowCount - 1) } else { anchorPosition = newIndex.count - 1 }
        } else if let k = keep, k.file < newIndex.files.count, k.record < newIndex.files[k.file].recordCount {
            moveCursor(toPosition: newIndex.position(of: k), center: false)
        }
    }

    /// Starts following the files (as `F` does), for `chargelog --follow`.
    public func startFollowing() -> [ViewerEffect] {
        following ? [] : toggleFollow()
    }

    func toggleFollow() -> [ViewerEffect] {
        if let index, !index.stillIndexing.isEmpty, !following {
            say("following can start once every file is read")
            return []
        }
        following.toggle()
        say(following ? "following the files as they grow (F stops)" : "stopped following")
        if following { moveCursor(to: rowCount - 1) }
        return [.follow(following)]
    }

    var analysisAnnounced = false
    var keptTransactionId: String?

    /// Set by the backend while a richer analysis is computed in the background (the status line says so).
    public var analysisRunning = false

    /// A richer source (the OCPP analysis) became available.
    public func replaceInsights(_ insights: InsightSource) {
        let first = !analysisAnnounced
        analysisAnnounced = true
        let selected = selectedTransactionRow?.id ?? keptTransactionId
        keptTransactionId = nil
        self.insights = insights
        issueMarks = nil
        chargerReasons = [:]
        analysisRunning = false
        selectedTransaction = selected.flatMap { id in insights.transactions.firstIndex { $0.id == id } }
        if !filter.isEmpty, let index { applyFilter(filter, index: index) }
        // Said once; a re-analysis while following is quiet.
        guard first else { return }
        var text = "OCPP analysis ready: \(insights.transactions.count) transaction(s)"
        let found = insights.findings
        if !found.isEmpty {
            let problems = found.filter { $0.category == .problem }.count
            text += "; p lists \(found.count - problems) scenario(s) and \(problems) problem(s)"
        }
        say(text)
    }

    public var isLoaded: Bool { index != nil }

    /// Whether a filter, search or jump is still scanning.
    public var hasPendingWork: Bool {
        (timeline.map { !$0.isComplete } ?? false) || job != nil
    }

    /// Does up to `budget` records of pending scanning.
    public func runPendingWork(budget: Int = 20_000) {
        guard let t = timeline else { return }
        if !t.isComplete {
            t.advance(budget: budget)
            settleAnchor()
            return
        }
        if job != nil { stepJob(budget: budget) }
    }

    /// Runs all pending work to the end (tests, scripts).
    public func finishPendingWork() {
        while hasPendingWork { runPendingWork(budget: 1_000_000) }
    }

    // MARK: state read by panes and tests

    var rowCount: Int { timeline?.count ?? 0 }

    /// Merged index position under the cursor.
    public var cursorPosition: Int? {
        guard let t = timeline, t.count > 0 else { return nil }
        return t.position(ofRow: min(cursor, t.count - 1))
    }

    public var cursorRecord: RecordRef? { cursorPosition.flatMap { index?.ref(at: $0) } }

    public var focusedPane: PaneID { focus }

    public var statusMessage: String? { message?.text }

    public var layout: Layout { Layout.compute(rows: rows, cols: cols, focus: focus, maximized: maximized) }

    var timelineHeight: Int {
        guard let r = layout.panes[.timeline] else { return max(1, rows - 3) }
        return max(1, r.height - 1)
    }

    var selectedTransactionRow: TransactionRow? {
        guard let i = selectedTransaction, let all = insights?.transactions, i < all.count else { return nil }
        return all[i]
    }

    func text(at position: Int) -> String {
        guard let index else { return "" }
        return textCache.text(index.ref(at: position)) { index.text(of: $0) }
    }

    func say(_ text: String, error: Bool = false) { message = (text, error) }
}
