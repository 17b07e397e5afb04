/// What the transaction and state builders need from one payload, extracted once during the scan
/// so payloads need not be kept. Indirect: each fact costs its own size, not the largest case's.
indirect enum MessageFacts: Sendable {
    case authorize(idTag: String)
    case remoteStart(connector: Int?, idTag: String?, hasProfile: Bool)
    case remoteStop(transactionId: String)
    case start(StartFacts)
    case meterValues(MeterFacts)
    case stop(StopFacts)
    case status(StatusFacts)
    case transactionEvent(TransactionEventFacts)
    case requestStart(evse: Int?, remoteStartId: Int?, idToken: String?)
    case requestStop(transactionId: String)
    case answer(transactionId: String?, status: String?)
    /// A request whose readings were handed to its transaction (`TransactionBuilder` consumes them so
    /// they are not held twice); nothing reads it again.
    case handedOver

    struct StartFacts: Sendable {
        var connector: Int?
        var idTag: String?
        var meterStart: Int?
        var timestamp: Int64?
        var reservationId: Int?
    }

    struct MeterFacts: Sendable {
        var connector: Int?
        var transactionId: String?
        var samples: [MeterSample]
        var signed: [SignedMeterValue]
        /// Payload fingerprint without `connectorId`, to count a resent or copied message once.
        var fingerprint: UInt64
    }

    struct StopFacts: Sendable {
        var transactionId: String?
        /// Not in the 1.6 schema, but the Sungrow pipe copy carries it.
        var connector: Int?
        var idTag: String?
        var meterStop: Int?
        var timestamp: Int64?
        var reason: String?
        var samples: [MeterSample]
        var signed: [SignedMeterValue]
        var fingerprint: UInt64
    }

    struct StatusFacts: Sendable {
        var connector: Int?
        var evse: Int?
        var status: String?
        var errorCode: String?
        var vendorErrorCode: String?
        var vendorId: String?
        var info: String?
        var timestamp: Int64?
    }

    struct TransactionEventFacts: Sendable {
        var eventType: String?
        var transactionId: String?
        var seqNo: Int?
        var triggerReason: String?
        var timestamp: Int64?
        var evse: Int?
        var connector: Int?
        var idToken: String?
        var idTokenType: String?
        var remoteStartId: Int?
        var stoppedReason: String?
        var chargingState: String?
        /// Sent while the charger was offline (a replay).
        var offline: Bool = false
        var samples: [MeterSample]
        var signed: [SignedMeterValue]
    }
}

extension MessageFacts {
    /// The readings a fact holds (meter values, stop, transaction event); nil for the others.
    var readingCount: Int? {
        switch self {
        case .meterValues(let m): m.samples.count + m.signed.count
        case .stop(let s): s.samples.count + s.signed.count
        case .transactionEvent(let e): e.samples.count + e.signed.count
        default: nil
        }
    }
}

