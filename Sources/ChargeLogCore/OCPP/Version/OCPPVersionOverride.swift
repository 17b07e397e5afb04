/// `--ocpp-version 2.0.1` or `--ocpp-version FILE=1.6` (repeatable): the OCPP version of the
/// connections of one log, or of all, instead of the one inferred (`OCPPVersionInference`).
public struct OCPPVersionOverride: Sendable, Equatable {
    var scope: FileScope
    /// The file it is for; nil: every file.
    public var file: String? { scope.file }
    public var version: String

    public static let versions = ["1.6", "2.0.1", "2.1"]

    /// `1.6`, `2.0.1`, `2.1` (also written `ocpp2.0.1`, as the WebSocket subprotocol names them).
    public init(parsing s: String) throws(ChargeLogError) {
        guard let (scope, spec) = FileScope.split(s) else {
            throw .invalidArgument(name: "--ocpp-version", value: s, expected: "1.6, 2.0.1 or 2.1, optionally after FILE=")
        }
        var v = spec.lowercased()
        if v.hasPrefix("ocpp") { v.removeFirst(4) }
        guard Self.versions.contains(v) else {
            throw .invalidArgument(name: "--ocpp-version", value: s, expected: "1.6, 2.0.1 or 2.1, optionally after FILE=")
        }
        self.scope = scope
        version = v
    }

    /// The override for the log shown as `displayPath` (its own, else the one for every file).
    public static func forLog(_ displayPath: String, in overrides: [OCPPVersionOverride]) -> OCPPVersionOverride? {
        FileScope.pick(overrides, for: displayPath, scope: \.scope)
    }
}
