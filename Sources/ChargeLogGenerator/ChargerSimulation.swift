import ChargeLogCore

/// The simulated Sungrow IDC180E: its five log files, its clock, connectors and meters, and an
/// agenda of what happens next. Handlers run in time order; each writes its lines (possibly a
/// whole session ahead) into the logs, which release them in time order as the clock advances.
final class ChargerSimulation {
    static let serial = "A23C2706768"
    static let vendor = "Sungrow"
    static let model = "IDC180E"
    static let chargePointObject = "com.Sungrow.ocpp.ChargePoint@16da883"
    static let meterSerials = ["1232581409", "1232581252", "1232581517", "1232581633"]

    struct Logs {
        let ocpp: TimedLog
        let main: TimedLog
        let ccu: TimedLog
        let fault: TimedLog
        let update: TimedLog
        var all: [TimedLog] { [ocpp, main, ccu, fault, update] }
    }

    let options: GeneratorOptions
    var rng: SeededRandom
    let logs: Logs
    let recorder = ManifestRecorder()
    private var agenda = EventQueue<ChargerSimulation>()

    /// The charger's clock (what it stamps), ms.
    private(set) var now: Int64
    /// The CPO's clock minus the charger's (non-zero only between a reboot and the OCPP time sync).
    var cpoClockAhead: Int64 = 0
    let heartbeatInterval: Int64 = 300_000
    var connected = true
    /// Heartbeats are not sent before this time (a planted heartbeat gap).
    var heartbeatsPausedUntil: Int64 = .min
    /// The next Heartbeat gets no answer and the connection drops `outage` later.
    var plannedOutage: (after: Int64, duration: Int64)?
    /// The next Heartbeat after this time is answered late.
    var plannedSlowAnswer: (after: Int64, latency: Int64)?
    /// Set once the target size is reached and the scripted day is done: no new sessions start.
    var windingDown = false
    var catalogueDone = false
    /// Generation continues at least until then (New-Year bundles must cross midnight).
    var minimumEnd: Int64 = .min

    var firmware = "IDC180E-1000_V1.5.2"
    var nextTransactionId: Int
    /// Per connector (index = connector id): meter register in Wh, OCMF page counter, busy until.
    var registerWh: [Int]
    var ocmfPage: [Int]
    var busyUntil: [Int64]
    /// Times when a StatusNotification (pipe id `1`) is in flight.
    var statusSlots: [Range<Int64>] = []
    var ccuBoot: Int64

    init(options: GeneratorOptions, logs: Logs, start: Int64) {
        self.options = options
        self.logs = logs
        var r = SeededRandom(seed: options.seed)
        now = start
        nextTransactionId = 600 + r.int(0...99)
        let n = options.connectors
        registerWh = [0] + (0..<n).map { _ in r.int(6_000_000...12_000_000) }
        ocmfPage = [0] + (0..<n).map { _ in r.int(200...700) }
        busyUntil = Array(repeating: .min, count: n + 1)
        ccuBoot = start - r.int64(3_600_000...(20 * CivilTime.msPerDay))
        rng = r
    }

    var connectors: ClosedRange<Int> { 1...options.connectors }

    // MARK: agenda

    func at(_ time: Int64, _ action: @escaping (ChargerSimulation) -> Void) {
        agenda.schedule(max(time, now), action)
    }

    /// Runs until nothing is left to do.
    func run() {
        while let e = agenda.pop() {
            now = e.time
            for log in logs.all { log.flush(through: now - 1) }
            e.action(self)
            if !windingDown, catalogueDone, now >= minimumEnd, bytesWritten >= options.targetBytes {
                windingDown = true
            }
        }
        for log in logs.all { log.finish() }
    }

    var bytesWritten: UInt64 { logs.all.reduce(0) { $0 + $1.bytes } }

    /// The charger's clock jumps forward: everything still to come happens `delta` later.
    func jumpClock(by delta: Int64) {
        agenda.shiftAll(by: delta)
        now += delta
    }

    // MARK: line helpers

    /// A MainProcess line; returns the time its record carries (whole seconds).
    @discardableResult
    func main(_ t: Int64, _ text: String) -> Int64 {
        logs.main.add(t, text)
        return t - t % 1000
    }

    func proxy(_ t: Int64, _ text: String, level: String = "INFO") {
        logs.ocpp.add(t, level + " " + text)
    }

    func ccu(_ t: Int64, _ text: String, uptimeLag: Int64 = 0, split: Bool = false) {
        logs.ccu.ccu(t, uptime: t - ccuBoot - uptimeLag, text, split: split)
    }

    /// A fault/update block: stamped lines, an empty-body line, a blank separator.
    func eventBlock(_ log: TimedLog, _ t: Int64, _ bodies: [String]) {
        for b in bodies { log.add(t, b) }
        log.add(t, "")
        log.blank(t)
    }

    /// Session headers at each TCU process start (they carry the year).
    func sessionHeaders(_ t: Int64) {
        for log in [logs.fault, logs.update] {
            log.add(t, StampText.headerBody(t - 1))
            log.add(t, "")
            log.add(t, "")
            log.blank(t)
        }
    }

    func pipeId() -> String { rng.hex(32) }

    func storeTime() -> String {
        if rng.chance(0.08) { return ChargerNumbers.fixed(rng.double(900...999), 1) + " ?s" }
        return ChargerNumbers.fixed(rng.double(1.0...2.8), 3) + " ms"
    }

    func worksWell(_ t: Int64) {
        proxy(t, "ChargePoint - The chargePoint (\(Self.chargePointObject)) works well.")
    }
}
