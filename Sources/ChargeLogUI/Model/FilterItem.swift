import ChargeLogCore

/// One line of the filter dialog.
enum FilterItem: Equatable {
    case stream(StreamKind)
    case verbosity
    case action
    case connector
    case heartbeats
    case since
    case until
    case clearAll

    var promptLabel: String {
        switch self {
        case .action: "only OCPP action (empty: any): "
        case .connector: "only connector (empty: any): "
        case .since: "since (e.g. 2024-05-01 14:00, empty: none): "
        case .until: "until (empty: none): "
        default: ""
        }
    }
}
