import Foundation

/// JSON schemas loaded at run time (`--schemas DIR`) for actions the built-in tables do not know or
/// know in another version: OCPP 2.1 (whose schemas the OCA gives its members) or a vendor's
/// extensions. Files named `<Action>Request.json` / `<Action>Response.json` (2.0.1 and later), or
/// `<Action>.json` / `<Action>Response.json` (1.6). Read the same way as the 2.0.1 table is generated:
/// fields, types, required fields, enumerations, string lengths, date-times. Type names get the set's
/// version as a prefix (`2.1:IdTokenType`) so they never meet the built-in ones.
public struct OCPPSchemaSet: Sendable {
    /// `2.1` from the schemas' `comment` ("OCPP 2.1 FINAL"), else the folder's name.
    public let version: String
    let actions: [String: OCPPActionSpec]
    let definitions: [String: SchemaDefinition]

    public var actionNames: [String] { actions.keys.sorted() }

    public static func load(directory: String) throws(ChargeLogError) -> OCPPSchemaSet {
        let url = URL(fileURLWithPath: directory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw ChargeLogError.invalidArgument(name: "--schemas", value: directory, expected: "a readable folder of OCPP JSON schemas")
        }
        var parsed: [(action: String, request: Bool, schema: JSONValue)] = []
        var version: String? = nil
        for n in names {
            let stem = String(n.dropLast(5))
            let (action, request): (String, Bool) = stem.hasSuffix("Request") ? (String(stem.dropLast(7)), true)
                : stem.hasSuffix("Response") ? (String(stem.dropLast(8)), false) : (stem, true)
            guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(n).path) else {
                throw ChargeLogError.invalidArgument(name: "--schemas", value: n, expected: "a readable JSON schema file")
            }
            var bytes = [UInt8](data)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            guard case .success(let v) = JSONParser.parse(bytes), case .object = v else {
                throw ChargeLogError.invalidArgument(name: "--schemas", value: n, expected: "a JSON schema (a JSON object)")
            }
            if version == nil, let c = v["comment"]?.stringValue, let r = c.range(of: #"OCPP\s+[0-9.]+"#, options: .regularExpression) {
                version = c[r].split(separator: " ").last.map(String.init)
            }
            parsed.append((action, request, v))
        }
        guard !parsed.isEmpty else {
            throw ChargeLogError.invalidArgument(name: "--schemas", value: directory, expected: "a folder holding <Action>Request.json / <Action>Response.json schemas")
        }
        let label = version ?? url.lastPathComponent
        var reader = Reader(prefix: label + ":")
        var requests: [String: [SchemaField]] = [:], responses: [String: [SchemaField]] = [:]
        for p in parsed {
            let fields = reader.fields(p.schema, defs: p.schema["definitions"] ?? p.schema["$defs"] ?? .object([]))
            if p.request { requests[p.action] = fields } else { responses[p.action] = fields }
        }
        var actions: [String: OCPPActionSpec] = [:]
        let defs = OCPPValidator.Definitions(loaded: reader.types)
        for a in Set(requests.keys).union(responses.keys) {
            actions[a] = OCPPActionSpec(name: a, direction: .both, request: requests[a] ?? [], response: responses[a] ?? [], version: label,
                                       definitions: defs)
        }
        return OCPPSchemaSet(version: label, actions: actions, definitions: reader.types)
    }

    /// JSON Schema → fields and named types.
    struct Reader {
        let prefix: String
        var types: [String: SchemaDefinition] = [:]

        mutating func fields(_ obj: JSONValue, defs: JSONValue) -> [SchemaField] {
            let required = Set(obj["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            return (obj["properties"]?.objectValue ?? []).compactMap { key, prop in
                guard key != "customData" else { return nil }
                return SchemaField(name: key, type: type(prop, defs: defs, hint: key.prefix(1).uppercased() + key.dropFirst() + "Type"),
                                   required: required.contains(key))
            }
        }

        /// The type with the schema's `minItems` / `maxItems` (arrays) or `minimum` / `maximum` (numbers).
        mutating func type(_ p: JSONValue, defs: JSONValue, hint: String) -> SchemaType {
            let t = unbounded(p, defs: defs, hint: hint)
            let (lo, hi): (String, String) = p["type"]?.stringValue == "array" ? ("minItems", "maxItems") : ("minimum", "maximum")
            guard ["array", "integer", "number"].contains(p["type"]?.stringValue ?? "") else { return t }
            let min = p[lo]?.doubleValue, max = p[hi]?.doubleValue
            return min == nil && max == nil ? t : .bounded(t, min: min, max: max)
        }

        mutating func unbounded(_ p: JSONValue, defs: JSONValue, hint: String) -> SchemaType {
            if let ref = p["$ref"]?.stringValue {
                let raw = String(ref.split(separator: "/").last ?? "")
                define(raw, defs[raw] ?? .object([]), defs: defs)
                return .named(prefix + raw)
            }
            switch p["type"]?.stringValue {
            case "string":
                if let values = p["enum"]?.arrayValue?.compactMap(\.stringValue) {
                    types[prefix + hint] = .enumeration(values)
                    return .named(prefix + hint)
                }
                if p["format"]?.stringValue == "date-time" { return .dateTime }
                return .string(maxLength: p["maxLength"]?.intValue)
            case "integer": return .integer
            case "number": return .decimal
            case "boolean": return .boolean
            case "array": return .array(type(p["items"] ?? .object([]), defs: defs, hint: hint))
            case "object":
                let f = fields(p, defs: defs)
                types[prefix + hint] = .object(f)
                return .named(prefix + hint)
            default: return .any
            }
        }

        mutating func define(_ raw: String, _ d: JSONValue, defs: JSONValue) {
            let name = prefix + raw
            guard types[name] == nil else { return }
            if let values = d["enum"]?.arrayValue?.compactMap(\.stringValue), d["type"]?.stringValue == "string" {
                types[name] = .enumeration(values)
            } else if d["type"]?.stringValue == "object" {
                types[name] = .object([])   // recursion guard
                types[name] = .object(fields(d, defs: defs))
            } else {
                types[name] = .object([])
            }
        }
    }
}
