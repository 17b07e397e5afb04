/// A UTC instant that an OCPP payload states (times in OCPP are UTC by the specification), and whose
/// clock stated it: the charger's (`timestamp` of StatusNotification, Start/StopTransaction,
/// TransactionEvent, MeterValues…) or the central system's (`currentTime` of the BootNotification and
/// Heartbeat answers).
public struct PayloadTime: Sendable, Equatable {
    public enum Clock: UInt8, Sendable, Equatable {
        case charger
        case central
    }

    public var time: Int64
    public var clock: Clock

    public init(time: Int64, clock: Clock) {
        self.time = time
        self.clock = clock
    }

    /// Charger-to-central calls whose top-level field states when the charger sent (or saw) it.
    static let chargerStamped: [String: String] = [
        "StatusNotification": "timestamp", "StartTransaction": "timestamp", "StopTransaction": "timestamp",
        "TransactionEvent": "timestamp", "SecurityEventNotification": "timestamp",
        "NotifyEvent": "generatedAt", "NotifyReport": "generatedAt", "NotifyMonitoringReport": "generatedAt",
    ]

    /// The time a frame states about the moment it was sent, if any. MeterValues give their latest sample's
    /// time; an answer its `currentTime`. Times that are not complete RFC 3339 stamps give nothing.
    public static func of(_ frame: OCPPFrame) -> PayloadTime? {
        guard let payload = frame.payload, let type = frame.type else { return nil }
        switch type {
        case .callResult:
            guard let s = payload["currentTime"]?.stringValue, let t = OCPPTime.parse(s) else { return nil }
            return PayloadTime(time: t, clock: .central)
        case .call, .send:
            guard let action = frame.action else { return nil }
            if action == "MeterValues" {
                let stamps = (payload["meterValue"]?.arrayValue ?? []).compactMap { $0["timestamp"]?.stringValue.flatMap(OCPPTime.parse) }
                return stamps.max().map { PayloadTime(time: $0, clock: .charger) }
            }
            guard let field = chargerStamped[action], let s = payload[field]?.stringValue, let t = OCPPTime.parse(s) else { return nil }
            return PayloadTime(time: t, clock: .charger)
        default:
            return nil
        }
    }
}
