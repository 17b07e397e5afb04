import ArgumentParser
import ChargeLogCore
import ChargeLogUI
import Foundation

/// `chargelog bench-model` (hidden, for `Benchmarks/run.sh`): what the viewer does, measured on the
/// screen model without a terminal: time to the first screen, keypress to redrawn grid, `/` search,
/// `n`, `N`, and a text filter. Prints one `name value` line per figure (seconds or milliseconds).
struct BenchModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-model", abstract: "Measure the viewer's screen model (benchmark helper).", shouldDisplay: false)

    @OptionGroup var bundle: BundleOptions
    @Option(help: "Key presses to time.") var keys = 2000
    @Option(help: "A search pattern to time with / n N and as a filter.") var search: String?
    @Option(help: "Screen rows and columns.") var rows = 50
    @Option var cols = 200

    func run() throws {
        let start = Date()
        try bundle.validatePaths()
        let loaded = try bundle.load()
        defer { loaded.cleanUp() }
        // The first screen is drawn as the viewer draws it: from the provisional index of the files read
        // while the largest are still read, if there is one, else from the full index.
        let early = FirstScreen()
        let (rows, cols) = (self.rows, self.cols)
        let index = LiveIndexer(loaded, options: try bundle.indexOptions(), follow: false).build(provisional: { partial in
            let m = ViewerModel(rows: rows, cols: cols, bundleName: "bench")
            m.attach(index: partial, insights: PlainInsights(index: partial))
            _ = m.render()
            early.set(Date().timeIntervalSince(start), files: partial.files.count)
        })
        let indexed = Date().timeIntervalSince(start)
        let model = ViewerModel(rows: rows, cols: cols, bundleName: "bench")
        model.attach(index: index, insights: PlainInsights(index: index))
        _ = model.render()
        let full = Date().timeIntervalSince(start)
        let first = early.get()
        print("records \(index.count)")
        print("index_s \(fixed(indexed))")
        print("first_screen_s \(fixed(first?.seconds ?? full))")
        print("first_screen_files \(first?.files ?? index.files.count) of \(index.files.count)")
        print("full_screen_s \(fixed(full))")

        // Key presses: moves, pages, jumps to the ends, scrolling, pane changes.
        let mix: [Key] = [.down, .down, .down, .up, .pageDown, .pageDown, .pageUp, .char("G"), .up, .pageUp,
                          .char("g"), .down, .right, .left, .ctrl("d"), .ctrl("u"), .char("l"), .char("0"), .tab, .backTab]
        var samples: [Double] = []
        samples.reserveCapacity(keys)
        for i in 0..<keys {
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = model.handle(mix[i % mix.count])
            _ = model.render()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        samples.sort()
        func pct(_ q: Double) -> Double { samples.isEmpty ? 0 : samples[min(samples.count - 1, Int(Double(samples.count) * q))] }
        print("key_p50_ms \(fixed(pct(0.5)))")
        print("key_p99_ms \(fixed(pct(0.99)))")
        print("key_max_ms \(fixed(samples.last ?? 0))")

        guard let search else { return }
        _ = model.handle(.char("g"))
        func timed(_ keys: [Key]) -> Double {
            let t0 = Date()
            for k in keys { _ = model.handle(k) }
            model.finishPendingWork()
            _ = model.render()
            return Date().timeIntervalSince(t0)
        }
        print("search_s \(fixed(timed([.char("/")] + Key.typing(search) + [.enter])))")
        print("search_status \(model.statusMessage ?? "")")
        print("search_cursor \(model.cursorPosition ?? -1)")
        print("next_s \(fixed(timed([.char("n")])))")
        print("previous_s \(fixed(timed([.char("N")])))")
    }

    func fixed(_ d: Double) -> String { String(format: "%.4f", d) }
}

/// The time and file count of the first screen drawn from a provisional index (set on a worker thread).
final class FirstScreen: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (seconds: Double, files: Int)?
    func set(_ seconds: Double, files: Int) { lock.lock(); value = (seconds, files); lock.unlock() }
    func get() -> (seconds: Double, files: Int)? { lock.lock(); defer { lock.unlock() }; return value }
}
