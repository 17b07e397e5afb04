/// What a finding is: a scenario a technician recognises (the seed notebook's catalogue), or a
/// problem found by a generic check. The raw value is the `kind` field of `summary --format json`.
public enum FindingKind: String, Sendable, CaseIterable, Codable, Hashable {
    // Scenarios
    case rfidAuthorization
    case remoteStart
    case authorizationRejected
    case chargingStarted
    case stopByCard
    case stopByVehicle
    case stopAtFullSoC
    case stopRemote
    /// A stop for another reason (PowerLoss, EmergencyStop, Reboot, ...).
    case stopOther
    case stopRejected
    case connectionLost
    case clockSyncNTP
    case clockSyncOCPP
    case firmwareUpdate
    case fault
    // Problems
    case callError
    case unansweredCall
    case slowAnswer
    case heartbeatGap
    case registerBackwards
    /// Energy register values in kWh labelled Wh (or the other way round).
    case meterUnitMismatch
    case energyMismatch
    case transactionNotStopped
    case clockJump
    /// A number in a message the program does not use because it is out of range (`"1e20"` Wh,
    /// an infinite value, a heartbeat interval of 1e300 s).
    case numberOutOfRange

    public enum Category: String, Sendable, Codable { case scenario, problem }

    public var category: Category {
        switch self {
        case .rfidAuthorization, .remoteStart, .authorizationRejected, .chargingStarted, .stopByCard, .stopByVehicle,
             .stopAtFullSoC, .stopRemote, .stopOther, .stopRejected, .connectionLost, .clockSyncNTP, .clockSyncOCPP,
             .firmwareUpdate, .fault:
            .scenario
        default:
            .problem
        }
    }

    /// A short label for lists and timeline rows: `RFID auth`, `stop: full SoC`, `CALLERROR`.
    public var label: String {
        switch self {
        case .rfidAuthorization: "RFID authorisation"
        case .remoteStart: "remote start"
        case .authorizationRejected: "authorisation rejected"
        case .chargingStarted: "charging started"
        case .stopByCard: "stop by card"
        case .stopByVehicle: "stop by vehicle"
        case .stopAtFullSoC: "stop at full SoC"
        case .stopRemote: "remote stop"
        case .stopOther: "stop"
        case .stopRejected: "stop rejected by CPO"
        case .connectionLost: "connection lost"
        case .clockSyncNTP: "clock sync (NTP)"
        case .clockSyncOCPP: "clock sync (OCPP)"
        case .firmwareUpdate: "firmware update"
        case .fault: "fault"
        case .callError: "CALLERROR"
        case .unansweredCall: "unanswered call"
        case .slowAnswer: "slow answer"
        case .heartbeatGap: "heartbeat gap"
        case .registerBackwards: "register backwards"
        case .meterUnitMismatch: "meter unit mismatch"
        case .energyMismatch: "energy mismatch"
        case .transactionNotStopped: "transaction not stopped"
        case .clockJump: "clock jump"
        case .numberOutOfRange: "number out of range"
        }
    }
}
