/// ChargePilot's OCPP log levels (seeds 001 and 003): which actions each level keeps.
public enum OCPPVerbosity: String, Sendable, CaseIterable {
    /// Firmware-related messages only.
    case minimal
    /// Adds authorisation, transactions and status changes (ChargePilot's default).
    case info
    /// Everything.
    case debug

    public static let minimalActions: Set<String> = ["UpdateFirmware", "BootNotification", "FirmwareStatusNotification"]
    public static let infoActions: Set<String> = minimalActions.union([
        "Authorize", "StartTransaction", "StatusNotification", "StopTransaction",
    ])

    /// Whether a message of this action shows at this level. An unknown action shows at debug only.
    public func keeps(action: String?) -> Bool {
        switch self {
        case .debug: return true
        case .info: return action.map(Self.infoActions.contains) ?? false
        case .minimal: return action.map(Self.minimalActions.contains) ?? false
        }
    }

    public var label: String {
        switch self {
        case .minimal: "Minimal"
        case .info: "Info"
        case .debug: "Debug"
        }
    }
}
