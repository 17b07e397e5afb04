import CNcursesw
import ChargeLogCore
import ChargeLogUI
import Foundation

/// Runs the viewer on the terminal: the index is built in the background while a progress bar shows
/// and `q` works; then keys go to the screen model and its frames to the screen. The terminal is
/// restored on quit, on errors and on SIGINT/SIGTERM/SIGHUP.
public enum TerminalViewer {
    public struct Options: Sendable {
        public var paths: [String]
        public var index: IndexOptions
        public var theme: Theme
        public var mouse: Bool
        /// Follow the files as they grow from the start (as `F` does).
        public var follow: Bool
        /// Insights available at once (the first screen waits for them).
        public var makeInsights: @Sendable (LogIndex) -> InsightSource
        /// A slower, richer analysis (the OCPP engine) computed in the background after the first
        /// screen; it replaces `makeInsights`' result when done.
        public var analyse: (@Sendable (LogIndex) -> InsightSource)?
        /// The zone times are shown in (`--display-tz`); `:tz` changes it in the viewer.
        public var displayZone = DisplayZone.utc

        public init(paths: [String], index: IndexOptions, theme: Theme, mouse: Bool = false, follow: Bool = false,
                    makeInsights: @escaping @Sendable (LogIndex) -> InsightSource = { PlainInsights(index: $0) },
                    analyse: (@Sendable (LogIndex) -> InsightSource)? = nil) {
            self.paths = paths
            self.index = index
            self.theme = theme
            self.mouse = mouse
            self.follow = follow
            self.makeInsights = makeInsights
            self.analyse = analyse
        }
    }

    /// How the viewer ended.
    public enum Outcome: Sendable, Equatable {
        case quit
        /// SIGINT, SIGTERM or SIGHUP arrived; the terminal was restored.
        case signal(Int32)
        /// The terminal went away (its input hung up or failed).
        case terminalLost
    }

    /// Whether `new` holds the same files as `old`, in the same order, each with at least as many records.
    static func onlyGrew(from old: LogIndex, to new: LogIndex) -> Bool {
        old.files.count == new.files.count && zip(old.files, new.files).allSatisfy {
            $0.displayPath == $1.displayPath && $0.recordCount <= $1.recordCount
        }
    }

    /// Returns when the user quits or a signal arrives. Throws when the bundle cannot be read (after
    /// restoring the terminal).
    @discardableResult
    public static func run(_ options: Options) throws(ChargeLogError) -> Outcome {
        let screen = try CursesScreen(theme: options.theme, mouse: options.mouse)
        defer { screen.close() }
        let (rows, cols) = screen.size
        let name = options.paths.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " ")
        let model = ViewerModel(rows: rows, cols: cols, bundleName: name)
        model.displayZone = options.displayZone
        let task = LoadTask()
        task.start(paths: options.paths, options: options.index, makeInsights: options.makeInsights)
        var loaded: LoadTask.Loaded?
        defer { if let l = loaded { l.bundle.cleanUp() } else { task.abandon() } }
        var dirty = true
        var analysis = BackgroundResult<InsightSource>()
        var analysed = options.analyse == nil
        var analysedIndex: LogIndex?
        var follow: FollowTask?
        defer { follow?.stop() }
        /// Analyses `index` in the background; its result replaces the insights if the index is still shown.
        func analyse(_ index: LogIndex) {
            guard let work = options.analyse else { return }
            analysis = BackgroundResult<InsightSource>()
            analysed = false
            analysedIndex = index
            model.analysisRunning = true
            analysis.start { work(index) }
        }
        /// Carries out what the model asks of the terminal; true when it asks to quit.
        func apply(_ effects: [ViewerEffect]) -> Bool {
            for effect in effects {
                switch effect {
                case .quit: return true
                case .redraw: screen.invalidate()
                case .writeToTerminal(let s):
                    screen.draw(model.render())
                    screen.writeRaw(s)
                case .follow(let on):
                    follow?.stop()
                    follow = nil
                    if on, let l = loaded {
                        let f = FollowTask()
                        f.start(bundle: l.bundle, options: options.index)
                        follow = f
                    }
                }
            }
            return false
        }
        while SignalFlag.received == 0 {
            if !analysed, let insights = analysis.value {
                analysed = true
                dirty = true
                if analysedIndex === model.index {
                    model.replaceInsights(insights)
                } else if let current = model.index {
                    // The files grew meanwhile. If they only grew (same files, records appended), the
                    // analysis still points at the right records: show it while a fresh one runs, so a
                    // log that grows faster than it is analysed still gets its transactions and problems.
                    if let old = analysedIndex, Self.onlyGrew(from: old, to: current) { model.replaceInsights(insights) }
                    analyse(current)
                }
            }
            if let f = follow, let next = f.take() {
                model.refresh(index: next, insights: options.makeInsights(next))
                dirty = true
                if analysed { analyse(next) }
            }
            if loaded == nil {
                let s = task.poll()
                model.loadingProgress(done: s.done, total: s.total, phase: s.phase)
                dirty = true
                if let e = s.early, model.index == nil { model.attach(index: e.index, insights: e.insights) }
                switch s.result {
                case .success(let l)?:
                    loaded = l
                    model.attach(index: l.index, insights: l.insights)
                    analyse(l.index)
                    if options.follow { _ = apply(model.startFollowing()) }
                case .failure(let e)?:
                    throw e
                case nil:
                    break
                }
            }
            if dirty {
                screen.draw(model.render())
                dirty = false
            }
            let timeout: Int32 = model.hasPendingWork ? 0 : (loaded == nil || follow != nil || !analysed ? 100 : 500)
            switch screen.readKey(timeoutMs: timeout) {
            case .key(let k)?:
                dirty = true
                if apply(model.handle(k)) { return .quit }
            case .resize?:
                let (r, c) = screen.size
                model.resize(rows: r, cols: c)
                screen.invalidate()
                dirty = true
            case nil:
                // A dead terminal answers at once with nothing: end instead of spinning on it.
                if screen.inputLost { return .terminalLost }
                // Scan in small slices for up to 40 ms, then draw and look at the keys again.
                let until = DispatchTime.now().uptimeNanoseconds + 40_000_000
                while model.hasPendingWork && DispatchTime.now().uptimeNanoseconds < until {
                    model.runPendingWork(budget: 2_000)
                    dirty = true
                }
            }
        }
        return .signal(SignalFlag.received)
    }
}
