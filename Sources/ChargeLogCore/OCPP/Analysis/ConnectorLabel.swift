import Foundation

/// How a connector is named: its number in OCPP 1.6 (`2`), EVSE and connector in 2.0.1 (`2/1`: EVSE 2,
/// connector 1; `2` when the connector inside the EVSE is not known).
public enum ConnectorLabel {
    public static func text(connector: Int?, evse: Int?, evseConnector: Int?) -> String? {
        if let e = evse { return evseConnector.map { "\(e)/\($0)" } ?? String(e) }
        return connector.map(String.init)
    }

    /// Reads `2`, `2/1` (EVSE 2, connector 1) or `evse 2`: the connector key (1.6 connector, 2.0.1 EVSE)
    /// and the connector inside the EVSE when given.
    public static func parse(_ text: String) -> (key: Int, evseConnector: Int?)? {
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        if t.lowercased().hasPrefix("evse") { t = t.dropFirst(4).drop { $0 == " " } }
        let parts = t.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let k = Int(parts[0]), k >= 0 else { return nil }
        if parts.count == 2 {
            guard let c = Int(parts[1]), c >= 0 else { return nil }
            return (k, c)
        }
        return (k, nil)
    }
}
