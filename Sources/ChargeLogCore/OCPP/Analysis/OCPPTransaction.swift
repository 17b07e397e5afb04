/// A charging transaction rebuilt from the OCPP messages (1.6 Start/Stop/MeterValues or 2.0.1
/// TransactionEvent), each message counted once even when the proxy logged it twice.
public struct OCPPTransaction: Sendable {
    /// The OCPP transaction id (1.6 integer as text, 2.0.1 string). A start that never got an id
    /// (unanswered or rejected StartTransaction) is listed as `?<connector>@<start time>`.
    public var transactionId: String
    /// The connector the transaction ran on: 1.6 `connectorId`; 2.0.1 the EVSE id (an EVSE holds one
    /// transaction at a time), with the connector inside the EVSE in `evseConnector`. Shown as
    /// `connectorLabel` (`1`, or `2/1` for EVSE 2 connector 1).
    public var connector: Int?
    /// 2.0.1 `evse.id`.
    public var evse: Int?
    /// 2.0.1 `evse.connectorId`.
    public var evseConnector: Int? = nil
    public var idTag: String?
    /// How it was authorised: `RFID`, `Remote`, `Local` (no authorisation exchange seen),
    /// 2.0.1 token types (`eMAID`, `KeyCode`, ...), or `Unknown` when the start is not in the log.
    public var auth: String
    /// Start and stop time: the payload's `timestamp` (the charger's clock), else the log time.
    public var start: Int64?
    public var stop: Int64?
    /// Wh. 1.6: StartTransaction `meterStart` / StopTransaction `meterStop`. 2.0.1 (which has no such
    /// fields): the first and last `Energy.Active.Import.Register` reading of the transaction's events
    /// (the Transaction.Begin / Transaction.End reading when sent; the sum of the phases when only
    /// per-phase readings are sent), so an open transaction shows the energy so far.
    public var meterStart: Double?
    public var meterStop: Double?
    /// The stop reason; the spec default `Local` when a StopTransaction names none.
    public var reason: String?
    /// `Accepted` (a CALLRESULT), `CALLERROR:<code>`, `none` (stop sent, no answer), nil (no stop).
    public var stopStatus: String?
    /// The idTagInfo status of the stop's answer, when it carries one.
    public var stopIdTagStatus: String?
    /// Number of MeterValues messages (2.0.1: TransactionEvent Updated with meter values).
    public var meterValues: Int
    /// The meter series, normalised, in message order.
    public var samples: [MeterSample]
    /// OCMF signed values (begin/end), each once.
    public var signedValues: [SignedMeterValue]
    /// The charger's own transaction uuid (Sungrow MainProcess `lem start transaction`).
    public var internalId: String?
    /// The start is not in the log: only a MeterValues or StopTransaction names this id.
    public var startedBeforeLog: Bool
    /// The records of the start, stop, remote start / stop messages (primary copies).
    public var startRef: RecordRef?
    public var stopRef: RecordRef?
    public var remoteStartRef: RecordRef?
    public var remoteStopRef: RecordRef?
    public var authorizeRef: RecordRef?
    /// Log time span used to find correlated records in other streams.
    public var firstLogTime: Int64
    public var lastLogTime: Int64
    public var issues: [OCPPIssue]
    /// 2.0.1: the TransactionEvents, each once (a resent seqNo is not repeated), in log order.
    public var events: [TransactionEventStep] = []

    /// No stop seen.
    public var isOpen: Bool { stop == nil && stopRef == nil }

    /// meterStop − meterStart, Wh.
    public var energyWh: Double? {
        guard let a = meterStart, let b = meterStop else { return nil }
        return b - a
    }

    /// `1` (1.6), `2/1` (2.0.1 EVSE 2, connector 1), nil when unknown.
    public var connectorLabel: String? { ConnectorLabel.text(connector: connector, evse: evse, evseConnector: evseConnector) }

    /// 2.0.1: each change of `chargingState`, with the event that reported it.
    public var chargingStateChanges: [TransactionEventStep] {
        var out: [TransactionEventStep] = []
        for e in events where e.chargingState != nil && e.chargingState != out.last?.chargingState { out.append(e) }
        return out
    }

    /// 2.0.1: how often each triggerReason occurs, in first-seen order.
    public var triggerReasons: [(reason: String, count: Int)] {
        var order: [String] = []
        var n: [String: Int] = [:]
        for e in events {
            let r = e.triggerReason ?? "?"
            if n[r] == nil { order.append(r) }
            n[r, default: 0] += 1
        }
        return order.map { ($0, n[$0]!) }
    }

    /// 2.0.1: events sent with `offline: true` (replayed after a connection loss).
    public var offlineEvents: Int { events.filter(\.offline).count }

    /// OCMF begin/end readings compared with meterStart/meterStop.
    public var ocmfChecks: [OCMFMeterCheck] { OCMFMeterCheck.checks(signedValues, meterStart: meterStart, meterStop: meterStop) }
}

/// Whether an OCMF begin or end reading agrees with the OCPP meterStart / meterStop.
public struct OCMFMeterCheck: Sendable, Equatable {
    public enum Which: String, Sendable { case begin, end }
    public var which: Which
    public var ocmfWh: Double
    public var ocppWh: Double
    public var differenceWh: Double { ocmfWh - ocppWh }
    /// Within `tolerance` Wh (the OCMF register resolution plus rounding of the OCPP integer).
    public var agrees: Bool { abs(differenceWh) <= Self.tolerance }

    public static let tolerance = 10.0

    static func checks(_ values: [SignedMeterValue], meterStart: Double?, meterStop: Double?) -> [OCMFMeterCheck] {
        let docs = values.compactMap(\.document)
        var out: [OCMFMeterCheck] = []
        if let ms = meterStart, let r = docs.lazy.compactMap(\.beginReading).first, let wh = r.valueWh {
            out.append(OCMFMeterCheck(which: .begin, ocmfWh: wh, ocppWh: ms))
        }
        if let ms = meterStop, let r = docs.reversed().lazy.compactMap(\.endReading).first, let wh = r.valueWh {
            out.append(OCMFMeterCheck(which: .end, ocmfWh: wh, ocppWh: ms))
        }
        return out
    }
}
