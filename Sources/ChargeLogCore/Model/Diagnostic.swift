/// A note for the user about one input (ingest, not the findings engine `FindingRules`): what was
/// skipped, repaired or guessed, and why.
public struct Diagnostic: Sendable, Codable, Hashable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case info, warning, error
        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.info, .warning, .error]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    public var severity: Severity
    /// The file as the user knows it (path inside the bundle, e.g. `2168Vqt.zip/A23C2706768VMainProcess.log`).
    public var file: String
    public var message: String

    public init(_ severity: Severity, file: String, _ message: String) {
        self.severity = severity
        self.file = file
        self.message = message
    }

    /// `warning: 2168Vccu.zip: archive is truncated; 2 of 3 entries read`
    public var line: String { "\(severity.rawValue): \(file): \(message)" }
}
