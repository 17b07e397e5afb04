import Foundation

/// A value computed on a background thread; the event loop polls for it.
final class BackgroundResult<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: T?

    func start(_ work: @escaping @Sendable () -> T) {
        let thread = Thread { [self] in
            let v = work()
            lock.lock()
            result = v
            lock.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    var value: T? {
        lock.lock()
        defer { lock.unlock() }
        return result
    }
}
