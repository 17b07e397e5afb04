import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Wall time of each step of an OCPP analysis, in the order they ran, with the process's peak
/// resident memory when it ended (`--timing` prints them).
public struct AnalysisPhases: Sendable {
    public private(set) var steps: [(name: String, seconds: Double, peakMB: Double)] = []
    private var last = DispatchTime.now().uptimeNanoseconds

    public init() {}

    /// Ends the step called `name` now; the next one starts.
    mutating func mark(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        steps.append((name, Double(now - last) / 1e9, Self.peakMB()))
        last = now
    }

    /// The process's peak resident set so far (0 where it cannot be read).
    static func peakMB() -> Double {
        #if canImport(Glibc)
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Double(usage.ru_maxrss) / 1024   // KiB on Linux
        #else
        return 0
        #endif
    }

    /// `scan 3.10 s (peak 180 MiB), merge 0.20 s (…), …`.
    public var description: String {
        steps.map { "\($0.name) \(String(format: "%.2f", $0.seconds)) s (peak \(String(format: "%.0f", $0.peakMB)) MiB)" }
            .joined(separator: ", ")
    }
}
