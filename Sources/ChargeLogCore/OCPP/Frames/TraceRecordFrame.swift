/// The frame of an Open OCPP Trace record: `raw` when the record has it (the frame's own text),
/// else rebuilt from `messageType`, `messageId`, `action`, `payload` and `error`. The way comes
/// from `direction`, the station from `chargePointId`.
enum TraceRecordFrame {
    static func frames(_ b: UnsafeBufferPointer<UInt8>) -> [OCPPFrame] {
        guard let r = JSONLineRecord.parse(b) else { return [] }
        let hint: CarrierHint = switch r.string("direction") {
        case "cp-to-csms": .fromStation
        case "csms-to-cp": .toStation
        default: .none
        }
        var text: [UInt8]
        if let raw = r.string("raw"), !raw.isEmpty {
            text = Array(raw.utf8)
        } else if let rebuilt = rebuild(r) {
            text = Array(rebuilt.utf8)
        } else {
            return []
        }
        var f = text.withUnsafeBufferPointer { t -> OCPPFrame in
            let start = Bytes.skipSpaces(t, 0)
            return FrameDecoder.decodeArray(t, from: start, channel: .frames, hint: hint, suffix: .none)
        }
        f.chargePointId = r.string("chargePointId")
        return [f]
    }

    /// The OCPP-J array the record's fields describe, as JSON text; nil without a message type.
    static func rebuild(_ r: JSONLineRecord) -> String? {
        let id = JSONValue.string(r.string("messageId") ?? "")
        var items: [JSONValue]
        switch r.string("messageType") {
        case "CALL":
            items = [.number("2"), id, .string(r.string("action") ?? ""), r.value(["payload"]) ?? .object([])]
        case "CALLRESULT":
            items = [.number("3"), id, r.value(["payload"]) ?? .object([])]
        case "CALLERROR":
            let e = r.value(["error"])?.objectValue ?? []
            func field(_ k: String) -> JSONValue? { e.first { $0.key == k }?.value }
            items = [.number("4"), id, field("code") ?? .string(""), field("description") ?? .string(""),
                     field("details") ?? .object([])]
        default:
            return nil
        }
        return JSONPrinter.compact(.array(items))
    }
}
