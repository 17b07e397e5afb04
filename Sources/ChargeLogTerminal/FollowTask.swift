import ChargeLogCore
import Foundation

/// Follows the bundle's files on a background thread (`LiveIndexer` in follow mode): a fresh index
/// of everything first, then one whenever a file grows, is truncated or rotated. The event loop
/// polls for the latest index.
final class FollowTask: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: LogIndex?
    private var stopped = false

    func start(bundle: LoadedBundle, options: IndexOptions, interval: TimeInterval = 0.5) {
        let thread = Thread { [self] in
            let live = LiveIndexer(bundle, options: options, follow: true)
            publish(live.build())
            while !isStopped {
                Thread.sleep(forTimeInterval: interval)
                if let next = live.poll() { publish(next) }
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func publish(_ index: LogIndex) {
        lock.lock()
        if !stopped { latest = index }
        lock.unlock()
    }

    /// The newest index not yet taken, if any.
    func take() -> LogIndex? {
        lock.lock()
        defer { lock.unlock() }
        let l = latest
        latest = nil
        return l
    }

    func stop() {
        lock.lock()
        stopped = true
        latest = nil
        lock.unlock()
    }
}
