/// The type of a payload field in the schema table.
public indirect enum SchemaType: Sendable, Equatable {
    case integer
    case decimal
    case boolean
    /// An RFC 3339 time string.
    case dateTime
    case string(maxLength: Int?)
    /// A named object or enumeration of the same schema set.
    case named(String)
    case array(SchemaType)
    /// Anything (OCPP 2.0.1 `customData`, opaque vendor data).
    case any

    /// Parses a type token: `int`, `decimal`, `bool`, `datetime`, `any`, `string`, `string20`,
    /// `uri`, `[T]`, or a type name.
    static func parse(_ token: Substring) -> SchemaType {
        if token.hasPrefix("["), token.hasSuffix("]") { return .array(parse(token.dropFirst().dropLast())) }
        switch token {
        case "int": return .integer
        case "decimal": return .decimal
        case "bool": return .boolean
        case "datetime": return .dateTime
        case "any": return .any
        case "string", "uri": return .string(maxLength: nil)
        default:
            if token.hasPrefix("string"), let n = Int(token.dropFirst(6)) { return .string(maxLength: n) }
            return .named(String(token))
        }
    }
}

/// One field of an object type.
public struct SchemaField: Sendable, Equatable {
    public var name: String
    public var type: SchemaType
    public var required: Bool

    /// `name:type` with `!` for required: `connectorId:int!`, `meterValue:[MeterValue]!`.
    static func parse(_ token: Substring) -> SchemaField? {
        guard let colon = token.firstIndex(of: ":") else { return nil }
        var t = token[token.index(after: colon)...]
        let required = t.hasSuffix("!")
        if required { t = t.dropLast() }
        return SchemaField(name: String(token[..<colon]), type: SchemaType.parse(t), required: required)
    }

    /// Fields from a space-separated list.
    static func list(_ spec: String) -> [SchemaField] {
        spec.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap(parse)
    }
}

/// A named type: an object with fields, or an enumeration of strings.
public enum SchemaDefinition: Sendable, Equatable {
    case object([SchemaField])
    case enumeration([String])
}
