/// Checks a payload against the schema table: required fields, types, enumeration values, string
/// lengths and times. Findings become issues on the message; nothing is rejected.
public enum OCPPValidator {
    /// Issues of one payload. `request` selects the CALL or the CALLRESULT schema; the version is the
    /// one the payload fits (`OCPPSchema.choose`; `hint` breaks ties), `extra` adds loaded schemas.
    public static func validate(action: String, request: Bool, payload: JSONValue, hint: String? = nil,
                                extra: OCPPSchemaSet? = nil) -> [OCPPIssue] {
        validated(action: action, request: request, payload: payload, hint: hint, extra: extra).issues
    }

    /// The issues, and the version checked against (nil: unknown action) with whether the payload
    /// alone decided it. `pinned`: the version given with `--ocpp-version`, checked against whenever
    /// it defines the action.
    static func validated(action: String, request: Bool, payload: JSONValue, hint: String?, extra: OCPPSchemaSet?,
                          pinned: String? = nil) -> (issues: [OCPPIssue], version: String?, decisive: Bool) {
        var issues: [OCPPIssue] = []
        guard let (spec, decisive) = OCPPSchema.choose(action, request: request, payload: payload, hint: hint, extra: extra,
                                                       pinned: pinned) else {
            if request {
                let loaded = extra.map { " nor in the \($0.version) schemas loaded" } ?? ""
                issues.append(OCPPIssue(.warning, .unknownAction, path: "action", "action \(action) is not in OCPP 1.6 or 2.0.1\(loaded)"))
            }
            return (issues, nil, false)
        }
        spec.program.check(payload, request: request, into: &issues)
        return (issues, spec.version, decisive)
    }

    /// Named types: the built-in tables', and a loaded set's (`2.1:IdTokenType`).
    struct Definitions: Sendable {
        let extra: [String: SchemaDefinition]?
        init(extra: OCPPSchemaSet?) { self.extra = extra?.definitions }
        init(loaded: [String: SchemaDefinition]) { extra = loaded }
        subscript(name: String) -> SchemaDefinition? {
            if let e = extra, name.contains(":") { return e[name] }
            return OCPPSchema.definitions[name]
        }
    }

