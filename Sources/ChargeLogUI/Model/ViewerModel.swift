import ChargeLogCore

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
    var lastIdTag: (tag: String, next: Int)?
    var job: SeekJob?

    let textCache = RecordTextCache()

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
    public func attach(index: LogIndex, insights: InsightSource) {
        self.index = index
        self.insights = insights
        timeline = TimelineRows(index: index, filter: filter, insights: insights)
        cursor = 0
        top = 0
        let problems = index.diagnostics.filter { $0.severity >= .warning }.count
        if problems > 0 {
            message = ("\(problems) file message(s): press ! to see what could not be read and why", false)
        }
    }

    /// A richer source (the OCPP analysis) became available.
    public func replaceInsights(_ insights: InsightSource) {
        self.insights = insights
        selectedTransaction = nil
        if !filter.isEmpty, let index { applyFilter(filter, index: index) }
        say("OCPP analysis ready: \(insights.transactions.count) transaction(s)")
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
