import Foundation
import Testing
@testable import ChargeLogCore

/// The compiled schema check (`SchemaProgram`) against the reference walk over the uncompiled fields
/// (`OCPPValidator.checkObject`): the same issues in the same order, for every action of both
/// built-in tables and for loaded schemas, on valid payloads and on payloads broken one field at a time.
@Suite("Compiled schema check gives the reference walk's issues")
struct SchemaProgramTests {
    typealias Defs = OCPPValidator.Definitions

    /// A payload of `type` that fits it (bounded arrays get their minimum item count).
    /// `pick` chooses the enumeration values (the first, the second, …; -1 the last).
    static func sample(_ type: SchemaType, defs: Defs, depth: Int = 0, pick: Int = 0) -> JSONValue {
        switch type {
        case .any: return .object([])
        case .integer: return .number("3")
        case .decimal: return .number("11727.040")
        case .boolean: return .bool(true)
        case .dateTime: return .string("2024-04-27T12:00:00.000Z")
        case .string(let max): return .string(String(repeating: "a", count: min(max ?? 4, 4)))
        case .array(let e): return .array([sample(e, defs: defs, depth: depth + 1, pick: pick)])
        case .bounded(let inner, let lo, _):
            if case .array(let e) = inner {
                return .array(Array(repeating: sample(e, defs: defs, depth: depth + 1, pick: pick), count: max(1, Int(lo ?? 1))))
            }
            if let lo { return .number(String(Int(lo))) }
            return sample(inner, defs: defs, depth: depth, pick: pick)
        case .named(let name):
            switch defs[name] {
            case .enumeration(let values)?:
                guard !values.isEmpty else { return .string("") }
                return .string(pick < 0 ? values[values.count - 1] : values[pick % values.count])
            case .object(let fields)?: return object(fields, defs: defs, depth: depth + 1, pick: pick)
            case nil: return .null
            }
        }
    }

    static func object(_ fields: [SchemaField], defs: Defs, depth: Int, pick: Int = 0) -> JSONValue {
        // Deep optional branches are left out (they only grow the payloads).
        .object(fields.filter { $0.required || depth < 4 }.map { ($0.name, sample($0.type, defs: defs, depth: depth, pick: pick)) })
    }

    /// Values that break most types: wrong kinds, numbers too large or not finite, integers as strings,
    /// unknown enumeration values, long strings, bad times, empty and long arrays.
    static let mutants: [JSONValue] = [
        .null, .bool(false), .number("1e999"), .number("12345678901234567890"), .number("-2.5"), .number("100000"),
        .string("12"), .string("Turbo"), .string("2024-13-40T99:00:00Z"), .string(String(repeating: "é", count: 600)),
        .array([]), .array(Array(repeating: .object([]), count: 40)), .object([]), .object([("zzz", .number("1"))]),
    ]

    /// The payload with its value at `path` replaced by each mutant, removed, and given an unknown
    /// sibling key, for every path down to `depth` levels.
    static func variants(_ v: JSONValue, depth: Int = 3) -> [JSONValue] {
        var out = mutants
        guard depth > 0 else { return out }
        switch v {
        case .object(let fields):
            out.append(.object(fields + [("vendorExtra", .string("x"))]))
            out.append(.object(fields + fields.prefix(1)))   // a duplicate key
            if let first = fields.first { out.append(.object(fields + [(first.key, .string("duplicate"))])) }
            for i in fields.indices {
                var removed = fields
                removed.remove(at: i)
                out.append(.object(removed))
                for m in variants(fields[i].value, depth: depth - 1) {
                    var changed = fields
                    changed[i].value = m
                    out.append(.object(changed))
                }
            }
        case .array(let items) where !items.isEmpty:
            out.append(.array(items + items))
            for m in variants(items[0], depth: depth - 1) { out.append(.array([m] + items.dropFirst())) }
        default:
            break
        }
        return out
    }

    func describe(_ issues: [OCPPIssue]) -> [String] { issues.map { "\($0.severity.label) \($0.kind) \($0.path): \($0.message)" } }

    /// Checks every payload both ways; returns how many issues were found (to show the payloads are not
    /// all valid).
    func compare(_ spec: OCPPActionSpec, defs: Defs) -> Int {
        let program = spec.program
        var found = 0
        for request in [true, false] {
            let fields = request ? spec.request : spec.response
            let valid = Self.object(fields, defs: defs, depth: 0)
            // Every enumeration's first, second, third and last value, then the broken payloads.
            let others = [1, 2, -1].map { Self.object(fields, defs: defs, depth: 0, pick: $0) }
            for payload in [valid] + others + Self.variants(valid) {
                var reference: [OCPPIssue] = []
                OCPPValidator.checkObject(payload, fields: fields, path: "", defs: defs, into: &reference)
                var compiled: [OCPPIssue] = []
                program.check(payload, request: request, into: &compiled)
                if compiled != reference {
                    Issue.record("\(spec.version) \(spec.name) \(request ? "request" : "response") \(JSONPrinter.compact(payload)): \(describe(compiled)) ≠ \(describe(reference))")
                    return found
                }
                found += reference.count
            }
            var issues: [OCPPIssue] = []
            program.check(valid, request: request, into: &issues)
            #expect(issues.isEmpty, "\(spec.name): a payload built from its own schema fits it: \(describe(issues))")
        }
        return found
    }

