import ChargeLogCore
import ChargeLogGenerator
import Dispatch
import Foundation

/// Two threads, the proxy log's scan held until the provisional index arrived (10 s at most), so the
/// other core certainly reads the small files first.
public enum HeldBack {
    public static func proxyLog(until arrived: DispatchSemaphore) -> IndexOptions {
        var o = IndexOptions(threads: 2)
        o.beforeScan = { file in
            if file.displayPath.hasSuffix("Vocpp.log") { _ = arrived.wait(timeout: .now() + 10) }
        }
        return o
    }
}

/// The provisional indexes `Indexer.build(provisional:)` handed over (from a worker thread).
public final class ProvisionalCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var got: [LogIndex] = []
    /// Signalled at each one.
    public let arrived = DispatchSemaphore(value: 0)

    public init() {}

    public func add(_ index: LogIndex) {
        lock.lock()
        got.append(index)
        lock.unlock()
        arrived.signal()
    }

    public var indexes: [LogIndex] {
        lock.lock()
        defer { lock.unlock() }
        return got
    }
}

/// A generated 8 MB bundle (the proxy log about nine tenths of it) indexed on two threads with the proxy
/// log held back: the provisional indexes handed over, and the full index. `remove()` when done.
public struct ProvisionalRun {
    public let directory: String
    public let provisional: [LogIndex]
    public let full: LogIndex

    public init(prefix: String) throws {
        directory = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
        _ = try BundleGenerator.generate(into: directory, options: GeneratorOptions(targetBytes: 8_000_000, seed: 9))
        let bundle = try BundleLoader.load(paths: [BundleGenerator.bundlePath(in: directory)])
        let box = ProvisionalCapture()
        full = Indexer.build(bundle, options: HeldBack.proxyLog(until: box.arrived), provisional: { box.add($0) })
        provisional = box.indexes
    }

    public func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
