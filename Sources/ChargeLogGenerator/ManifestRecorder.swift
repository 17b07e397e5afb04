import ChargeLogCore

/// Collects what the simulation writes, and derives the problems from it (CALLERRORs, unanswered
/// and slow calls, heartbeat gaps, registers going backwards, energy mismatches, open transactions),
/// so the manifest lists exactly what the logs show.
final class ManifestRecorder {
    typealias Event = GeneratedManifest.Event

    static let slowAnswerMs: Int64 = 5000
    static let energyToleranceWh = 1000

    struct OpenTransaction {
        var record: GeneratedManifest.Transaction
        var startRequest: Int64
        var lastRegisterWh: Int?
    }

    private(set) var exchanges: [GeneratedManifest.Exchange] = []
    private(set) var scenarios: [Event] = []
    private(set) var problems: [Event] = []
    private var transactions: [Int: OpenTransaction] = [:]
    private var transactionOrder: [Int] = []
    private var heartbeats: [Int64] = []
    private var clockCheckRecorded = false
    private var unitMismatchRecorded = false

    static func iso(_ t: Int64) -> String { CivilTime.iso8601(t) }

    // MARK: exchanges

    func exchange(uniqueId: String, action: String, fromCharger: Bool, request: Int64, response: Int64?,
                  error: String? = nil, websocket: Bool) {
        let connection = websocket ? "websocket" : "pipe"
        let result = response == nil ? "none" : (error == nil ? "CALLRESULT" : "CALLERROR")
        let latency = response.map { $0 - request }
        exchanges.append(GeneratedManifest.Exchange(
            uniqueId: uniqueId, action: action, direction: fromCharger ? "cp->cs" : "cs->cp",
            requestTime: Self.iso(request), responseTime: response.map(Self.iso), latencyMs: latency.map { Int($0) },
            result: result, errorCode: error, connection: connection))
        if fromCharger && action == "Heartbeat" && !websocket { heartbeats.append(request) }
        if let r = response, let e = error {
            problem(.callError, at: r, uniqueId: uniqueId, connection: connection, detail: "\(action) answered \(e)")
        } else if response == nil {
            problem(.unansweredCall, at: request, uniqueId: uniqueId, connection: connection,
                    detail: "\(action) never answered")
        } else if let l = latency, l > Self.slowAnswerMs {
            problem(.slowAnswer, at: request, valueMs: l, uniqueId: uniqueId, connection: connection,
                    detail: "\(action) answered after \(l) ms")
        }
    }

    // MARK: scenarios and problems

    func scenario(_ kind: ScenarioKind, at t: Int64, end: Int64? = nil, valueMs: Int64? = nil, connector: Int? = nil,
                  transactionId: Int? = nil, uniqueId: String? = nil, detail: String) {
        scenarios.append(Event(kind: kind.rawValue, time: Self.iso(t), endTime: end.map(Self.iso), valueMs: valueMs,
                               connector: connector, transactionId: transactionId, uniqueId: uniqueId,
                               connection: nil, detail: detail))
    }

    func problem(_ kind: ProblemKind, at t: Int64, end: Int64? = nil, valueMs: Int64? = nil, connector: Int? = nil,
                 transactionId: Int? = nil, uniqueId: String? = nil, connection: String? = nil, detail: String) {
        problems.append(Event(kind: kind.rawValue, time: Self.iso(t), endTime: end.map(Self.iso), valueMs: valueMs,
                              connector: connector, transactionId: transactionId, uniqueId: uniqueId,
                              connection: connection, detail: detail))
    }

    /// A `Time difference ... good, no need to sync` line (recorded once per bundle, see `clockCheckedOCPP`).
    func clockChecked(at t: Int64) {
        guard !clockCheckRecorded else { return }
        clockCheckRecorded = true
        scenario(.clockCheckedOCPP, at: t, detail: "charger clock compared with the OCPP time and kept")
    }

    // MARK: transactions

    func startTransaction(id: Int, connector: Int, idTag: String, remote: Bool, start: Int64, meterStart: Int,
                          internalId: String, request: Int64) {
        transactions[id] = OpenTransaction(
            record: GeneratedManifest.Transaction(
                transactionId: id, connector: connector, idTag: idTag, auth: remote ? "Remote" : "RFID",
                start: Self.iso(start), stop: nil, meterStart: meterStart, meterStop: nil, energyWh: nil, reason: nil,
                stopStatus: nil, meterValues: 0, internalId: internalId, stopKind: nil),
            startRequest: request, lastRegisterWh: nil)
        transactionOrder.append(id)
    }

    /// A MeterValues message; `register` is the Energy.Active.Import.Register value as printed (kWh).
    func meterValue(transaction id: Int, register: String, request: Int64) {
        guard var tx = transactions[id] else { return }
        tx.record.meterValues += 1
        let wh = Self.wattHours(register)
        if let last = tx.lastRegisterWh, wh < last {
            problem(.meterBackwards, at: request, connector: tx.record.connector, transactionId: id,
                    detail: "register \(register) kWh after \(Double(last) / 1000) kWh")
        }
        tx.lastRegisterWh = wh
        transactions[id] = tx
    }

    /// A StopTransaction; `registerAtStop` is the register printed in its transactionData (kWh).
    func stopTransaction(id: Int, stop: Int64, meterStop: Int, reason: String, stopStatus: String, stopKind: String,
                         registerAtStop: String, request: Int64) {
        guard var tx = transactions[id] else { return }
        tx.record.stop = Self.iso(stop)
        tx.record.meterStop = meterStop
        tx.record.energyWh = meterStop - tx.record.meterStart
        tx.record.reason = reason
        tx.record.stopStatus = stopStatus
        tx.record.stopKind = stopKind
        if !unitMismatchRecorded {
            unitMismatchRecorded = true
            problem(.meterUnitMismatch, at: request,
                    detail: "transactionData Outlet register \(registerAtStop) labelled Wh (it is kWh)")
        }
        let atStop = Self.wattHours(registerAtStop)
        if abs(meterStop - atStop) > Self.energyToleranceWh {
            problem(.energyMismatch, at: request, connector: tx.record.connector, transactionId: id,
                    detail: "meterStop \(meterStop) Wh vs register \(registerAtStop) kWh at the stop")
        }
        transactions[id] = tx
    }

    static func wattHours(_ kWh: String) -> Int { Int(((Double(kWh) ?? 0) * 1000).rounded()) }

    // MARK: finish

    /// Adds the problems only the whole run shows, and returns the transactions in start order.
    func finish(heartbeatInterval: Int64) -> [GeneratedManifest.Transaction] {
        for (a, b) in zip(heartbeats, heartbeats.dropFirst()) where b - a > 2 * heartbeatInterval {
            problem(.heartbeatGap, at: a, end: b, valueMs: b - a,
                    detail: "no Heartbeat for \((b - a) / 1000) s (interval \(heartbeatInterval / 1000) s)")
        }
        var out: [GeneratedManifest.Transaction] = []
        for id in transactionOrder {
            guard let tx = transactions[id] else { continue }
            if tx.record.stop == nil {
                problem(.neverStopped, at: tx.startRequest, connector: tx.record.connector, transactionId: id,
                        detail: "transaction \(id) has no StopTransaction")
            }
            out.append(tx.record)
        }
        problems.sort { ($0.time, $0.kind) < ($1.time, $1.kind) }
        scenarios.sort { ($0.time, $0.kind) < ($1.time, $1.kind) }
        return out
    }
}
