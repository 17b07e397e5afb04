import ChargeLogCore
import Dispatch

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