    @Test("every 1.6 and 2.0.1 action, request and response, valid and broken one field at a time")
    func builtIn() {
        let defs = Defs(extra: nil)
        var found = 0
        for spec in OCPPSchema.v16.values.sorted(by: { $0.name < $1.name }) + OCPPSchema.v201.values.sorted(by: { $0.name < $1.name }) {
            found += compare(spec, defs: defs)
        }
        #expect(OCPPSchema.v16.count + OCPPSchema.v201.count > 90)
        #expect(found > 10_000)
    }

    @Test("loaded schemas (--schemas): names with the set's prefix resolve to the set's types")
    func loaded() throws {
        let dir = try OCPP201SchemaTests.vendorSchemas()
        defer { try? FileManager.default.removeItem(at: dir) }
        let set = try OCPPSchemaSet.load(directory: dir.path)
        let spec = try #require(set.actions["VendorHello"])
        #expect(compare(spec, defs: Defs(extra: set)) > 50)
        // The enumeration is the loaded one: "Turbo" is not a ModeEnumType value, "Eco" is.
        var issues: [OCPPIssue] = []
        spec.program.check(.object([("greeting", .string("hi")), ("mode", .string("Turbo"))]), request: true, into: &issues)
        #expect(describe(issues) == [#"warning unknownEnumValue mode: unknown ModeEnumType value "Turbo""#])
    }

    @Test("an enumeration value is found among values of its length; a same-length near miss is not")
    func enumerationByLength() {
        let defs = Defs(loaded: ["x:Mode": .enumeration(["Eco", "Max", "Off", "Boost"])])
        let fields = [SchemaField(name: "mode", type: .named("x:Mode"), required: true)]
        let program = SchemaProgram(request: fields, response: [], definitions: defs)
        func issues(_ v: JSONValue) -> [String] {
            var compiled: [OCPPIssue] = [], reference: [OCPPIssue] = []
            let payload = JSONValue.object([("mode", v)])
            program.check(payload, request: true, into: &compiled)
            OCPPValidator.checkObject(payload, fields: fields, path: "", defs: defs, into: &reference)
            #expect(compiled == reference, "\(JSONPrinter.compact(payload))")
            return describe(compiled)
        }
        for known in ["Eco", "Max", "Off", "Boost"] { #expect(issues(.string(known)) == []) }
        #expect(issues(.string("Ecx")) == [#"warning unknownEnumValue mode: unknown Mode value "Ecx""#])
        #expect(issues(.string("off")) == [#"warning unknownEnumValue mode: unknown Mode value "off""#])
        #expect(issues(.string("Boos")) == [#"warning unknownEnumValue mode: unknown Mode value "Boos""#])
        #expect(issues(.string("")) == [#"warning unknownEnumValue mode: unknown Mode value """#])
        #expect(issues(.number("3")) == ["warning wrongType mode: number 3 where a Mode value is expected"])
    }

    @Test("a type that refers to itself compiles once and is checked at every depth")
    func recursive() {
        let defs = Defs(loaded: ["x:Node": .object([SchemaField(name: "next", type: .named("x:Node"), required: false),
                                                  SchemaField(name: "n", type: .integer, required: true)])])
        let program = SchemaProgram(request: [SchemaField(name: "head", type: .named("x:Node"), required: true)], response: [],
                                    definitions: defs)
        #expect(program.nodes.count == 4)   // the request object, Node, its integer, the empty response
        let payload = JSONValue.object([("head", .object([("n", .number("1")), ("next", .object([("next", .object([("n", .string("2"))]))]))]))])
        var issues: [OCPPIssue] = [], reference: [OCPPIssue] = []
        program.check(payload, request: true, into: &issues)
        OCPPValidator.checkObject(payload, fields: [SchemaField(name: "head", type: .named("x:Node"), required: true)], path: "",
                                  defs: defs, into: &reference)
        #expect(issues == reference)
        // Fields in the schema's order: `next` is walked before `n` is found missing.
        #expect(describe(issues) == [#"warning wrongType head.next.next.n: integer sent as a string ("2")"#,
                                     "warning missingField head.next.n: required field missing"])
    }
}
