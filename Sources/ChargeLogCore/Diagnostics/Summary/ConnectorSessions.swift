/// The charging sessions of one connector and the energy they delivered.
public struct ConnectorSessions: Sendable {
    public var connector: Int?
    public var transactions: [OCPPTransaction]

    /// `1`, or `EVSE 2/1` for a 2.0.1 EVSE and its connector.
    public var label: String {
        guard let t = transactions.first(where: { $0.evse != nil }) else { return connector.map(String.init) ?? "?" }
        let inside = Set(transactions.compactMap(\.evseConnector))
        return "EVSE " + (ConnectorLabel.text(connector: t.connector, evse: t.evse, evseConnector: inside.count == 1 ? inside.first : nil) ?? "?")
    }

    /// Sum of meterStop − meterStart over the sessions that have both, Wh.
    public var energyWh: Double { transactions.compactMap(\.energyWh).reduce(0, +) }
    /// Sessions without both meter readings, whose energy is not in `energyWh`.
    public var sessionsWithoutEnergy: Int { transactions.filter { $0.energyWh == nil }.count }

    /// Transactions grouped by connector (connector-less ones last).
    static func of(_ transactions: [OCPPTransaction]) -> [ConnectorSessions] {
        let groups = Dictionary(grouping: transactions, by: \.connector)
        return groups.keys.sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }.map { ConnectorSessions(connector: $0, transactions: groups[$0]!) }
    }
}
