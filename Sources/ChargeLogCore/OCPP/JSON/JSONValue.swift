/// A parsed JSON value that keeps what Foundation's JSONSerialization loses: the order of object
/// keys (duplicates included) and the exact text of numbers (`11727.040`, `3.48e-05`, `32.0`).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number exactly as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Keys in document order.
    case object([(key: String, value: JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// The first value under `key` of an object; nil for other kinds or a missing key.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { JSONValue.sameKey($0.key, key) }?.value
    }

    /// Key equality with the cheap test first: keys of different UTF-8 lengths (most pairs compared while
    /// looking a field up) differ without String's full comparison.
    @inline(__always)
    static func sameKey(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    /// Element `i` of an array; nil when out of range or not an array.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number's value (also for numbers written as strings, as OCPP 1.6 sampled values are).
    public var doubleValue: Double? {
        // `1e999999` parses as infinity: not a value anything can use.
        let d: Double? = switch self {
        case .number(let s): Double(s)
        case .string(let s): JSONNumberText.isNumber(s) ? Double(s) : nil
        default: nil
        }
        return d.flatMap { $0.isFinite ? $0 : nil }
    }

    /// The value as an integer when it is a whole number (`7854588`, `32.0`).
    public var intValue: Int? {
        guard case .number(let s) = self else { return nil }
        if let i = Int(s) { return i }
        guard let d = Double(s), d == d.rounded(), abs(d) < 9e15 else { return nil }
        return Int(d)
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: [(key: String, value: JSONValue)]? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// A short name of the kind, for messages: `string`, `number`, `object`, ...
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// A scalar as plain text (strings unquoted, numbers as written); compact JSON for containers.
    public var plainText: String {
        switch self {
        case .string(let s): s
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        default: JSONPrinter.compact(self)
        }
    }
}

/// The JSON number grammar, for numbers that arrive as strings (`"3.48e-05"`).
public enum JSONNumberText {
    /// Whether `s` is a JSON number (`-0.5`, `3.48e-05`, `11730.1`); also accepts a leading `+`.
    public static func isNumber(_ s: String) -> Bool {
        var u = Array(s.utf8)[...]
        if u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        var digits = 0
        while let c = u.first, c >= 48, c <= 57 { digits += 1; u = u.dropFirst() }
        if u.first == UInt8(ascii: ".") {
            u = u.dropFirst()
            while let c = u.first, c >= 48, c <= 57 { digits += 1; u = u.dropFirst() }
        }
        guard digits > 0 else { return false }
        if let e = u.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            u = u.dropFirst()
            if u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-") { u = u.dropFirst() }
            var exp = 0
            while let c = u.first, c >= 48, c <= 57 { exp += 1; u = u.dropFirst() }
            guard exp > 0 else { return false }
        }
        return u.isEmpty
    }

    /// Whether the number is written with an exponent (`3.48e-05`).
    public static func isScientific(_ s: String) -> Bool {
        s.utf8.contains(UInt8(ascii: "e")) || s.utf8.contains(UInt8(ascii: "E"))
    }
}
