/// The schema table: every known action with its direction, profile and payload fields, plus the
/// named object and enumeration types they use. Built once from the text tables of
/// `OCPP16Schema` and `OCPP201Schema`.
public enum OCPPSchema {
    public static let definitions: [String: SchemaDefinition] =
        parseTypes(OCPP16Schema.types).merging(parseTypes(OCPP201Schema.types)) { a, _ in a }

    static let v16: [String: OCPPActionSpec] = Dictionary(OCPP16Schema.actions.map { ($0.name, $0) }) { a, _ in a }
    static let v201: [String: OCPPActionSpec] = Dictionary(OCPP201Schema.actions.map { ($0.name, $0) }) { a, _ in a }

    /// Every action name of the table, 1.6 and 2.0.1.
    public static var actionNames: Set<String> { Set(v16.keys).union(v201.keys) }

    /// Who may send the action's CALL (1.6 table first).
    public static func direction(of action: String) -> OCPPActionDirection? {
        (v16[action] ?? v201[action])?.direction
    }

    /// The spec for an action. When 1.6 and 2.0.1 both define it (StatusNotification), the payload
    /// decides: the version whose required fields are present.
    public static func spec(for action: String, request: Bool, payload: JSONValue?) -> OCPPActionSpec? {
        let a = v16[action], b = v201[action]
        guard let a, let b else { return a ?? b }
        guard request, let p = payload else { return a }
        return missingRequired(b.request, in: p) < missingRequired(a.request, in: p) ? b : a
    }

    static func missingRequired(_ fields: [SchemaField], in p: JSONValue) -> Int {
        fields.filter { $0.required && p[$0.name] == nil }.count
    }

    /// The enumeration values of a named type, if it is one.
    public static func enumValues(_ name: String) -> [String]? {
        if case .enumeration(let v)? = definitions[name] { return v }
        return nil
    }

    /// Type names used by fields but not defined (the table must have none; a test checks).
    public static func unresolvedTypeNames() -> [String] {
        var missing = Set<String>()
        func check(_ t: SchemaType) {
            switch t {
            case .named(let n): if definitions[n] == nil { missing.insert(n) }
            case .array(let e): check(e)
            default: break
            }
        }
        for spec in OCPP16Schema.actions + OCPP201Schema.actions {
            for f in spec.request + spec.response { check(f.type) }
        }
        for case .object(let fields) in definitions.values { for f in fields { check(f.type) } }
        return missing.sorted()
    }

    /// Parses `Name { a:int! b:string }` and `Name ( V1 V2 )` lines.
    static func parseTypes(_ text: String) -> [String: SchemaDefinition] {
        var out: [String: SchemaDefinition] = [:]
        for line in text.split(separator: "\n") {
            let tokens = line.split(separator: " ")
            guard tokens.count >= 3, let open = tokens.dropFirst().first, let close = tokens.last else { continue }
            let name = String(tokens[0])
            let body = tokens.dropFirst(2).dropLast()
            if open == "{" && close == "}" {
                out[name] = .object(body.compactMap(SchemaField.parse))
            } else if open == "(" && close == ")" {
                out[name] = .enumeration(body.map(String.init))
            }
        }
        return out
    }
}
