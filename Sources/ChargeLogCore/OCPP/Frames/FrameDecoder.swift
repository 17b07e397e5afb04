/// Turns the bytes of one found frame into an `OCPPFrame`: parses the JSON, checks the OCPP-J array
/// shape, recognises known suffixes, and salvages type, id and action from frames that do not parse.
enum FrameDecoder {
    /// What may legitimately follow a frame.
    enum Suffix {
        case none
        /// `(47 bytes)`
        case byteCount
        /// ` color: cyan;` (browser console styling)
        case clientStyle
    }

    static func text(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        LosslessText.decode(UnsafeBufferPointer(rebasing: b[r]))
    }

    // MARK: OCPP-J arrays

    static func decodeArray(_ b: UnsafeBufferPointer<UInt8>, from start: Int, channel: OCPPChannel,
                            hint: CarrierHint, suffix: Suffix) -> OCPPFrame {
        var frame = OCPPFrame(channel: channel, hint: hint, type: nil, uniqueId: nil, action: nil, payload: nil,
                              errorCode: nil, errorDescription: nil, errorDetails: nil, rawBytes: [],
                              range: start..<b.count, broken: nil, issues: [])
        var parsed: (value: JSONValue, end: Int)? = nil
        var failure: JSONParseError? = nil
        switch JSONParser.parsePrefix(b, from: start) {
        case .success(let r): parsed = r
        case .failure(let e):
            failure = e
            // A frame wrapped over several lines may be cut inside a token: retry without the breaks.
            if let r = parseJoiningLines(b, from: start) { parsed = r; failure = nil }
        }
        guard let (value, end) = parsed else {
            let e = failure!
            frame.rawBytes = Array(b[start..<b.count])
            frame.broken = "invalid JSON: \(e.reason) at byte \(e.offset - start) of the frame"
            salvage(b, from: start, into: &frame)
            return frame
        }
        frame.range = start..<end
        frame.rawBytes = Array(b[start..<end])
        checkTrailing(b, from: end, suffix: suffix, into: &frame)
        shape(value, into: &frame)
        return frame
    }

    /// Parses from `start` with CR/LF removed; maps the end back to the original bytes.
    static func parseJoiningLines(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: JSONValue, end: Int)? {
        var joined: [UInt8] = []
        var origin: [Int] = []
        var sawBreak = false
        for i in start..<b.count {
            let c = b[i]
            if c == 0x0A || c == 0x0D { sawBreak = true; continue }
            joined.append(c)
            origin.append(i)
        }
        guard sawBreak else { return nil }
        return joined.withUnsafeBufferPointer { jb -> (value: JSONValue, end: Int)? in
            guard case .success(let r) = JSONParser.parsePrefix(jb, from: 0), r.end > 0 else { return nil }
            return (r.value, origin[r.end - 1] + 1)
        }
    }

    /// Reads the array's first elements one by one, as far as they go.
    static func salvage(_ b: UnsafeBufferPointer<UInt8>, from start: Int, into f: inout OCPPFrame) {
        var r = JSONReader(b, at: start + 1)
        guard case .success(let t) = r.value(depth: 1), let n = t.intValue,
              let type = OCPPMessageType(rawValue: UInt8(clamping: max(0, n))) else { return }
        f.type = type
        r.skipSpace()
        guard r.pos < b.count, b[r.pos] == UInt8(ascii: ","), case .success(let id) = { r.pos += 1; return r.value(depth: 1) }() else { return }
        f.uniqueId = id.stringValue ?? id.plainText
        guard type.isRequest || type.isError else { return }
        r.skipSpace()
        guard r.pos < b.count, b[r.pos] == UInt8(ascii: ","), case .success(let third) = { r.pos += 1; return r.value(depth: 1) }(),
              let s = third.stringValue else { return }
        if type.isRequest { f.action = s; return }
        f.errorCode = s
        // A CALLERROR cut inside its details still tells why in its description.
        r.skipSpace()
        guard r.pos < b.count, b[r.pos] == UInt8(ascii: ","), case .success(let why) = { r.pos += 1; return r.value(depth: 1) }() else { return }
        f.errorDescription = why.plainText
    }

    /// Whatever follows the frame: spaces, `(47 bytes)`, ` color: cyan;`, or another frame are fine.
    static func checkTrailing(_ b: UnsafeBufferPointer<UInt8>, from end: Int, suffix: Suffix, into f: inout OCPPFrame) {
        var i = Bytes.skipSpaces(b, end)
        while i < b.count, b[i] == 0x0A || b[i] == 0x0D || Bytes.isSpace(b[i]) { i += 1 }
        guard i < b.count else { return }
        if suffix == .byteCount, b[i] == UInt8(ascii: "("), let close = Bytes.find(b[i...], ")"),
           Bytes.find(b[i..<close], " bytes") != nil {
            i = Bytes.skipSpaces(b, close + 1)
            if i >= b.count { return }
        }
        if suffix == .clientStyle, Bytes.hasPrefix(b, "color:", at: i) { return }
        if Bytes.findFrameStart(b[i...]) == i { return }
        let rest = text(b, i..<b.count)
        let shown = rest.count > 40 ? String(rest.prefix(40)) + "…" : rest
        f.issues.append(OCPPIssue(.warning, .trailingText, "text after the frame: \(shown)"))
    }

