/// Prepares a decoded payload for export: secrets masked (string values through `SecretMasker`,
/// values of fields whose name is a secret, the `value` of `{"key": "<secret name>", "value": …}`
/// configuration entries, and the `attributeValue` of a 2.0.1 variable whose name is a secret),
/// duplicate keys dropped (the first kept, as search clusters reject duplicates), and numbers that
/// are not strict JSON (`+1`, `01`) written as strings.
public enum PayloadMasker {
    public static func clean(_ v: JSONValue, mask: Bool) -> JSONValue {
        switch v {
        case .string(let s): return mask ? .string(SecretMasker.mask(s)) : v
        case .number(let n): return StrictJSONNumber.isValid(n) ? v : .string(n)
        case .array(let items): return .array(items.map { clean($0, mask: mask) })
        case .object(let fields):
            var seen = Set<String>()
            var out: [(key: String, value: JSONValue)] = []
            let secretEntry = mask && (fields.first { $0.key == "key" }?.value.stringValue).map(SecretMasker.isSecretKey) == true
            // OCPP 2.0.1 device model: `{"attributeValue": …, "variable": {"name": "BasicAuthPassword"}}`.
            let secretVariable = mask && (fields.first { $0.key == "variable" }?.value["name"]?.stringValue)
                .map(SecretMasker.isSecretKey) == true
            for f in fields where seen.insert(f.key).inserted {
                let hide = mask && (SecretMasker.isSecretKey(f.key) || (secretEntry && f.key == "value")
                    || (secretVariable && f.key == "attributeValue"))
                if hide, isScalar(f.value), !f.value.isNull {
                    out.append((f.key, .string(SecretMasker.mask)))
                } else {
                    out.append((f.key, clean(f.value, mask: mask)))
                }
            }
            return .object(out)
        default: return v
        }
    }

    static func isScalar(_ v: JSONValue) -> Bool {
        switch v {
        case .array, .object: false
        default: true
        }
    }
}

/// The JSON number grammar without the leniency of logs: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
enum StrictJSONNumber {
    static func isValid(_ s: String) -> Bool {
        var u = Array(s.utf8)[...]
        func digits() -> Int {
            var n = 0
            while let c = u.first, c >= 48, c <= 57 { n += 1; u = u.dropFirst() }
            return n
        }
        if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        if u.first == UInt8(ascii: "0") {
            u = u.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if u.first == UInt8(ascii: ".") {
            u = u.dropFirst()
            if digits() == 0 { return false }
        }
        if let e = u.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            u = u.dropFirst()
            if let sign = u.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { u = u.dropFirst() }
            if digits() == 0 { return false }
        }
        return u.isEmpty
    }
}
