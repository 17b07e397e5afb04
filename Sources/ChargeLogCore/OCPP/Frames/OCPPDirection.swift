/// Who sent a message: the charge point (cp) or the central system / CSMS (cs).
public enum OCPPDirection: UInt8, Sendable, CaseIterable, Codable {
    case chargerToCentral
    case centralToCharger
    /// Nothing in the log says which way it went.
    case unknown

    /// `cp->cs`, `cs->cp` or `?`.
    public var label: String {
        switch self {
        case .chargerToCentral: "cp->cs"
        case .centralToCharger: "cs->cp"
        case .unknown: "?"
        }
    }

    public var reversed: OCPPDirection {
        switch self {
        case .chargerToCentral: .centralToCharger
        case .centralToCharger: .chargerToCentral
        case .unknown: .unknown
        }
    }
}
