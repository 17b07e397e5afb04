/// The schema table: every known action with its direction, profile and payload fields, plus the
/// named object and enumeration types they use. Built once from the text tables of
/// `OCPP16Schema` and `OCPP201Schema` (generated from the 2.0.1 JSON schemas); schemas loaded at run
/// time (`OCPPSchemaSet`, `--schemas DIR`) join them as a third candidate.
public enum OCPPSchema {
    public static let definitions: [String: SchemaDefinition] =
        parseTypes(OCPP16Schema.types).merging(parseTypes(OCPP201Schema.types)) { a, _ in a }

    static let v16: [String: OCPPActionSpec] = Dictionary(OCPP16Schema.actions.map { ($0.name, $0) }) { a, _ in a }
    static let v201: [String: OCPPActionSpec] = Dictionary(OCPP201Schema.actions.map { ($0.name, $0) }) { a, _ in a }

    /// Every action name of the table, 1.6 and 2.0.1.
    public static var actionNames: Set<String> { Set(v16.keys).union(v201.keys) }

    /// The built-in specs of each action, 1.6 and 2.0.1 in that order (one lookup for both).
    static let builtIn: [String: [OCPPActionSpec]] = {
        var out: [String: [OCPPActionSpec]] = [:]
        for name in Set(v16.keys).union(v201.keys) { out[name] = [v16[name], v201[name]].compactMap { $0 } }
        return out
    }()

    /// The versions that define an action: 1.6, 2.0.1 and a loaded set, in that order.
    static func candidates(_ action: String, extra: OCPPSchemaSet?) -> [OCPPActionSpec] {
        let known = builtIn[action] ?? []
        guard let e = extra?.actions[action] else { return known }
        return known + [e]
    }

    /// The spec a payload is checked against: the candidate it fits best (fewest required fields
    /// missing plus unknown top-level fields), on a tie the one of version `hint` (what the connection
    /// has shown so far), else the first. `decisive`: only one candidate, or a strict best fit.
    /// `pinned` (`--ocpp-version`): that version's spec whenever it defines the action.
    static func choose(_ action: String, request: Bool, payload: JSONValue?, hint: String?,
                       extra: OCPPSchemaSet?, pinned: String? = nil) -> (spec: OCPPActionSpec, decisive: Bool)? {
        let all = candidates(action, extra: extra)
        guard let first = all.first else { return nil }
        if let pinned, let spec = all.first(where: { $0.version == pinned }) { return (spec, true) }
        guard all.count > 1, let p = payload else { return (all.first { $0.version == hint } ?? first, all.count == 1) }
        // One pass by position (every payload of an action two versions share comes here): the first
        // best fit, and the first best fit of version `hint`.
        var best = Int.max, fits = 0, chosen = 0, hinted: Int? = nil
        for k in all.indices {
            let m = misfit(request ? all[k].request : all[k].response, p)
            if m < best {
                (best, fits, chosen) = (m, 1, k)
                hinted = all[k].version == hint ? k : nil
            } else if m == best {
                fits += 1
                if hinted == nil, all[k].version == hint { hinted = k }
            }
        }
        return (all[hinted ?? chosen], fits == 1)
    }

    static func misfit(_ fields: [SchemaField], _ p: JSONValue) -> Int {
        guard case .object(let present) = p else { return 0 }
        var n = 0
        for f in fields where f.required && !present.contains(where: { JSONValue.sameKey($0.key, f.name) }) { n += 1 }
        for k in present where k.key != "customData" && !fields.contains(where: { JSONValue.sameKey($0.name, k.key) }) { n += 1 }
        return n
    }

    /// Who may send the action's CALL (1.6 table first).
    public static func direction(of action: String) -> OCPPActionDirection? {
        (v16[action] ?? v201[action])?.direction
    }

    /// The spec for an action. When several versions define it (StatusNotification, BootNotification,
    /// …), the payload decides (`choose`).
    public static func spec(for action: String, request: Bool, payload: JSONValue?, hint: String? = nil) -> OCPPActionSpec? {
        choose(action, request: request, payload: payload, hint: hint, extra: nil)?.spec
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
            case .bounded(let t, _, _): check(t)
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