    /// Checks the OCPP-J array shape and fills type, id, action, payload or error parts.
    static func shape(_ v: JSONValue, into f: inout OCPPFrame) {
        guard case .array(let items) = v, !items.isEmpty else {
            f.broken = "not an OCPP-J array"
            return
        }
        guard let n = items[0].intValue, let type = OCPPMessageType(rawValue: UInt8(clamping: max(0, min(n, 255)))) else {
            f.broken = "unknown message type \(items[0].plainText)"
            return
        }
        f.type = type
        guard items.count >= 2 else { f.broken = "\(type.label) without a unique id"; return }
        switch items[1] {
        case .string(let s): f.uniqueId = s
        case .number(let s):
            f.uniqueId = s
            f.issues.append(OCPPIssue(.warning, .wrongType, path: "uniqueId", "unique id is a number, not a string"))
        default:
            f.broken = "unique id is a \(items[1].kindName)"
            return
        }
        if let id = f.uniqueId, id.utf8.count > 36 {
            f.issues.append(OCPPIssue(.info, .tooLong, path: "uniqueId", "unique id longer than 36 characters"))
        }
        let expected: Int
        switch type {
        case .call, .send:
            expected = 4
            guard items.count >= 3, let action = items[2].stringValue else {
                f.broken = "\(type.label) without an action name"
                return
            }
            f.action = action
            if items.count >= 4 { f.payload = items[3] } else {
                f.payload = .object([])
                f.issues.append(OCPPIssue(.warning, .missingField, path: "payload", "\(type.label) without a payload"))
            }
        case .callResult:
            expected = 3
            if items.count >= 3 { f.payload = items[2] } else {
                f.payload = .object([])
                f.issues.append(OCPPIssue(.warning, .missingField, path: "payload", "CALLRESULT without a payload"))
            }
        case .callError, .callResultError:
            expected = 5
            f.errorCode = items.count >= 3 ? (items[2].stringValue ?? items[2].plainText) : nil
            f.errorDescription = items.count >= 4 ? items[3].plainText : nil
            f.errorDetails = items.count >= 5 ? items[4] : nil
            if items.count < 5 {
                f.issues.append(OCPPIssue(.info, .missingField, "\(type.label) has \(items.count) elements, 5 expected"))
            }
            if let code = f.errorCode, CallErrorCode(rawValue: code) == nil {
                f.issues.append(OCPPIssue(.warning, .unknownEnumValue, path: "errorCode", "unknown CALLERROR code \(code)"))
            }
        }
        if items.count > expected {
            f.issues.append(OCPPIssue(.info, .unknownField, "\(type.label) has \(items.count) elements, \(expected) expected"))
        }
        if let p = f.payload, (type == .call || type == .send || type == .callResult), p.objectValue == nil {
            f.issues.append(OCPPIssue(.warning, .wrongType, path: "payload", "payload is a \(p.kindName), not an object"))
        }
    }

    // MARK: proxy pipe

    /// The head of a pipe line, `<pipeId>=<Action>=` or `<pipeId>=<Action>Response=`: the id, the action
    /// (without `Response`), the message type and where the JSON starts.
    struct PipeHead {
        var id: String
        var action: String
        var type: OCPPMessageType
        var payloadStart: Int
    }

    /// The head of the pipe line at `start`; nil when the bytes are not `<id>=<letters and digits>=`.
    static func pipeHead(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> PipeHead? {
        guard let eq1 = Bytes.find(b[start...], "="), let eq2 = Bytes.find(b[(eq1 + 1)...], "=") else { return nil }
        guard eq2 > eq1 + 1, b[(eq1 + 1)..<eq2].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) }) else {
            return nil
        }
        var action = text(b, (eq1 + 1)..<eq2)
        var type = OCPPMessageType.call
        if action.hasSuffix("Response") && action != "Response" {
            action.removeLast(8)
            type = .callResult
        }
        return PipeHead(id: text(b, start..<eq1), action: action, type: type, payloadStart: eq2 + 1)
    }

    /// `<pipeId>=<Action>=<json>` / `<pipeId>=<Action>Response=<json>` starting at `start`.
    static func decodePipe(_ b: UnsafeBufferPointer<UInt8>, from start: Int, hint: CarrierHint) -> OCPPFrame? {
        guard let head = pipeHead(b, from: start) else { return nil }
        // The raw bytes are copied once, over the range the frame ends up with.
        var f = OCPPFrame(channel: .pipe, hint: hint, type: head.type, uniqueId: head.id, action: head.action, payload: nil,
                          errorCode: nil, errorDescription: nil, errorDetails: nil,
                          rawBytes: [], range: start..<b.count, broken: nil, issues: [])
        switch JSONParser.parsePrefix(b, from: head.payloadStart) {
        case .success(let (value, end)):
            f.payload = value
            f.range = start..<end
            f.rawBytes = Array(b[start..<end])
            checkTrailing(b, from: end, suffix: .none, into: &f)
            if value.objectValue == nil {
                f.issues.append(OCPPIssue(.warning, .wrongType, path: "payload", "payload is a \(value.kindName), not an object"))
            }
        case .failure(let e):
            f.rawBytes = Array(b[start..<b.count])
            f.broken = "invalid JSON: \(e.reason) at byte \(e.offset - head.payloadStart) of the payload"
        }
        return f
    }
}
