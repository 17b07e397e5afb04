import ChargeLogCore
import ChargeLogUI
import Foundation

/// Opens and indexes the bundle on a background thread; the event loop polls it.
final class LoadTask: @unchecked Sendable {
    struct Loaded: Sendable {
        var bundle: LoadedBundle
        var index: LogIndex
        var insights: InsightSource
    }

    private let lock = NSLock()
    private var done: UInt64 = 0
    private var total: UInt64 = 0
    private var phase = "opening"
    private var result: Result<Loaded, ChargeLogError>?
    /// The files read so far while the largest still are (`Indexer.build(provisional:)`), until the result.
    private var early: (index: LogIndex, insights: InsightSource)?
    /// The opened bundle, as soon as there is one, so an early exit can remove its work folder.
    private var bundle: LoadedBundle?
    private var abandoned = false

    func start(paths: [String], options: IndexOptions, makeInsights: @escaping @Sendable (LogIndex) -> InsightSource) {
        let thread = Thread { [self] in
            let r: Result<Loaded, ChargeLogError>
            do {
                let bundle = try BundleLoader.load(paths: paths)
                guard keep(bundle) else { bundle.cleanUp(); return }
                set(phase: "indexing \(bundle.files.count) files")
                let index = Indexer.build(bundle, options: options, progress: { [self] d, t in progress(d, t) },
                                          provisional: { [self] early in provisional(early, makeInsights(early)) })
                if index.files.allSatisfy({ $0.recordCount == 0 }) {
                    bundle.cleanUp()
                    throw ChargeLogError.nothingReadable(paths)
                }
                set(phase: "analysing")
                r = .success(Loaded(bundle: bundle, index: index, insights: makeInsights(index)))
            } catch let e as ChargeLogError {
                r = .failure(e)
            } catch {
                r = .failure(.unreadable(path: paths.joined(separator: ", "), reason: "\(error)"))
            }
            lock.lock()
            result = r
            lock.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Remembers the opened bundle; false when the viewer already ended.
    private func keep(_ b: LoadedBundle) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        bundle = b
        return !abandoned
    }

    /// The viewer ends before the load did: remove what the load inflated so far, and what it still opens.
    func abandon() {
        lock.lock()
        abandoned = true
        let b = result == nil ? bundle : nil
        lock.unlock()
        b?.cleanUp()
    }

    private func set(phase p: String) {
        lock.lock()
        phase = p
        lock.unlock()
    }

    private func provisional(_ index: LogIndex, _ insights: InsightSource) {
        lock.lock()
        if result == nil { early = (index, insights) }
        lock.unlock()
    }

    private func progress(_ d: UInt64, _ t: UInt64) {
        lock.lock()
        done = d
        total = t
        lock.unlock()
    }

    /// Progress so far, a provisional index (handed out once), and the result once there is one.
    func poll() -> (done: UInt64, total: UInt64, phase: String, early: (index: LogIndex, insights: InsightSource)?,
                    result: Result<Loaded, ChargeLogError>?) {
        lock.lock()
        defer { lock.unlock() }
        let e = result == nil ? early : nil
        early = nil
        return (done, total, phase, e, result)
    }
}
