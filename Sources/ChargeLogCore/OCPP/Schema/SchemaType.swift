import Foundation

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
    /// An array with a least / most item count (`minItems`, `maxItems`), or a number with a
    /// `minimum` / `maximum`.
    case bounded(SchemaType, min: Double?, max: Double?)

    /// Parses a type token: `int`, `decimal`, `bool`, `datetime`, `any`, `string`, `string20`,
    /// `uri`, `[T]`, or a type name; bounds follow an array or a number as `MIN..MAX`, either side
    /// may be left out: `[SampledValueType]1..`, `[ChargingScheduleType]1..3`, `decimal0..100`.
    static func parse(_ token: Substring) -> SchemaType {
        if let r = token.range(of: ".."), let (base, bounds) = splitBounds(token, at: r) {
            return .bounded(parse(base), min: bounds.min, max: bounds.max)
        }
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

extension SchemaType {
    /// `[T]1..3` → (`[T]`, 1, 3); `int0..` → (`int`, 0, nil). Nil when the token has no bounds suffix.
    static func splitBounds(_ token: Substring, at r: Range<Substring.Index>) -> (Substring, (min: Double?, max: Double?))? {
        // The bounds start after an array's `]` or a number type's name.
        let start: Substring.Index
        if token.hasPrefix("["), let close = token.lastIndex(of: "]"), close < r.lowerBound {
            start = token.index(after: close)
        } else if token.hasPrefix("decimal") {
            start = token.index(token.startIndex, offsetBy: 7)
        } else if token.hasPrefix("int") {
            start = token.index(token.startIndex, offsetBy: 3)
        } else {
            return nil
        }
        let lo = token[start..<r.lowerBound], hi = token[r.upperBound...]
        let min = lo.isEmpty ? nil : Double(lo), max = hi.isEmpty ? nil : Double(hi)
        guard lo.isEmpty || min != nil, hi.isEmpty || max != nil, min != nil || max != nil else { return nil }
        return (token[..<start], (min, max))
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
