/// What the user said about clocks and writers: `--tz`, `--no-clock-inference`, `--role`.
public struct ClockOptions: Sendable, Equatable {
    /// Infer each file's clock from its payload times (default on).
    public var inference: Bool
    public var zones: [ZoneOverride]
    public var roles: [RoleOverride]

    public init(inference: Bool = true, zones: [ZoneOverride] = [], roles: [RoleOverride] = []) {
        self.inference = inference
        self.zones = zones
        self.roles = roles
    }
}

/// `--role central` or `--role FILE=charger`: who wrote a log, when its frames cannot tell.
public struct RoleOverride: Sendable, Equatable {
    var scope: FileScope
    /// The file it is for; nil: every file.
    public var file: String? { scope.file }
    public var role: WriterRole

    public init(parsing s: String) throws(ChargeLogError) {
        guard let (scope, spec) = FileScope.split(s), let r = WriterRole(rawValue: spec.lowercased()) else {
            throw .invalidArgument(name: "--role", value: s, expected: "charger or central, optionally after FILE=")
        }
        self.scope = scope
        role = r
    }

    public static func forFile(_ displayPath: String, in overrides: [RoleOverride]) -> WriterRole? {
        FileScope.pick(overrides, for: displayPath, scope: \.scope)?.role
    }
}
