/// TCU process start: event-log headers, MainProcess start lines, BootNotification and the OCPP
/// time sync (seed 000).
extension ChargerSimulation {
    /// TCU process start: event-log headers, MainProcess start lines, BootNotification and, when the
    /// CPO's clock is ahead, the OCPP time sync (the clock jumps). Returns when the charger is up.
    @discardableResult
    func boot(_ t: Int64, reason: String? = nil) -> Int64 {
        sessionHeaders(t)
        main(t + 100, "Bootup info type id 1, reason 0")
        if let r = reason { main(t + 101, "Reboot reason: \(r)") }
        main(t + 900, "Factory mode recevie network change: 2")
        main(t + 901, "Network state good, stop the reconnect check timer")
        proxy(t + 4000, "PipeSession - Pipe Ready")
        let cpoTime = t + 4500 + 500 + cpoClockAhead
        let call = bootNotification(t + 4500, cpoTime: cpoTime)
        var ready = (call.chargerSawAnswer ?? t + 6000) + 2
        if cpoClockAhead > 2000 {
            let jump = cpoClockAhead
            let syncLine = main(ready, "Time difference origin: \(StampText.qDateTime(ready)) too large, sync from OCPP: "
                                + StampText.qDateTime(cpoTime - cpoTime % 1000, spec: "LocalTime"))
            recorder.scenario(.clockSyncOCPP, at: syncLine, valueMs: jump,
                              detail: "charger clock set from the BootNotification answer, +\(jump) ms")
            recorder.problem(.clockJump, at: syncLine, valueMs: jump,
                             detail: "charger clock jumped forward \(jump / 1000) s")
            ready += jump
            jumpClock(by: jump)
            cpoClockAhead = 0
            main(ready + 10, "System time set from OCPP, offset \(jump / 1000) s")
            dcMeterSetTime(ready + 20)
        } else {
            let checked = main(ready, "Time difference origin: \(StampText.qDateTime(ready)) good, no need to sync from OCPP: "
                               + StampText.qDateTime(cpoTime - cpoTime % 1000, spec: "LocalTime"))
            recorder.clockChecked(at: checked)
        }
        connected = true
        return ready + 500
    }

    @discardableResult
    func bootNotification(_ t: Int64, cpoTime: Int64, latency: Int64? = nil) -> CallTimes {
        let payload = JSONValue.obj(("chargePointVendor", .string(Self.vendor)), ("chargePointModel", .string(Self.model)),
                                    ("chargePointSerialNumber", .string(Self.serial)),
                                    ("firmwareVersion", .string(firmware)))
        let current = StampText.isoSeconds(cpoTime)
        let call = chargerCall(t, "BootNotification", payload,
                               answer: .result(.obj(("currentTime", .string(current)),
                                                    ("interval", .int(Int(heartbeatInterval / 1000))),
                                                    ("status", .string("Accepted")))), latency: latency)
        if let seen = call.chargerSawAnswer {
            main(seen + 1, "Recv BootNotification: QJsonObject({\"currentTime\":\"\(current)\"})")
            main(seen + 2, "Date time from OCPP is invalid! QDateTime( Qt::TimeSpec(LocalTime)) Try to change format without ms")
        }
        return call
    }

    /// All connectors (and connector 0) report their state after a boot or reconnect.
    func reportAllStatuses(_ t: Int64, _ status: String = "Available") {
        statusNotification(t, connector: 0, "Available")
        for c in connectors { statusNotification(t + 500 * Int64(c), connector: c, status) }
    }
}
