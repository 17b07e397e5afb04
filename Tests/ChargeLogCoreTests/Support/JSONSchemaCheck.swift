import Foundation
@testable import ChargeLogCore

/// A small JSON Schema (draft 2020-12) validator for the keywords the Open OCPP Trace schema uses:
/// `type`, `required`, `properties`, `additionalProperties`, `enum`, `const`, `minimum`, `format:
/// date-time`, `allOf`, `if`/`then`/`else` and boolean schemas. A keyword it does not know is an error
/// of its own, so a schema that grows beyond it cannot pass unchecked.
struct JSONSchemaCheck {
    let schema: JSONValue
    static let ignored: Set<String> = ["$schema", "$id", "title", "description"]
    static let known: Set<String> = ["type", "required", "properties", "additionalProperties", "enum", "const", "minimum",
                                     "format", "allOf", "if", "then", "else"]

    /// Problems of `value`, each with its path; empty when it is valid.
    func errors(_ value: JSONValue) -> [String] {
        var out: [String] = []
        check(value, against: schema, path: "$", into: &out)
        return out
    }

    func check(_ v: JSONValue, against s: JSONValue, path: String, into out: inout [String]) {
        if case .bool(let b) = s {
            if !b { out.append("\(path): not allowed") }
            return
        }
        guard case .object(let keywords) = s else { out.append("\(path): schema is not an object"); return }
        for (k, rule) in keywords {
            if Self.ignored.contains(k) { continue }
            guard Self.known.contains(k) else { out.append("\(path): unsupported keyword \(k)"); continue }
            switch k {
            case "type":
                let names = rule.arrayValue?.compactMap(\.stringValue) ?? [rule.stringValue ?? ""]
                if !names.contains(where: { Self.isType(v, $0) }) { out.append("\(path): not of type \(names.joined(separator: "/"))") }
            case "required":
                for name in rule.arrayValue?.compactMap(\.stringValue) ?? [] where v.objectValue != nil && v[name] == nil {
                    out.append("\(path): required \(name) missing")
                }
            case "properties":
                guard let fields = v.objectValue, case .object(let props) = rule else { continue }
                for (name, sub) in props {
                    if let value = fields.first(where: { $0.key == name })?.value { check(value, against: sub, path: "\(path).\(name)", into: &out) }
                }
            case "additionalProperties":
                guard let fields = v.objectValue else { continue }
                let declared = Set(keywords.first { $0.key == "properties" }?.value.objectValue?.map(\.key) ?? [])
                for f in fields where !declared.contains(f.key) { check(f.value, against: rule, path: "\(path).\(f.key)", into: &out) }
            case "enum":
                if !(rule.arrayValue ?? []).contains(where: { Self.same($0, v) }) { out.append("\(path): not one of the enumeration") }
            case "const":
                if !Self.same(rule, v) { out.append("\(path): not the constant") }
            case "minimum":
                if let n = v.doubleValue, let m = rule.doubleValue, case .number = v, n < m { out.append("\(path): below \(m)") }
            case "format":
                if rule.stringValue == "date-time", case .string(let t) = v, !Self.isDateTime(t) { out.append("\(path): not a date-time") }
            case "allOf":
                for sub in rule.arrayValue ?? [] { check(v, against: sub, path: path, into: &out) }
            case "if":
                var probe: [String] = []
                check(v, against: rule, path: path, into: &probe)
                let branch = keywords.first { $0.key == (probe.isEmpty ? "then" : "else") }?.value
                if let b = branch { check(v, against: b, path: path, into: &out) }
            default:
                break   // then / else are taken with if
            }
        }
    }

    static func isType(_ v: JSONValue, _ name: String) -> Bool {
        switch (name, v) {
        case ("string", .string), ("object", .object), ("array", .array), ("boolean", .bool), ("null", .null): true
        case ("number", .number): true
        case ("integer", .number(let n)): Double(n).map { $0 == $0.rounded() } ?? false
        default: false
        }
    }

    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool { JSONPrinter.compact(a) == JSONPrinter.compact(b) }

    /// RFC 3339 date-time: `2024-01-15T10:00:00.000Z`, `…+02:00`.
    static func isDateTime(_ s: String) -> Bool {
        s.range(of: #"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"#, options: .regularExpression) != nil
    }
}
