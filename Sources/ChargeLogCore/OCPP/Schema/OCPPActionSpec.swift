/// The OCPP feature profile an action belongs to.
public enum OCPPProfile: String, Sendable, CaseIterable {
    case core = "Core"
    case firmware = "Firmware"
    case localAuthList = "LocalAuthList"
    case reservation = "Reservation"
    case smartCharging = "SmartCharging"
    case remoteTrigger = "RemoteTrigger"
    case security = "Security"
    /// OCPP 2.0.1.
    case v201 = "2.0.1"
    /// Schemas loaded at run time (`--schemas DIR`: OCPP 2.1, vendor extensions).
    case loaded = "loaded"
}

/// Who may send an action's CALL.
public enum OCPPActionDirection: Sendable, Equatable {
    case chargerToCentral
    case centralToCharger
    case both

    /// The CALL's direction when the action tells it.
    public var callDirection: OCPPDirection? {
        switch self {
        case .chargerToCentral: .chargerToCentral
        case .centralToCharger: .centralToCharger
        case .both: nil
        }
    }
}

/// One action of the table: its profile, direction, and request / response payload fields.
public struct OCPPActionSpec: Sendable {
    public var name: String
    public var profile: OCPPProfile
    public var direction: OCPPActionDirection
    public let request: [SchemaField]
    public let response: [SchemaField]
    /// The version label of a loaded schema set (`2.1`); nil for the built-in tables.
    public var loadedVersion: String? = nil
    /// The request and response schemas compiled for checking (`SchemaProgram`).
    let program: SchemaProgram

    init(_ name: String, _ profile: OCPPProfile, _ direction: OCPPActionDirection, req: String, conf: String) {
        self.name = name
        self.profile = profile
        self.direction = direction
        self.request = SchemaField.list(req)
        self.response = SchemaField.list(conf)
        program = SchemaProgram(request: request, response: response, definitions: OCPPValidator.Definitions(extra: nil))
    }

    /// A loaded schema's action; `definitions` holds the set's named types.
    init(name: String, direction: OCPPActionDirection, request: [SchemaField], response: [SchemaField], version: String,
         definitions: OCPPValidator.Definitions) {
        self.name = name
        self.profile = .loaded
        self.direction = direction
        self.request = request
        self.response = response
        self.loadedVersion = version
        program = SchemaProgram(request: request, response: response, definitions: definitions)
    }

    public var version: String { loadedVersion ?? (profile == .v201 ? "2.0.1" : "1.6") }
}
