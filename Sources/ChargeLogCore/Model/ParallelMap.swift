import Dispatch
import Foundation

/// Runs independent jobs on all cores and returns their results in job order (so the output is the
/// same as a serial loop's, whatever ran first).
enum ParallelMap {
    static func map<T: Sendable>(_ count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                 _ job: @Sendable (Int) -> T) -> [T] {
        guard count > 1, threads > 1 else { return (0..<count).map(job) }
        let results = JobResults<T>(count: count)
        let next = JobCounter()
        DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
            while let k = next.take(below: count) { results.set(k, job(k)) }
        }
        return (0..<count).map(results.get)
    }
}
