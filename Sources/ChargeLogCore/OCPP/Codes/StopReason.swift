/// A StopTransaction `reason` (OCPP 1.6 §7.45) with what it means for the person reading the log.
/// (2.0.1's `stoppedReason` shares most values; the ones only it has are not spelled out here.)
public enum StopReason: String, Sendable, CaseIterable {
    case deAuthorized = "DeAuthorized"
    case emergencyStop = "EmergencyStop"
    case evDisconnected = "EVDisconnected"
    case hardReset = "HardReset"
    case local = "Local"
    case other = "Other"
    case powerLoss = "PowerLoss"
    case reboot = "Reboot"
    case remote = "Remote"
    case softReset = "SoftReset"
    case unlockCommand = "UnlockCommand"

    public var meaning: String {
        switch self {
        case .deAuthorized: "idTag no longer valid"
        case .emergencyStop: "emergency stop pressed"
        case .evDisconnected: "the vehicle unplugged or stopped"
        case .hardReset: "charger hard reset"
        case .local: "stopped at the charger (card, button or vehicle)"
        case .other: "other reason"
        case .powerLoss: "power lost"
        case .reboot: "charger rebooted"
        case .remote: "stopped by the back end (RemoteStop)"
        case .softReset: "charger soft reset"
        case .unlockCommand: "connector unlocked by the back end"
        }
    }
}
