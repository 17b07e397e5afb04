import ChargeLogCore

/// An OCPP message found in a log line without any wider context: a bare OCPP-J frame
/// (`[2,"id","Action",{...}]`, `[3,"id",{...}]`, `[4,"id","code","text",{...}]`) or a Sungrow
/// proxy pipe message (`[From charging station]: <pipeId>=<Action>[Response]={...}`).
public struct OCPPMessageText: Sendable, Equatable {
    public enum Hop: String, Sendable, Equatable {
        /// The proxy's local pipe to the charger.
        case pipe
        /// OCPP-J over the WebSocket (or a bare frame log).
        case websocket
    }

    public var kind: RowSummary.MessageKind
    public var uniqueId: String
    /// The action for a CALL or a pipe message; nil for a bare CALLRESULT/CALLERROR.
    public var action: String?
    public var payload: JSONValue?
    public var errorCode: String?
    public var errorDescription: String?
    public var hop: Hop
    public var direction: RowSummary.Direction

    /// Actions a charge point sends (OCPP 1.6 and the security extension).
    static let chargePointActions: Set<String> = [
        "Authorize", "BootNotification", "Heartbeat", "MeterValues", "StartTransaction", "StatusNotification",
        "StopTransaction", "DiagnosticsStatusNotification", "FirmwareStatusNotification", "SecurityEventNotification",
        "SignCertificate", "SignedFirmwareStatusNotification", "LogStatusNotification", "TransactionEvent",
        "NotifyReport", "NotifyEvent",
    ]

    /// Finds the first OCPP message in `text`.
    public static func parse(_ text: String) -> OCPPMessageText? { parse(bytes: Array(text.utf8)) }

    /// Finds the first OCPP message in a record's bytes. Without `payload` the JSON body is not
    /// parsed (faster, for filters that need only the type, id and action).
    public static func parse(bytes: [UInt8], payload: Bool = true) -> OCPPMessageText? {
        if let pipe = parsePipe(bytes, payload: payload) { return pipe }
        var from = 0
        while let start = ByteScan.frameStart(bytes, from: from) {
            if var m = parseFrame(bytes, at: start, payload: payload) {
                m.direction = direction(context: bytes[..<start], message: m)
                return m
            }
            from = start + 1
        }
        return nil
    }

    static func parseFrame(_ bytes: [UInt8], at start: Int, payload: Bool) -> OCPPMessageText? {
        // A frame cut short (truncated line) still names its type, id and action or error code.
        guard let a = JSONParser.parseArrayPrefix(bytes, at: start, maxItems: payload ? .max : 3),
              let type = a.first?.intValue, a.count >= 2, let id = a[1].stringValue else { return nil }
        switch type {
        case 2:
            guard a.count >= 3, let action = a[2].stringValue else { return nil }
            return OCPPMessageText(kind: .call, uniqueId: id, action: action, payload: a.count > 3 ? a[3] : nil,
                                   hop: .websocket, direction: .unknown)
        case 3:
            return OCPPMessageText(kind: .result, uniqueId: id, action: nil, payload: a.count > 2 ? a[2] : nil,
                                   hop: .websocket, direction: .unknown)
        case 4:
            return OCPPMessageText(kind: .error, uniqueId: id, action: nil, payload: a.count > 4 ? a[4] : nil,
                                   errorCode: a.count > 2 ? a[2].stringValue : nil,
                                   errorDescription: a.count > 3 ? a[3].stringValue : nil,
                                   hop: .websocket, direction: .unknown)
        default:
            return nil
        }
    }

    static let sendWords = ["sending", "send:", "send data"].map { Array($0.utf8) }
    static let receiveWords = ["receive"].map { Array($0.utf8) }

    static func direction(context: ArraySlice<UInt8>, message m: OCPPMessageText) -> RowSummary.Direction {
        let ctx = Array(context.suffix(64))
        if sendWords.contains(where: { ByteScan.contains(ctx, $0, folded: true) }) { return .toCentral }
        if receiveWords.contains(where: { ByteScan.contains(ctx, $0, folded: true) }) { return .toChargePoint }
        if m.kind == .call, let a = m.action {
            return chargePointActions.contains(a) ? .toCentral : (a == "DataTransfer" ? .unknown : .toChargePoint)
        }
        return .unknown
    }

    /// `... [From charging station]: 0603...=StartTransaction={    "connectorId": 1, ...}`
    static func parsePipe(_ b: [UInt8], payload wanted: Bool) -> OCPPMessageText? {
        guard ByteScan.contains(b, pipeMarker) else { return nil }
        for (m, dir) in pipeMarkers {
            guard let at = ByteScan.find(b, m) else { continue }
            var i = at + m.count
            while i < b.count, b[i] == 0x20 { i += 1 }
            guard let eq1 = b[i...].firstIndex(of: UInt8(ascii: "=")) else { return nil }
            let id = String(decoding: b[i..<eq1], as: UTF8.self)
            guard let eq2 = b[(eq1 + 1)...].firstIndex(of: UInt8(ascii: "=")) else { return nil }
            var action = String(decoding: b[(eq1 + 1)..<eq2], as: UTF8.self)
            guard !id.isEmpty, !action.isEmpty, action.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
            let isResponse = action.hasSuffix("Response")
            if isResponse { action.removeLast("Response".count) }
            let payload = wanted ? JSONParser.parse(b, at: eq2 + 1)?.value : nil
            return OCPPMessageText(kind: isResponse ? .result : .call, uniqueId: id, action: action, payload: payload,
                                   hop: .pipe, direction: dir)
        }
        return nil
    }

    static let pipeMarker = ByteScan.bytes(" charging station]:")
    static let pipeMarkers: [([UInt8], RowSummary.Direction)] = [
        (ByteScan.bytes("[From charging station]:"), .toCentral), (ByteScan.bytes("[To charging station]:"), .toChargePoint),
    ]
}
