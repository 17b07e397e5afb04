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
        case .number(let s): DecimalText.double(s)
        case .string(let s): JSONNumberText.isNumber(s) ? DecimalText.double(s) : nil
        default: nil
        }
        return d.flatMap { $0.isFinite ? $0 : nil }
    }

    /// The value as an integer when it is a whole number (`7854588`, `32.0`).
    public var intValue: Int? {
        guard case .number(let s) = self else { return nil }
        if let i = Int(s) { return i }
        guard let d = DecimalText.double(s), d == d.rounded(), abs(d) < 9e15 else { return nil }
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
    /// What the text of a number shows.
    public enum Shape: Equatable, Sendable {
        case plain
        /// Written with an exponent (`3.48e-05`).
        case scientific
    }

    /// The shape of `s` when it is a JSON number (`-0.5`, `3.48e-05`, `11730.1`; a leading `+` is
    /// accepted too), else nil. Reads the bytes in place.
    public static func shape(_ s: String) -> Shape? {
        var s = s
        return s.withUTF8 { u -> Shape? in
            var i = 0
            let n = u.count
            if i < n, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") { i += 1 }
            var digits = 0
            while i < n, u[i] &- 48 < 10 { digits += 1; i += 1 }
            if i < n, u[i] == UInt8(ascii: ".") {
                i += 1
                while i < n, u[i] &- 48 < 10 { digits += 1; i += 1 }
            }
            guard digits > 0 else { return nil }
            guard i < n else { return .plain }
            guard u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") else { return nil }
            i += 1
            if i < n, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") { i += 1 }
            let exponent = i
            while i < n, u[i] &- 48 < 10 { i += 1 }
            return i > exponent && i == n ? .scientific : nil
        }
    }

    /// Whether `s` is a JSON number.
    public static func isNumber(_ s: String) -> Bool { shape(s) != nil }

    /// Whether the number is written with an exponent (`3.48e-05`).
    public static func isScientific(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { u in u.contains { $0 | 0x20 == UInt8(ascii: "e") } }
    }
}
