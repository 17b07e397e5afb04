import Foundation
@testable import ChargeLogCore

/// Writes a Sungrow-shaped bundle (proxy log + MainProcess log) with known content, in the exact line
/// shapes of seed 000: every charger message as the pipe line and the websocket line with different
/// ids, CPO calls with the websocket id on both sides. It records the transactions and exchanges it
/// planted, so a test can compare the analysis with them exactly. Deterministic (SplitMix64).
struct ProxyBundleWriter {
    struct Transaction: Equatable, CustomStringConvertible {
        var transactionId: String
        var connector: Int?
        var idTag: String?
        var auth: String
        var start: Int64?
        var stop: Int64?
        var meterStart: Double?
        var meterStop: Double?
        var reason: String?
        var stopStatus: String?
        var meterValues: Int
        var internalId: String?
        var description: String {
            "\(transactionId) c\(connector ?? -1) \(idTag ?? "-") \(auth) \(start ?? -1)-\(stop ?? -1) \(meterStart ?? -1)-\(meterStop ?? -1) \(reason ?? "-") \(stopStatus ?? "-") mv\(meterValues) \(internalId ?? "-")"
        }
    }

    struct Exchange: Equatable, Comparable, CustomStringConvertible {
        var uniqueId: String
        var action: String?
        var direction: String
        var requestTime: Int64?
        var responseTime: Int64?
        var result: String
        var errorCode: String?
        var connection: String
        static func < (a: Exchange, b: Exchange) -> Bool {
            ((a.requestTime ?? a.responseTime)!, a.connection) < ((b.requestTime ?? b.responseTime)!, b.connection)
        }
        var description: String {
            "\(connection) \(uniqueId) \(action ?? "-") \(direction) \(requestTime ?? -1)→\(responseTime ?? -1) \(result) \(errorCode ?? "")"
        }
    }

    enum Answer {
        case result(JSONValue)
        case error(String, String)
        case none
    }

    var clock: Int64
    var rng: UInt64
    var transactions: [Transaction] = []
    var exchanges: [Exchange] = []
    var outages = 0
    private var ocpp: [UInt8] = []
    private var main: [UInt8] = []
    private let ocppHandle: FileHandle
    private let mainHandle: FileHandle
    private var nextTransaction = 600
    private var meter: [Int: Int] = [1: 7_854_588, 2: 11_026_400]
    private var online = true

