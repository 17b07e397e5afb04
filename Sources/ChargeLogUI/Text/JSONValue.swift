/// A parsed JSON value that keeps what the log wrote: key order, and numbers as their exact text
/// (`"3.48e-05"` stays `3.48e-05`), so the detail pane never re-serialises a reading.
public indirect enum JSONValue: Sendable, Equatable {
    case object([Member])
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let m) = self { return m.first { $0.key == key }?.value }
        return nil
    }

    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, index >= 0, index < a.count { return a[index] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// Numbers, and strings holding a number (`"value": "11730.1"`).
    public var doubleValue: Double? {
        switch self {
        case .number(let s), .string(let s): Double(s)
        default: nil
        }
    }

    public var intValue: Int? {
        switch self {
        case .number(let s), .string(let s): Int(s) ?? Double(s).flatMap { $0 == $0.rounded() ? Int(exactly: $0) : nil }
        default: nil
        }
    }

    /// A short form for summaries: strings bare, numbers as written.
    public var scalarText: String? {
        switch self {
        case .string(let s): s
        case .number(let s): s
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        default: nil
        }
    }
}
