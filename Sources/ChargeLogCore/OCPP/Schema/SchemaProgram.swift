/// One action's request and response schemas compiled into flat tables for checking payloads: named
/// types are resolved to node numbers once, so a check looks no type up by name and copies no
/// `SchemaType` values (the tree walk's dictionary lookups and reference counting were a quarter of
/// the OCPP analysis). Gives the same issues, in the same order, as `OCPPValidator.checkObject` over
/// the uncompiled fields, which stays the reference the tests compare it with.
final class SchemaProgram: Sendable {
    enum Kind: UInt8, Sendable {
        case any, scalar, array, bounded, object, enumeration
    }

    struct Node: Sendable {
        var kind: Kind
        /// Array: the element's node; bounded: the inner type's node.
        var child: Int32 = -1
        /// Object: its fields in `fields`; enumeration: its values in `values`.
        var start: Int32 = 0
        var count: Int32 = 0
        /// Scalar: its type (checked by `OCPPValidator.checkScalar`, as in the reference walk).
        var scalar: OCPPValidator.Scalar = .integer
        var min: Double? = nil
        var max: Double? = nil
        /// An enumeration's type name, for messages.
        var name: String = ""
    }

    struct Field: Sendable {
        var name: String
        var node: Int32
        var required: Bool
    }

    let nodes: [Node]
    let fields: [Field]
    let values: [String]
    /// The UTF-8 length of each value, compared before the text.
    let valueLengths: [Int32]
    /// The object nodes of the request and of the response payload.
    let request: Int32
    let response: Int32

    init(request: [SchemaField], response: [SchemaField], definitions: OCPPValidator.Definitions) {
        var c = Compiler(defs: definitions)
        self.request = c.object(request)
        self.response = c.object(response)
        nodes = c.nodes
        fields = c.fields
        values = c.values
        valueLengths = c.values.map { Int32($0.utf8.count) }
    }

    /// Issues of `payload` against the request or response schema, appended to `issues`.
    func check(_ payload: JSONValue, request: Bool, into issues: inout [OCPPIssue]) {
        let root = request ? self.request : self.response
        nodes.withUnsafeBufferPointer { n in
            fields.withUnsafeBufferPointer { f in
                values.withUnsafeBufferPointer { v in
                    valueLengths.withUnsafeBufferPointer { l in
                        Checker(nodes: n, fields: f, values: v, lengths: l).check(payload, root, path: "", into: &issues)
                    }
                }
            }
        }
    }

    /// Builds the tables; a named type is compiled once and shared by every field that uses it
    /// (also recursively: its node number is taken before its fields are compiled).
    struct Compiler {
        let defs: OCPPValidator.Definitions
        var nodes: [Node] = []
        var fields: [Field] = []
        var values: [String] = []
        var named: [String: Int32] = [:]

        init(defs: OCPPValidator.Definitions) { self.defs = defs }

        mutating func add(_ n: Node) -> Int32 {
            nodes.append(n)
            return Int32(nodes.count - 1)
        }

        mutating func object(_ list: [SchemaField]) -> Int32 {
            let index = add(Node(kind: .object))
            fill(index, list)
            return index
        }

        /// Compiles the field types first (they may add nodes and fields), then lays the fields out
        /// together.
        mutating func fill(_ index: Int32, _ list: [SchemaField]) {
            let compiled = list.map { Field(name: $0.name, node: type($0.type), required: $0.required) }
            nodes[Int(index)].start = Int32(fields.count)
            nodes[Int(index)].count = Int32(compiled.count)
            fields += compiled
        }

