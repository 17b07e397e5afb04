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
    case chargerClockSkew
    /// OCMF signed readings the meter marks unbillable, or whose signature does not hold.
    case ocmfNotBillable
    /// A connector status change the 1.6 StatusNotification table (or the 2.0.1 connector status model) does not allow.
    case statusTransition
    /// A start with no Authorize, remote start or local list entry for its idTag before it.
    case startWithoutAuthorization
    /// A start after a (re)connect with no BootNotification in between.
    case startWithoutBoot
    /// A transaction without meter values although the configured sample interval asks for them.
    case missingMeterValues
    /// A session under a minute or under 0.1 kWh (a failed start).
    case shortSession
    /// An answer whose call is not in the log.
    case orphanAnswer
    /// A message id used again by the same sender on the same connection.
    case reusedMessageId
    /// A payload that breaks its OCPP schema (required field, type, enumeration, length).
    case schemaViolation
    /// DiagnosticsStatusNotification / FirmwareStatusNotification / LogStatusNotification reporting a failure.
    case managementFailure
    /// Heartbeats at another cadence than the interval the back end set.
    case heartbeatCadence
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
        case .chargerClockSkew: "charger clock off"
        case .ocmfNotBillable: "reading not billable"
        case .statusTransition: "status transition"
        case .startWithoutAuthorization: "start without auth"
        case .startWithoutBoot: "start without boot"
        case .missingMeterValues: "no meter values"
        case .shortSession: "short session"
        case .orphanAnswer: "answer without call"
        case .reusedMessageId: "reused message id"
        case .schemaViolation: "schema violation"
        case .managementFailure: "upload/update failed"
        case .heartbeatCadence: "heartbeat cadence"
        case .numberOutOfRange: "number out of range"
        }
    }
}
