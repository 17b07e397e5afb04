/// A charging transaction rebuilt from the OCPP messages (1.6 Start/Stop/MeterValues or 2.0.1
/// TransactionEvent), each message counted once even when the proxy logged it twice.
public struct OCPPTransaction: Sendable {
    /// The OCPP transaction id (1.6 integer as text, 2.0.1 string). A start that never got an id
    /// (unanswered or rejected StartTransaction) is listed as `?<connector>@<start time>`.
    public var transactionId: String
    public var connector: Int?
    public var evse: Int?
    public var idTag: String?
    /// How it was authorised: `RFID`, `Remote`, `Local` (no authorisation exchange seen),
    /// 2.0.1 token types (`eMAID`, `KeyCode`, ...), or `Unknown` when the start is not in the log.
    public var auth: String
    /// Start and stop time: the payload's `timestamp` (the charger's clock), else the log time.
    public var start: Int64?
    public var stop: Int64?
    /// Wh.
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

    /// No stop seen.
    public var isOpen: Bool { stop == nil && stopRef == nil }

    /// meterStop − meterStart, Wh.
    public var energyWh: Double? {
        guard let a = meterStart, let b = meterStop else { return nil }
        return b - a
    }

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