    static func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : path + "." + name }

    /// The reference walk over the uncompiled fields (`SchemaProgramTests` holds the compiled check to
    /// it). `path` is built only when an issue is reported (most payloads have none).
    static func checkObject(_ v: JSONValue, fields: [SchemaField], path: @autoclosure () -> String, defs: Definitions,
                            into issues: inout [OCPPIssue]) {
        guard case .object(let present) = v else {
            let p = path()
            issues.append(OCPPIssue(.warning, .wrongType, path: p.isEmpty ? "payload" : p, "\(v.kindName) where an object is expected"))
            return
        }
        var matched = 0
        for f in fields {
            if let i = present.firstIndex(where: { JSONValue.sameKey($0.key, f.name) }) {
                matched += 1
                check(present[i].value, f.type, path: join(path(), f.name), defs: defs, into: &issues)
            } else if f.required {
                issues.append(OCPPIssue(.warning, .missingField, path: join(path(), f.name), "required field missing"))
            }
        }
        // Every key matched a field unless the object has more keys than matches (duplicates count).
        guard matched < present.count else { return }
        for p in present where p.key != "customData" && !fields.contains(where: { JSONValue.sameKey($0.name, p.key) }) {
            issues.append(OCPPIssue(.info, .unknownField, path: join(path(), p.key), "field not in the schema"))
        }
    }

    /// `path` is built only when an issue is reported or a container is entered.
    static func check(_ v: JSONValue, _ type: SchemaType, path makePath: @autoclosure () -> String, defs: Definitions,
                      into issues: inout [OCPPIssue]) {
        switch type {
        case .any:
            return
        case .integer: checkScalar(v, .integer, path: makePath(), into: &issues)
        case .decimal: checkScalar(v, .decimal, path: makePath(), into: &issues)
        case .boolean: checkScalar(v, .boolean, path: makePath(), into: &issues)
        case .dateTime: checkScalar(v, .dateTime, path: makePath(), into: &issues)
        case .string(let max): checkScalar(v, .string(maxLength: max), path: makePath(), into: &issues)
        case .bounded(let inner, let lo, let hi):
            check(v, inner, path: makePath(), defs: defs, into: &issues)
            checkBounds(v, min: lo, max: hi, path: makePath(), into: &issues)
        case .array(let element):
            guard case .array(let items) = v else {
                issues.append(OCPPIssue(.warning, .wrongType, path: makePath(), "\(describe(v)) where an array is expected"))
                return
            }
            for (i, item) in items.enumerated() { check(item, element, path: "\(makePath())[\(i)]", defs: defs, into: &issues) }
        case .named(let name):
            switch defs[name] {
            case .object(let fields)?:
                checkObject(v, fields: fields, path: makePath(), defs: defs, into: &issues)
            case .enumeration(let values)?:
                checkEnumeration(v, name: name, values: values, path: makePath(), into: &issues)
            case nil:
                return
            }
        }
    }

    /// The types without parts; both walks (this one and `SchemaProgram`'s) check them here.
    enum Scalar: Sendable {
        case integer, decimal, boolean, dateTime
        case string(maxLength: Int?)
    }

    static func checkScalar(_ v: JSONValue, _ type: Scalar, path makePath: @autoclosure () -> String,
                            into issues: inout [OCPPIssue]) {
        switch type {
        case .integer:
            if case .number = v, v.intValue != nil { return }
            if case .number(let n) = v, let d = DecimalText.double(n), !d.isFinite || (d == d.rounded() && abs(d) >= 9e15) {
                issues.append(OCPPIssue(.warning, .outOfRange, path: makePath(), "number \(n) is too large to use as an integer; not used"))
            } else if case .string(let s) = v, Int(s) != nil {
                issues.append(OCPPIssue(.warning, .wrongType, path: makePath(), "integer sent as a string (\"\(s)\")"))
            } else {
                issues.append(OCPPIssue(.warning, .wrongType, path: makePath(), "\(describe(v)) where an integer is expected"))
            }
        case .decimal:
            if case .number(let n) = v {
                if DecimalText.double(n)?.isFinite == false {
                    issues.append(OCPPIssue(.warning, .outOfRange, path: makePath(), "number \(n) is out of range (not finite); not used"))
                }
                return
            }
            issues.append(OCPPIssue(.warning, .wrongType, path: makePath(), "\(describe(v)) where a number is expected"))
        case .boolean:
            if case .bool = v { return }
            issues.append(OCPPIssue(.warning, .wrongType, path: makePath(), "\(describe(v)) where true/false is expected"))
        case .dateTime:
            guard case .string(let s) = v else {
                issues.append(OCPPIssue(.warning, .wrongType, path: makePath(), "\(describe(v)) where a time is expected"))
                return
            }
            if OCPPTime.parse(s) == nil {
                issues.append(OCPPIssue(.warning, .invalidTime, path: makePath(), "\"\(s)\" is not an RFC 3339 time"))
            }
        case .string(let max):
            guard case .string(let s) = v else {
                issues.append(OCPPIssue(.warning, .wrongType, path: makePath(), "\(describe(v)) where a string is expected"))
                return
            }
            if let max, s.utf8.count > max, s.count > max {
                issues.append(OCPPIssue(.info, .tooLong, path: makePath(), "\(s.count) characters, at most \(max) allowed"))
            }
        }
    }

    /// A value of the enumeration `name` (`2.1:ModeEnumType` is shown as `ModeEnumType`).
    static func checkEnumeration<S: Sequence<String>>(_ v: JSONValue, name: String, values: S, path makePath: @autoclosure () -> String,
                                                      into issues: inout [OCPPIssue]) {
        func shown() -> String { name.split(separator: ":").last.map(String.init) ?? name }
        guard case .string(let s) = v else {
            issues.append(OCPPIssue(.warning, .wrongType, path: makePath(), "\(describe(v)) where a \(shown()) value is expected"))
            return
        }
        if !values.contains(where: { JSONValue.sameKey($0, s) }) {
            issues.append(OCPPIssue(.warning, .unknownEnumValue, path: makePath(), "unknown \(shown()) value \"\(s)\""))
        }
    }

    /// An array's item count or a number against `minItems`/`maxItems` or `minimum`/`maximum`.
    static func checkBounds(_ v: JSONValue, min lo: Double?, max hi: Double?, path makePath: @autoclosure () -> String,
                            into issues: inout [OCPPIssue]) {
        func text(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d) }
        if case .array(let items) = v {
            if let lo, Double(items.count) < lo {
                issues.append(OCPPIssue(.warning, .outOfBounds, path: makePath(), "\(items.count) item(s), at least \(text(lo)) required"))
            } else if let hi, Double(items.count) > hi {
                issues.append(OCPPIssue(.warning, .outOfBounds, path: makePath(), "\(items.count) items, at most \(text(hi)) allowed"))
            }
        } else if case .number(let n) = v, let d = DecimalText.double(n), d.isFinite {
            if let lo, d < lo {
                issues.append(OCPPIssue(.warning, .outOfBounds, path: makePath(), "\(n) is below the minimum \(text(lo))"))
            } else if let hi, d > hi {
                issues.append(OCPPIssue(.warning, .outOfBounds, path: makePath(), "\(n) is above the maximum \(text(hi))"))
            }
        }
    }

    static func describe(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): "string \"\(s.count > 30 ? String(s.prefix(30)) + "…" : s)\""
        case .number(let n): "number \(n)"
        default: v.kindName
        }
    }
}