        mutating func type(_ t: SchemaType) -> Int32 {
            switch t {
            case .any: return add(Node(kind: .any))
            case .integer: return add(Node(kind: .scalar, scalar: .integer))
            case .decimal: return add(Node(kind: .scalar, scalar: .decimal))
            case .boolean: return add(Node(kind: .scalar, scalar: .boolean))
            case .dateTime: return add(Node(kind: .scalar, scalar: .dateTime))
            case .string(let max): return add(Node(kind: .scalar, scalar: .string(maxLength: max)))
            case .array(let element):
                let child = type(element)
                return add(Node(kind: .array, child: child))
            case .bounded(let inner, let lo, let hi):
                let child = type(inner)
                return add(Node(kind: .bounded, child: child, min: lo, max: hi))
            case .named(let name):
                if let known = named[name] { return known }
                switch defs[name] {
                case .object(let list)?:
                    let index = add(Node(kind: .object))
                    named[name] = index
                    fill(index, list)
                    return index
                case .enumeration(let list)?:
                    let index = add(Node(kind: .enumeration, start: Int32(values.count), count: Int32(list.count), name: name))
                    values += list
                    named[name] = index
                    return index
                case nil:
                    // An undefined name checks nothing, as in the reference.
                    let index = add(Node(kind: .any))
                    named[name] = index
                    return index
                }
            }
        }
    }

    /// The walk over a payload; the tables are borrowed, never copied.
    struct Checker {
        let nodes: UnsafeBufferPointer<Node>
        let fields: UnsafeBufferPointer<Field>
        let values: UnsafeBufferPointer<String>
        let lengths: UnsafeBufferPointer<Int32>

        typealias V = OCPPValidator

        func object(_ v: JSONValue, _ node: UnsafePointer<Node>, path: @autoclosure () -> String, into issues: inout [OCPPIssue]) {
            guard case .object(let present) = v else {
                let p = path()
                issues.append(OCPPIssue(.warning, .wrongType, path: p.isEmpty ? "payload" : p, "\(v.kindName) where an object is expected"))
                return
            }
            var matched = 0
            let list = UnsafeBufferPointer(rebasing: fields[Int(node.pointee.start) ..< Int(node.pointee.start + node.pointee.count)])
            present.withUnsafeBufferPointer { present in
                for f in list {
                    if let i = present.firstIndex(where: { JSONValue.sameKey($0.key, f.name) }) {
                        matched += 1
                        check(present[i].value, f.node, path: V.join(path(), f.name), into: &issues)
                    } else if f.required {
                        issues.append(OCPPIssue(.warning, .missingField, path: V.join(path(), f.name), "required field missing"))
                    }
                }
                guard matched < present.count else { return }
                for p in present where p.key != "customData" && !list.contains(where: { JSONValue.sameKey($0.name, p.key) }) {
                    issues.append(OCPPIssue(.info, .unknownField, path: V.join(path(), p.key), "field not in the schema"))
                }
            }
        }

        func check(_ v: JSONValue, _ index: Int32, path makePath: @autoclosure () -> String, into issues: inout [OCPPIssue]) {
            // Read in place: a copy of the node would retain its name.
            let node = nodes.baseAddress! + Int(index)
            switch node.pointee.kind {
            case .any:
                return
            case .scalar:
                V.checkScalar(v, node.pointee.scalar, path: makePath(), into: &issues)
            case .bounded:
                check(v, node.pointee.child, path: makePath(), into: &issues)
                V.checkBounds(v, min: node.pointee.min, max: node.pointee.max, path: makePath(), into: &issues)
            case .array:
                guard case .array(let items) = v else {
                    issues.append(OCPPIssue(.warning, .wrongType, path: makePath(), "\(V.describe(v)) where an array is expected"))
                    return
                }
                items.withUnsafeBufferPointer { items in
                    for i in items.indices { check(items[i], node.pointee.child, path: "\(makePath())[\(i)]", into: &issues) }
                }
            case .object:
                object(v, node, path: makePath(), into: &issues)
            case .enumeration:
                let range = Int(node.pointee.start) ..< Int(node.pointee.start + node.pointee.count)
                // A value of the list is found by length first; anything else gets the reference check's issue.
                if case .string(let s) = v {
                    let n = Int32(truncatingIfNeeded: s.utf8.count)
                    for i in range where lengths[i] == n && values[i] == s { return }
                }
                let list = UnsafeBufferPointer(rebasing: values[range])
                V.checkEnumeration(v, name: node.pointee.name, values: list, path: makePath(), into: &issues)
            }
        }
    }
}
