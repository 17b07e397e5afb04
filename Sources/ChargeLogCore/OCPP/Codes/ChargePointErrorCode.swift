/// OCPP 1.6 ChargePointErrorCode (StatusNotification.errorCode).
/// Vendor logs that print it as a number use the JSON schema's order, 1-based: seed 002's
/// `ocpp error Code :14,...` is UnderVoltage. The spec text lists the values alphabetically,
/// which gives different numbers from 10 on; `number` and `init(number:)` use the schema order.
public enum ChargePointErrorCode: String, Sendable, CaseIterable {
    // Declared in JSON-schema order: allCases[n - 1] is number n.
    case connectorLockFailure = "ConnectorLockFailure"
    case evCommunicationError = "EVCommunicationError"
    case groundFailure = "GroundFailure"
    case highTemperature = "HighTemperature"
    case internalError = "InternalError"
    case localListConflict = "LocalListConflict"
    case noError = "NoError"
    case otherError = "OtherError"
    case overCurrentFailure = "OverCurrentFailure"
    case powerMeterFailure = "PowerMeterFailure"
    case powerSwitchFailure = "PowerSwitchFailure"
    case readerFailure = "ReaderFailure"
    case resetFailure = "ResetFailure"
    case underVoltage = "UnderVoltage"
    case overVoltage = "OverVoltage"
    case weakSignal = "WeakSignal"

    /// 1-based position in the JSON schema's enum.
    public var number: Int { Self.allCases.firstIndex(of: self)! + 1 }

    public init?(number: Int) {
        guard number >= 1, number <= Self.allCases.count else { return nil }
        self = Self.allCases[number - 1]
    }

    /// What the code means (OCPP 1.6 §7.6).
    public var meaning: String {
        switch self {
        case .connectorLockFailure: "failure to lock or unlock the connector"
        case .evCommunicationError: "communication failure with the vehicle"
        case .groundFailure: "ground fault circuit interrupter has been activated"
        case .highTemperature: "temperature inside the charge point is too high"
        case .internalError: "error in internal hard- or software component"
        case .localListConflict: "the authorization information received from the central system is in conflict with the local list"
        case .noError: "no error to report"
        case .otherError: "other type of error; more information in vendorErrorCode"
        case .overCurrentFailure: "over current protection device has tripped"
        case .powerMeterFailure: "failure to read the electrical meter"
        case .powerSwitchFailure: "failure to control the power switch"
        case .readerFailure: "failure with the idTag reader"
        case .resetFailure: "unable to perform a reset"
        case .underVoltage: "voltage has dropped below an acceptable level"
        case .overVoltage: "voltage has risen above an acceptable level"
        case .weakSignal: "wireless communication device reports a weak signal"
        }
    }
}

/// OCPP 1.6 ChargePointStatus, with the meanings the Aurora vendor table gives (seed 002).
public enum ChargePointStatus: String, Sendable, CaseIterable {
    case available = "Available"
    case preparing = "Preparing"
    case charging = "Charging"
    case suspendedEVSE = "SuspendedEVSE"
    case suspendedEV = "SuspendedEV"
    case finishing = "Finishing"
    case reserved = "Reserved"
    case unavailable = "Unavailable"
    case faulted = "Faulted"

    public var meaning: String {
        switch self {
        case .available: "ready"
        case .preparing: "connector plugged"
        case .charging: "in charging"
        case .suspendedEVSE: "charger withholds power (smart power distribution)"
        case .suspendedEV: "EV is not ready"
        case .finishing: "charging stopped, connector still plugged"
        case .reserved: "reserved"
        case .unavailable: "unavailable"
        case .faulted: "fault"
        }
    }
}
