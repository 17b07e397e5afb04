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
    public var file: String?
    public var role: WriterRole

    public init(parsing s: String) throws(ChargeLogError) {
        var spec = s
        if let eq = s.lastIndex(of: "=") {
            file = String(s[..<eq])
            spec = String(s[s.index(after: eq)...])
        }
        guard let r = WriterRole(rawValue: spec.lowercased()), file?.isEmpty != true else {
            throw .invalidArgument(name: "--role", value: s, expected: "charger or central, optionally after FILE=")
        }
        role = r
    }

    public static func forFile(_ displayPath: String, in overrides: [RoleOverride]) -> WriterRole? {
        let name = displayPath.split(separator: "/").last.map(String.init) ?? ""
        func matches(_ o: RoleOverride) -> Bool {
            guard let f = o.file else { return false }
            return displayPath == f || displayPath.hasSuffix("/" + f) || name == f
        }
        return (overrides.last(where: matches) ?? overrides.last { $0.file == nil })?.role
    }
}
