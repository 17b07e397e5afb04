/// Frames in a JSON-lines record: an OCPP-J array as a field's value (found in the raw bytes), or a
/// frame written into a string field (`"message":"send [2,\"42\",\"Heartbeat\",{}]"`), read from
/// the string's unescaped text. A `direction` / `dir` field (`in`, `out`, `cp-to-csms`, …) gives the
/// way; else the words before the frame do.
enum JSONLineFrames {
    static func frames(_ b: UnsafeBufferPointer<UInt8>) -> [OCPPFrame] {
        var out = FrameExtractor.mayHoldFrame(b) ? FrameExtractor.bareFrames(b, channel: .frames) : []
        guard let r = JSONLineRecord.parse(b) else { return out }
        if mayHoldEscapedFrame(b) {
            var strings: [String] = []
            for f in r.fields { collect(f.value, into: &strings) }
            for s in strings {
                let bytes = Array(s.utf8)
                out += bytes.withUnsafeBufferPointer { FrameExtractor.bareFrames($0, channel: .frames) }
            }
        }
        if let way = direction(r) {
            for i in out.indices { out[i].hint = way }
        }
        return out
    }

    /// A `[2,\"` (a frame's start with its quote escaped) anywhere in the record.
    static func mayHoldEscapedFrame(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 4 < b.count {
            if b[i] == UInt8(ascii: "["), b[i + 1] >= UInt8(ascii: "2"), b[i + 1] <= UInt8(ascii: "6") {
                var j = Bytes.skipSpaces(b, i + 2)
                if j < b.count, b[j] == UInt8(ascii: ",") {
                    j = Bytes.skipSpaces(b, j + 1)
                    if Bytes.hasPrefix(b, "\\\"", at: j) { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// Every string value holding a `[` (nested objects and arrays included).
    static func collect(_ v: JSONValue, into out: inout [String]) {
        switch v {
        case .string(let s): if s.utf8.contains(UInt8(ascii: "[")) { out.append(s) }
        case .array(let items): for x in items { collect(x, into: &out) }
        case .object(let fields): for f in fields { collect(f.value, into: &out) }
        default: break
        }
    }

    static func direction(_ r: JSONLineRecord) -> CarrierHint? {
        guard let w = (r.string("direction") ?? r.string("dir"))?.lowercased() else { return nil }
        switch w {
        case "cp-to-csms", "cp->cs", "cp->csms", "chargepoint>centralsystem", "cp>csms": return .fromStation
        case "csms-to-cp", "cs->cp", "csms->cp", "centralsystem>chargepoint", "csms>cp": return .toStation
        case "in", "incoming", "received", "receive", "rx", "recv": return .received
        case "out", "outgoing", "sent", "send", "tx": return .sent
        default: return nil
        }
    }
}