    init(dir: String, start: Int64, seed: UInt64) throws {
        clock = start
        rng = seed
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/2168Vocpp", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/2168Vqt", withIntermediateDirectories: true)
        _ = fm.createFile(atPath: dir + "/2168Vocpp/A23C2706768Vocpp.log", contents: nil)
        _ = fm.createFile(atPath: dir + "/2168Vqt/A23C2706768VMainProcess.log", contents: nil)
        ocppHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/2168Vocpp/A23C2706768Vocpp.log"))
        mainHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/2168Vqt/A23C2706768VMainProcess.log"))
    }

    var bytesWritten: UInt64 = 0

    mutating func finish() throws {
        try flush(force: true)
        try ocppHandle.close()
        try mainHandle.close()
    }

    mutating func flush(force: Bool = false) throws {
        if force || ocpp.count > 1 << 22 {
            try ocppHandle.write(contentsOf: ocpp)
            bytesWritten += UInt64(ocpp.count)
            ocpp.removeAll(keepingCapacity: true)
        }
        if force || main.count > 1 << 20 {
            try mainHandle.write(contentsOf: main)
            main.removeAll(keepingCapacity: true)
        }
    }

    // MARK: randomness and text

    mutating func random() -> UInt64 {
        rng &+= 0x9E37_79B9_7F4A_7C15
        var z = rng
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func random(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(random() % UInt64(r.count)) }

    mutating func hex(_ n: Int) -> String {
        var s = ""
        while s.count < n { s += String(random(), radix: 16) }
        return String(s.prefix(n))
    }

    mutating func uuid() -> String {
        let h = hex(32)
        let c = Array(h)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }

    mutating func advance(_ ms: Int) { clock += Int64(ms) }

    var wholeSecond: Int64 { clock - clock % 1000 }

    /// `2024-05-01T14:42:14Z`
    func timestamp(_ ms: Int64) -> String { String(CivilTime.iso8601(ms).prefix(19)) + "Z" }

    mutating func proxy(_ cls: String, _ msg: String, level: String = "INFO") {
        let stamp = "\(CivilTime.display(clock)) +0000"
        ocpp += Array("\(stamp) \(level) \(cls) - \(msg)\n".utf8)
    }

    mutating func mainLine(_ msg: String) {
        let c = CivilTime.components(clock)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let p = { (v: Int) in v < 10 ? "0\(v)" : "\(v)" }
        main += Array("\(months[c.month - 1])/\(p(c.day)) \(p(c.hour)):\(p(c.minute)):\(p(c.second)) UTC --  \(msg)\n".utf8)
    }

    /// The pipe's pretty JSON with its newlines removed, keys sorted (as the seed shows).
    static func pipeJSON(_ v: JSONValue, level: Int = 0) -> String {
        let pad = String(repeating: " ", count: (level + 1) * 4)
        let close = String(repeating: " ", count: level * 4)
        switch v {
        case .object(let fields) where !fields.isEmpty:
            let sorted = fields.sorted { $0.key < $1.key }
            return "{" + sorted.map { pad + JSONText.quote($0.key) + ": " + pipeJSON($0.value, level: level + 1) }.joined(separator: ",") + close + "}"
        case .array(let items) where !items.isEmpty:
            return "[" + items.map { pad + pipeJSON($0, level: level + 1) }.joined(separator: ",") + close + "]"
        default:
            return JSONPrinter.compact(v)
        }
    }

    static func obj(_ f: [(String, JSONValue)]) -> JSONValue { .object(f.map { (key: $0.0, value: $0.1) }) }
    static func s(_ v: String) -> JSONValue { .string(v) }
    static func n(_ v: Int) -> JSONValue { .number(String(v)) }

    // MARK: calls through the proxy

    /// A charger call: pipe line, websocket copy, websocket answer, pipe answer (none after a CALLERROR).
    @discardableResult
    mutating func chargerCall(_ action: String, _ payload: JSONValue, answer: Answer,
                              pipeExtra: [(String, JSONValue)] = [], latency: Int = 300) -> Answer {
        let pipeId = action == "StatusNotification" ? "1" : hex(32)
        let wsId = uuid()
        let tPipe = clock
        proxy("PipeSession", "[From charging station]: \(pipeId)=\(action)=\(Self.pipeJSON(payload))")
        advance(15)
        proxy("ChargePoint", "The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well.")
        advance(5)
        proxy("RequestQueue", "SendRequest Queue size: 1, Store time: 1.361 ms, UUID: \(wsId)")
        advance(20)
        let tWs = clock
        proxy("WebSocketTransmitter", "Sending: [2,\"\(wsId)\",\"\(action)\",\(JSONPrinter.compact(payload))]")
        var wsAnswerTime: Int64? = nil
        var pipeAnswerTime: Int64? = nil
        var wsResult = "none", errorCode: String? = nil
        switch answer {
        case .result(let p):
            advance(latency)
            wsAnswerTime = clock
            wsResult = "CALLRESULT"
            proxy("WebSocketTransmitter", "Received: [3,\"\(wsId)\",\(JSONPrinter.compact(p))]")
            advance(6)
            proxy("RequestQueue", "Queue size: 0, Store time: 1.192 ms, UUID: \(wsId), Request process time: \(latency) ms")
            advance(60)
            pipeAnswerTime = clock
            var fields = p.objectValue ?? []
            fields += pipeExtra.map { (key: $0.0, value: $0.1) }
            proxy("PipeSession", "[To charging station]: \(pipeId)=\(action)Response=\(JSONPrinter.compact(.object(fields)))")
        case .error(let code, let desc):
            advance(latency)
            wsAnswerTime = clock
            wsResult = "CALLERROR"
            errorCode = code
            proxy("WebSocketTransmitter", "Received: [4,\"\(wsId)\",\"\(code)\",\"\(desc)\",{\"exception\":\"\(desc)\"}]")
            advance(19)
            proxy("PipeEventHandlerImpl", "Handle\(action) ExecutionException", level: "WARN")
        case .none:
            break
        }
        advance(random(200...900))
        exchanges.append(Exchange(uniqueId: pipeId, action: action, direction: "cp->cs", requestTime: tPipe,
                                  responseTime: pipeAnswerTime, result: pipeAnswerTime == nil ? "none" : "CALLRESULT",
                                  errorCode: nil, connection: "pipe"))
        exchanges.append(Exchange(uniqueId: wsId, action: action, direction: "cp->cs", requestTime: tWs,
                                  responseTime: wsAnswerTime, result: wsResult, errorCode: errorCode, connection: "websocket"))
        return answer
    }

    /// A CPO call: websocket in, pipe out, pipe answer, websocket answer; the websocket id on both sides.
    mutating func centralCall(_ action: String, _ payload: JSONValue, answer: JSONValue) {
        let id = uuid()
        let tWs = clock
        proxy("WebSocketTransmitter", "Received: [2,\"\(id)\",\"\(action)\",\(JSONPrinter.compact(payload))]")
        advance(23)
        let tPipe = clock
        proxy("PipeSession", "[To charging station]: \(id)=\(action)=\(JSONPrinter.compact(payload))")
        advance(293)
        let tPipeAnswer = clock
        proxy("PipeSession", "[From charging station]: \(id)=\(action)Response=\(Self.pipeJSON(answer))")
        advance(25)
        proxy("PipeSession", "Pipe Ready")
        advance(9)
        let tWsAnswer = clock
        proxy("WebSocketTransmitter", "Sending: [3,\"\(id)\",\(JSONPrinter.compact(answer))]")
        advance(random(100...400))
        exchanges.append(Exchange(uniqueId: id, action: action, direction: "cs->cp", requestTime: tWs, responseTime: tWsAnswer,
                                  result: "CALLRESULT", errorCode: nil, connection: "websocket"))
        exchanges.append(Exchange(uniqueId: id, action: action, direction: "cs->cp", requestTime: tPipe, responseTime: tPipeAnswer,
                                  result: "CALLRESULT", errorCode: nil, connection: "pipe"))
    }

    // MARK: scenarios

    mutating func status(_ connector: Int, _ status: String, error: String = "NoError") {
        chargerCall("StatusNotification", Self.obj([("connectorId", Self.n(connector)), ("errorCode", Self.s(error)),
                                                    ("status", Self.s(status)), ("vendorId", Self.s("Sungrow")),
                                                    ("vendorErrorCode", Self.s(""))]), answer: .result(.object([])))
    }

    mutating func boot() {
        chargerCall("BootNotification", Self.obj([("chargePointVendor", Self.s("Sungrow")), ("chargePointModel", Self.s("IDC180E")),
                                                  ("chargePointSerialNumber", Self.s("A23C2706768"))]),
                    answer: .result(Self.obj([("currentTime", Self.s(timestamp(clock))), ("interval", Self.n(60)), ("status", Self.s("Accepted"))])))
        chargerCall("Heartbeat", .object([]), answer: .result(Self.obj([("currentTime", Self.s(timestamp(clock)))])))
    }

    /// Authorisations the CPO refuses start nothing.
    mutating func rejectedAuthorize() {
        mainLine("Front connector choose authorize: \"Rfid_Authorize\"")
        chargerCall("Authorize", Self.obj([("idTag", Self.s("DEADBEEF00"))]),
                    answer: .result(Self.obj([("idTagInfo", Self.obj([("status", Self.s("Invalid"))]))])))
        advance(60_000)
    }

    enum StopKind {
        case card, vehicle, fullSoC, remote, rejectedByCPO, never
    }

    /// One charging session on `connector`.
    mutating func session(connector: Int, remote: Bool, meterValues: Int, stop: StopKind) {
        let idTag = remote ? "AT-EST-\(hex(8).uppercased())" : hex(8).uppercased()
        let txId = nextTransaction
        nextTransaction += 1
        let internalId = hex(32)
        var auth = "RFID"
        if remote {
            auth = "Remote"
            centralCall("RemoteStartTransaction", Self.obj([("connectorId", Self.n(connector)), ("idTag", Self.s(idTag))]),
                        answer: Self.obj([("status", Self.s("Accepted"))]))
            mainLine("Accept remote start transaction: \(connector) \"12345\"")
        } else {
            mainLine("Front connector choose authorize: \"Rfid_Authorize\"")
            advance(800)
            chargerCall("Authorize", Self.obj([("idTag", Self.s(idTag))]),
                        answer: .result(Self.obj([("idTagInfo", Self.obj([("status", Self.s("Accepted"))]))])))
            mainLine("Assign id tag: \"\(idTag)\" for connector: \(connector)")
        }
        status(connector, "Preparing")
        advance(random(2_000...20_000))
        mainLine("StateSwicthed:from \"State_PayNotChosen_Plug\" to: \"State_Energy_Transfer\"")
        mainLine("void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : lem start transaction, index: \(connector) transactionId: \"\(internalId)\"")
        mainLine("Set CCU\(connector) current limit to 250.000000")
        let meterStart = meter[connector]!
        let start = wholeSecond
        chargerCall("StartTransaction", Self.obj([("connectorId", Self.n(connector)), ("idTag", Self.s(idTag)),
                                                  ("meterStart", Self.n(meterStart)), ("timestamp", Self.s(timestamp(start)))]),
                    answer: .result(Self.obj([("transactionId", Self.n(txId)), ("idTagInfo", Self.obj([("status", Self.s("Accepted"))]))])),
                    pipeExtra: [("connectorId", Self.n(connector))], latency: random(300...1500))
        status(connector, "Charging")
        var energy = meterStart
        for _ in 0..<meterValues {
            advance(60_000)
            energy += random(500...2500)
            let mv = Self.obj([("connectorId", Self.n(connector)), ("transactionId", Self.n(txId)), ("meterValue", .array([Self.obj([
                ("timestamp", Self.s(timestamp(wholeSecond))),
                ("sampledValue", .array([
                    Self.obj([("value", Self.s(String(format: "%.1f", Double(energy) / 1000))), ("format", Self.s("Raw")),
                              ("measurand", Self.s("Energy.Active.Import.Register")), ("unit", Self.s("kWh"))]),
                    Self.obj([("value", Self.s(String(format: "%.2f", Double(random(20_000...150_000)) / 1000))), ("format", Self.s("Raw")),
                              ("measurand", Self.s("Power.Active.Import")), ("unit", Self.s("kW"))]),
                    Self.obj([("value", Self.s(String(random(10...99)))), ("format", Self.s("Raw")), ("measurand", Self.s("SoC")), ("unit", Self.s("Percent"))]),
                    Self.obj([("value", Self.s(String(random(300...420)))), ("format", Self.s("Raw")), ("measurand", Self.s("Voltage")), ("unit", Self.s("V"))]),
                ])),
            ])]))])
            chargerCall("MeterValues", mv, answer: .result(.object([])), latency: random(150...600))
        }
        if stop == .never {
            transactions.append(Transaction(transactionId: String(txId), connector: connector, idTag: idTag, auth: auth,
                                            start: start, stop: nil, meterStart: Double(meterStart), meterStop: nil,
                                            reason: nil, stopStatus: nil, meterValues: meterValues, internalId: internalId))
            meter[connector] = energy
            return
        }
        advance(random(10_000...60_000))
        let reason: String
        switch stop {
        case .remote:
            centralCall("RemoteStopTransaction", Self.obj([("transactionId", Self.n(txId))]), answer: Self.obj([("status", Self.s("Accepted"))]))
            reason = "Remote"
        case .vehicle: reason = "EVDisconnected"
        default: reason = "Local"
        }
        energy += random(10...300)
        let stopTime = wholeSecond
        var sampled: [JSONValue] = [
            Self.obj([("value", Self.s(String(format: "%.1f", Double(energy) / 1000))), ("format", Self.s("Raw")),
                      ("measurand", Self.s("Energy.Active.Import.Register")), ("unit", Self.s("kWh"))]),
        ]
        if stop == .rejectedByCPO {
            sampled.append(Self.obj([("value", Self.s("3.48e-05")), ("format", Self.s("Raw")), ("measurand", Self.s("Power.Active.Import")), ("unit", Self.s("kW"))]))
        }
        var fields: [(String, JSONValue)] = [("idTag", Self.s(idTag)), ("meterStop", Self.n(energy)), ("timestamp", Self.s(timestamp(stopTime))),
                                             ("transactionId", Self.n(txId))]
        if stop != .card { fields.append(("reason", Self.s(reason))) }
        fields.append(("transactionData", .array([Self.obj([("timestamp", Self.s(timestamp(stopTime))), ("sampledValue", .array(sampled))])])))
        let stopAnswer: Answer = stop == .rejectedByCPO
            ? .error("InternalError", "An internal error occured while stopping a charging session for the transaction.")
            : .result(Self.obj([("idTagInfo", Self.obj([("status", Self.s("Accepted"))]))]))
        // The pipe copy names the connector; the websocket copy does not (as in the seed).
        advance(1500)
        chargerCallPipeOnlyField("StopTransaction", Self.obj(fields), pipeField: ("connectorId", Self.n(connector)), answer: stopAnswer,
                                 pipeExtra: [("connectorId", Self.n(connector))])
        status(connector, "Finishing")
        mainLine("StateSwicthed:from \"State_Finishing_Payment_Not_Ready\" to: \"State_Authurize\"")
        status(connector, "Available")
        transactions.append(Transaction(transactionId: String(txId), connector: connector, idTag: idTag, auth: auth,
                                        start: start, stop: stopTime, meterStart: Double(meterStart), meterStop: Double(energy),
                                        reason: stop == .card ? "Local" : reason,
                                        stopStatus: stop == .rejectedByCPO ? "CALLERROR:InternalError" : "Accepted",
                                        meterValues: meterValues, internalId: internalId))
        meter[connector] = energy
        advance(random(30_000...120_000))
    }

    /// Like `chargerCall`, with a field only the pipe copy carries.
    mutating func chargerCallPipeOnlyField(_ action: String, _ payload: JSONValue, pipeField: (String, JSONValue), answer: Answer,
                                           pipeExtra: [(String, JSONValue)]) {
        // Write the pipe line with the extra field by calling chargerCall on a payload with it, then fix the
        // websocket line: simplest is to build both lines here.
        let pipePayload = JSONValue.object((payload.objectValue ?? []) + [(key: pipeField.0, value: pipeField.1)])
        let pipeId = hex(32)
        let wsId = uuid()
        let tPipe = clock
        proxy("PipeSession", "[From charging station]: \(pipeId)=\(action)=\(Self.pipeJSON(pipePayload))")
        advance(157)
        proxy("ChargePoint", "The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well.")
        advance(3)
        proxy("RequestQueue", "SendRequest Queue size: 1, Store time: 1.219 ms, UUID: \(wsId)")
        advance(126)
        let tWs = clock
        proxy("WebSocketTransmitter", "Sending: [2,\"\(wsId)\",\"\(action)\",\(JSONPrinter.compact(payload))]")
        switch answer {
        case .result(let p):
            advance(1283)
            let tAnswer = clock
            proxy("WebSocketTransmitter", "Received: [3,\"\(wsId)\",\(JSONPrinter.compact(p))]")
            advance(42)
            let tPipeAnswer = clock
            let fields = (p.objectValue ?? []) + pipeExtra.map { (key: $0.0, value: $0.1) }
            proxy("PipeSession", "[To charging station]: \(pipeId)=\(action)Response=\(JSONPrinter.compact(.object(fields)))")
            exchanges.append(Exchange(uniqueId: pipeId, action: action, direction: "cp->cs", requestTime: tPipe, responseTime: tPipeAnswer,
                                      result: "CALLRESULT", errorCode: nil, connection: "pipe"))
            exchanges.append(Exchange(uniqueId: wsId, action: action, direction: "cp->cs", requestTime: tWs, responseTime: tAnswer,
                                      result: "CALLRESULT", errorCode: nil, connection: "websocket"))
        case .error(let code, let desc):
            advance(552)
            let tAnswer = clock
            proxy("WebSocketTransmitter", "Received: [4,\"\(wsId)\",\"\(code)\",\"\(desc)\",{\"exception\":\"Stopping a charging session using the CPO Backend failed due to an internal error.\"}]")
            advance(19)
            proxy("PipeEventHandlerImpl", "Handle\(action) ExecutionException", level: "WARN")
            exchanges.append(Exchange(uniqueId: pipeId, action: action, direction: "cp->cs", requestTime: tPipe, responseTime: nil,
                                      result: "none", errorCode: nil, connection: "pipe"))
            exchanges.append(Exchange(uniqueId: wsId, action: action, direction: "cp->cs", requestTime: tWs, responseTime: tAnswer,
                                      result: "CALLERROR", errorCode: code, connection: "websocket"))
        case .none:
            break
        }
        advance(random(200...600))
    }

    /// The CPO connection drops: MainProcess says so, a heartbeat goes unanswered, then it comes back.
    mutating func outage(minutes: Int) {
        mainLine("OCPP_Connection_Fail")
        advance(5_000)
        chargerCall("Heartbeat", .object([]), answer: .none)
        advance(minutes * 60_000)
        mainLine("OCPP_Connection_Restore")
        advance(1_000)
        boot()
        outages += 1
    }

    /// One round of every scenario kind.
    mutating func round(_ k: Int) {
        session(connector: 1, remote: false, meterValues: 3 + k % 4, stop: .card)
        session(connector: 2, remote: true, meterValues: 2 + k % 3, stop: .remote)
        rejectedAuthorize()
        session(connector: 1, remote: false, meterValues: 2, stop: .vehicle)
        session(connector: 2, remote: false, meterValues: 4, stop: .rejectedByCPO)
        outage(minutes: 3 + k % 5)
        session(connector: 1, remote: true, meterValues: 1, stop: .fullSoC)
    }
}
