/// Finds a string-backed enum's case by its raw value, comparing the text only with the names of
/// the same UTF-8 length (the synthesized `init(rawValue:)` compares it with every case in turn,
/// which for measurands read from every sampled value of a bundle added up).
struct CaseNames<E: RawRepresentable & CaseIterable & Sendable>: Sendable where E.RawValue == String {
    private let byLength: [[(name: String, value: E)]]

    init() {
        var table: [[(name: String, value: E)]] = []
        for c in E.allCases {
            let n = c.rawValue.utf8.count
            if table.count <= n { table += Array(repeating: [], count: n + 1 - table.count) }
            table[n].append((c.rawValue, c))
        }
        byLength = table
    }

    /// The case named exactly `name`, as `E(rawValue:)` finds it.
    func callAsFunction(_ name: String) -> E? {
        let n = name.utf8.count
        guard n < byLength.count else { return nil }
        for entry in byLength[n] where entry.name == name { return entry.value }
        return nil
    }
}
