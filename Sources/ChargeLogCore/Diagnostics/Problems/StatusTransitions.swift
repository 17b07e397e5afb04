/// Which connector status changes the specification allows.
///
/// OCPP 1.6 §4.9 (StatusNotification): the state table of transitions A2…I8. From each status only
/// the listed ones are allowed; e.g. Available → Finishing (A6) and Finishing → Charging (F3) are not.
/// OCPP 2.0.1 (ConnectorStatusEnumType: Available, Occupied, Reserved, Unavailable, Faulted): every
/// change is possible except reserving a connector that is occupied or unavailable.
enum StatusTransitions {
    static let v16: [String: Set<String>] = [
        "Available": ["Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Reserved", "Unavailable", "Faulted"],
        "Preparing": ["Available", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing", "Faulted"],
        "Charging": ["Available", "SuspendedEV", "SuspendedEVSE", "Finishing", "Unavailable", "Faulted"],
        "SuspendedEV": ["Available", "Charging", "SuspendedEVSE", "Finishing", "Unavailable", "Faulted"],
        "SuspendedEVSE": ["Available", "Charging", "SuspendedEV", "Finishing", "Unavailable", "Faulted"],
        "Finishing": ["Available", "Preparing", "Unavailable", "Faulted"],
        "Reserved": ["Available", "Preparing", "Unavailable", "Faulted"],
        "Unavailable": ["Available", "Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Faulted"],
        "Faulted": ["Available", "Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing", "Reserved", "Unavailable"],
    ]

    static let v201Statuses: Set<String> = ["Available", "Occupied", "Reserved", "Unavailable", "Faulted"]
    static let v201Forbidden: Set<String> = ["Occupied>Reserved", "Unavailable>Reserved"]

    /// Whether `from → to` is allowed; nil when the statuses are not of the table (unknown values are a
    /// schema matter) or the same.
    static func allowed(_ from: String, _ to: String, v201: Bool) -> Bool? {
        guard from != to else { return nil }
        if v201 {
            guard v201Statuses.contains(from), v201Statuses.contains(to) else { return nil }
            return !v201Forbidden.contains(from + ">" + to)
        }
        guard let next = v16[from], v16[to] != nil else { return nil }
        return next.contains(to)
    }
}
