/// Lines that only say the carrier is alive or how its queue is doing, hidden by the housekeeping
/// toggle (`H`): the Sungrow OCPP proxy's queue bookkeeping around every request
/// (`RequestQueue - SendRequest Queue size: 1, …`, `RequestQueue - Queue size: 0, …`), its
/// `ChargePoint - The chargePoint (…) works well.` after every frame, and `PipeSession - Pipe Ready`.
/// Heartbeat exchanges (OCPP's keep-alive) go with them.
enum HousekeepingLine {
    static let queue = Array(" RequestQueue - ".utf8)
    static let chargePoint = Array(" ChargePoint - The chargePoint (".utf8)
    static let worksWell = Array(") works well.".utf8)
    static let pipeReady = Array(" PipeSession - Pipe Ready".utf8)

    static func matches(_ bytes: [UInt8]) -> Bool {
        ByteScan.contains(bytes, queue) || ByteScan.contains(bytes, pipeReady)
            || (ByteScan.contains(bytes, chargePoint) && ByteScan.contains(bytes, worksWell))
    }
}