/// Builds `MessageFacts` from a decoded payload.
enum FactsExtractor {
    /// Facts of a CALL (or SEND) payload; nil for actions nothing is built from. `reducedFingerprint`:
    /// the payload's fingerprint without `connectorId`, when the caller has it already.
    static func request(action: String, payload p: JSONValue, time: Int64, issues: inout [OCPPIssue],
                        reducedFingerprint: UInt64? = nil) -> MessageFacts? {
        func fingerprint() -> UInt64 { reducedFingerprint ?? JSONFingerprint.of(p, droppingTopLevel: ["connectorId"]) }
        switch action {
        case "Authorize":
            if let t = p["idTag"]?.stringValue { return .authorize(idTag: t) }
            if let t = p["idToken"]?["idToken"]?.stringValue { return .authorize(idTag: t) }
            return nil
        case "RemoteStartTransaction":
            return .remoteStart(connector: p["connectorId"]?.intValue, idTag: p["idTag"]?.stringValue,
                                hasProfile: p["chargingProfile"] != nil)
        case "RemoteStopTransaction":
            return p["transactionId"].map { .remoteStop(transactionId: $0.plainText) }
        case "StartTransaction":
            return .start(.init(connector: p["connectorId"]?.intValue, idTag: p["idTag"]?.stringValue,
                                meterStart: p["meterStart"]?.intValue,
                                timestamp: p["timestamp"]?.stringValue.flatMap(OCPPTime.parse),
                                reservationId: p["reservationId"]?.intValue))
        case "MeterValues":
            let m = MeterValueReader.read(p["meterValue"], path: "meterValue", fallbackTime: time)
            issues += m.issues
            return .meterValues(.init(connector: p["connectorId"]?.intValue, transactionId: p["transactionId"]?.plainText,
                                      samples: m.samples, signed: m.signed,
                                      fingerprint: fingerprint()))
        case "StopTransaction":
            let m = MeterValueReader.read(p["transactionData"], path: "transactionData", fallbackTime: time)
            issues += m.issues
            return .stop(.init(transactionId: p["transactionId"]?.plainText, connector: p["connectorId"]?.intValue, idTag: p["idTag"]?.stringValue,
                               meterStop: p["meterStop"]?.intValue,
                               timestamp: p["timestamp"]?.stringValue.flatMap(OCPPTime.parse),
                               reason: p["reason"]?.stringValue, samples: m.samples, signed: m.signed,
                               fingerprint: fingerprint()))
        case "StatusNotification":
            return .status(.init(connector: p["connectorId"]?.intValue, evse: p["evseId"]?.intValue,
                                 status: (p["status"] ?? p["connectorStatus"])?.stringValue,
                                 errorCode: p["errorCode"]?.stringValue, vendorErrorCode: p["vendorErrorCode"]?.stringValue,
                                 vendorId: p["vendorId"]?.stringValue, info: p["info"]?.stringValue,
                                 timestamp: p["timestamp"]?.stringValue.flatMap(OCPPTime.parse)))
        case "TransactionEvent":
            let m = MeterValueReader.read(p["meterValue"], path: "meterValue", fallbackTime: time)
            issues += m.issues
            let info = p["transactionInfo"]
            return .transactionEvent(.init(
                eventType: p["eventType"]?.stringValue, transactionId: info?["transactionId"]?.plainText,
                seqNo: p["seqNo"]?.intValue, triggerReason: p["triggerReason"]?.stringValue,
                timestamp: p["timestamp"]?.stringValue.flatMap(OCPPTime.parse),
                evse: p["evse"]?["id"]?.intValue, connector: p["evse"]?["connectorId"]?.intValue,
                idToken: p["idToken"]?["idToken"]?.stringValue, idTokenType: p["idToken"]?["type"]?.stringValue,
                remoteStartId: info?["remoteStartId"]?.intValue, stoppedReason: info?["stoppedReason"]?.stringValue,
                chargingState: info?["chargingState"]?.stringValue, offline: p["offline"]?.boolValue ?? false,
                samples: m.samples, signed: m.signed))
        case "RequestStartTransaction":
            return .requestStart(evse: p["evseId"]?.intValue, remoteStartId: p["remoteStartId"]?.intValue,
                                 idToken: p["idToken"]?["idToken"]?.stringValue)
        case "RequestStopTransaction":
            return p["transactionId"].map { .requestStop(transactionId: $0.plainText) }
        default:
            return nil
        }
    }

    /// Actions whose answers the transaction builder reads.
    static func answerMatters(_ action: String) -> Bool {
        switch action {
        case "StartTransaction", "StopTransaction", "Authorize", "RemoteStartTransaction", "RequestStartTransaction",
             "TransactionEvent": true
        default: false
        }
    }

    /// Facts of a CALLRESULT: a transaction id and a status, wherever the answer puts them.
    static func answer(_ p: JSONValue) -> MessageFacts? {
        let tx = p["transactionId"]?.plainText
        let status = p["status"]?.stringValue ?? p["idTagInfo"]?["status"]?.stringValue
            ?? p["idTokenInfo"]?["status"]?.stringValue
        if tx == nil && status == nil { return nil }
        return .answer(transactionId: tx, status: status)
    }
}
