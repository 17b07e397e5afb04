import Dispatch

/// Wall time of each step of an OCPP analysis, in the order they ran (`--timing` prints them).
public struct AnalysisPhases: Sendable {
    public private(set) var steps: [(name: String, seconds: Double)] = []
    private var last = DispatchTime.now().uptimeNanoseconds

    public init() {}

    /// Ends the step called `name` now; the next one starts.
    mutating func mark(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        steps.append((name, Double(now - last) / 1e9))
        last = now
    }

    /// `scan 3.10 s, merge 0.20 s, …`.
    public var description: String {
        steps.map { "\($0.name) \(String(format: "%.2f", $0.seconds)) s" }.joined(separator: ", ")
    }
}
