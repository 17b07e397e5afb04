import ChargeLogCore

/// What the charger does besides charging: booting, status reports, heartbeats, NTP, CCU chatter,
/// losing the CPO connection, faults, a firmware update with its reboot. Lines follow seed 000.
extension ChargerSimulation {
    // MARK: status and heartbeat

    /// Every StatusNotification uses the pipe id `1`, so two of them must never be in flight at once
    /// (an answer could not be told apart): each takes the first free slot at or after `t`.
    @discardableResult
    func statusNotification(_ t: Int64, connector: Int, _ status: String, error: String = "NoError",
                            vendorError: String = "") -> CallTimes {
        let window: Int64 = 1800   // longer than any answered call without a forced latency
        var t = t
        statusSlots.removeAll { $0.upperBound < now }
        while let clash = statusSlots.first(where: { $0.overlaps(t..<(t + window)) }) { t = clash.upperBound + 25 }
        statusSlots.append(t..<(t + window))
        // The MainProcess note comes first, so the call leaves 40 ms after `t` (never before the clock).
        main(t, "InterLayer_Status_Notification: Communicator as: CCU_Index:\(max(1, connector))"
             + "CommunicationType:0SourceType:7")
        let payload = JSONValue.obj(("connectorId", .int(connector)), ("errorCode", .string(error)),
                                    ("status", .string(status)), ("vendorId", .string("Sungrow")),
                                    ("vendorErrorCode", .string(vendorError)))
        return chargerCall(t + 40, "StatusNotification", payload, answer: .result(.obj()), pipeId: "1",
                           pipeAnswer: .obj(("connectorId", .int(connector))))
    }

    /// Every `heartbeatInterval` while connected; also where the planted outage and slow answer start.
    func heartbeat() {
        let t = now
        if windingDown && connectors.allSatisfy({ busyUntil[$0] <= t }) { return }
        at(t + heartbeatInterval) { $0.heartbeat() }
        guard connected, t >= heartbeatsPausedUntil else { return }
        let sent = t + 1 + rng.int64(0...40)
        main(t, "InterLayer_Heartbeat: Communicator as: CCU_Index:1CommunicationType:0SourceType:3")
        if let o = plannedOutage, t >= o.after {
            plannedOutage = nil
            chargerCall(sent, "Heartbeat", .obj(), answer: .none)
            at(sent + 6_880) { $0.connectionLost(duration: o.duration) }
            return
        }
        var latency: Int64? = nil
        if let s = plannedSlowAnswer, t >= s.after {
            plannedSlowAnswer = nil
            latency = s.latency
        }
        chargerCall(sent, "Heartbeat", .obj(),
                    answer: .result(.obj(("currentTime", .string(StampText.isoSeconds(sent + cpoClockAhead + 250)))))
                    , latency: latency)
    }

    /// CCU idle chatter every ten minutes.
    func ccuChatter() {
        let t = now
        if windingDown && connectors.allSatisfy({ busyUntil[$0] <= t }) { return }
        at(t + 600_000) { $0.ccuChatter() }
        let a = t + rng.int64(0...900)
        ccu(a, "Pcu state changes event:0, not self:0, not self id:0")
        ccu(a + rng.int64(900...1800), "Connector_Power_Info_Changed! V:\(rng.int(0...3)), C:0")
    }

    // MARK: boot

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
            main(ready, "Time difference origin: \(StampText.qDateTime(ready)) good, no need to sync from OCPP: "
                 + StampText.qDateTime(cpoTime - cpoTime % 1000, spec: "LocalTime"))
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

    // MARK: clock

    func dcMeterSetTime(_ t: Int64) {
        main(t, "void DC_Meter_Manage::receive_Communicator_From_Implementation(Layer_Communicator&) Recv NTP sync time request")
        for c in connectors { main(t + 1, "dc meter Prepare_Set_Time index: \(c)") }
        let utc = StampText.isoSeconds(t)
        let tz = StampText.centralEuropeanSummerTime(t) ? "+02:00" : "+01:00"
        let buf = "DC Meter set time buf: \"{\\\"time\\\":{\\\"tz\\\":\\\"\(tz)\\\",\\\"utc\\\":\\\"\(utc)\\\","
            + "\\\"dst\\\":{\\\"activated\\\":false,\\\"offset\\\":60,\\\"start\\\":{\\\"order\\\":\\\"last\\\","
            + "\\\"day\\\":\\\"sunday\\\",\\\"month\\\":\\\"march\\\",\\\"hour\\\":\\\"T01:00Z\\\"},\\\"end\\\":"
            + "{\\\"order\\\":\\\"last\\\",\\\"day\\\":\\\"sunday\\\",\\\"month\\\":\\\"october\\\",\\\"hour\\\":"
            + "\\\"T01:00Z\\\"}}}}\""
        for _ in connectors { main(t + 2, buf) }
        let ips = ["192.168.10.2", "192.168.1.2", "192.168.20.2", "192.168.30.2"]
        for c in connectors { main(t + 300 + Int64(c), "DC Meter IP \"\(ips[c - 1])\" Set time completed") }
    }

    /// `6 hours interval ntpdate request` (seed 000), then every six hours.
    func ntpSync() {
        let t = now
        if windingDown && connectors.allSatisfy({ busyUntil[$0] <= t }) { return }
        at(t + 6 * 3_600_000) { $0.ntpSync() }
        let offset = (rng.chance(0.5) ? "-" : "") + NumberText.fixed(rng.double(0.001...0.4), 6)
        let servers = ["46.102.157.67", "162.159.200.1", "185.125.190.56"]
        let done = t + rng.int64(2000...7000)
        main(t, "6 hours interval ntpdate request--> \"ntpdate pool.ntp.org\"")
        main(done, "NTP Time sync finished, output: \"\(StampText.ntpdate(done)) ntpdate[\(rng.int(9000...30000))]: "
             + "adjust time server \(rng.pick(servers)) offset \(offset) sec\\n\"")
        main(done + 1, "Restart the sync timeout timer")
        let line = main(done + 2, "NTP Sync success, current time UTC: \(StampText.qDateTime(done + 313, spec: "LocalTime"))")
        recorder.scenario(.clockSyncNTP, at: line, detail: "ntpdate offset \(offset) s")
        dcMeterSetTime(done + 3)
    }

    // MARK: connection loss

    func connectionLost(duration: Int64) {
        let t = now
        connected = false
        let fail = main(t, "OCPP_Connection_Fail")
        main(t + 1, "Factory mode recevie network change: 0")
        main(t + 2, "Network state bad, start the reconnect check timer")
        at(t + duration) { $0.reconnect(failedAt: fail) }
    }

    private func reconnect(failedAt fail: Int64) {
        let t = now
        proxy(t, "PipeSession - Pipe Ready")
        let call = bootNotification(t + 500, cpoTime: t + 500, latency: 3400)
        let seen = (call.chargerSawAnswer ?? t + 4500) + 3
        main(seen, "Time difference origin: \(StampText.qDateTime(seen)) good, no need to sync from OCPP: "
             + StampText.qDateTime((t + 500) - (t + 500) % 1000, spec: "LocalTime"))
        let restore = main(seen + 4700, "OCPP_Connection_Restore")
        main(seen + 4701, "Factory mode recevie network change: 2")
        main(seen + 4702, "Network state good, stop the reconnect check timer")
        connected = true
        recorder.scenario(.connectionLost, at: fail, end: restore, valueMs: restore - fail,
                          detail: "OCPP connection to the CPO lost for \((restore - fail) / 1000) s")
        reportAllStatuses(seen + 6000)
    }

    // MARK: fault

    /// A fault block on one connector (seed 000 fault log), Faulted then Available. Returns the end.
    @discardableResult
    func fault(connector c: Int, at t: Int64) -> Int64 {
        let alarm = "CCU\(c)->Err_Connector\(c)_Cp_StateE_Alarm"
        eventBlock(logs.fault, t, [alarm, "CCU\(c)->Err_Connector\(c)_TCU_Config_Fault"])
        main(t + 300, "StateSwicthed:from \"State_Idle\" to: \"State_Fault\"")
        statusNotification(t + 900, connector: c, "Faulted", error: "OtherError",
                           vendorError: "Err_Connector\(c)_Cp_StateE_Alarm")
        eventBlock(logs.fault, t + 137_489, [alarm])
        let recovered = t + 273_145
        eventBlock(logs.fault, recovered, [alarm + "_Recover"])
        main(recovered + 200, "StateSwicthed:from \"State_Fault\" to: \"State_Idle\"")
        statusNotification(recovered + 1000, connector: c, "Available")
        recorder.scenario(.fault, at: t, end: recovered, connector: c,
                          detail: "Err_Connector\(c)_Cp_StateE_Alarm, Faulted (OtherError) until recovered")
        return recovered + 3000
    }

    // MARK: firmware update

    /// UpdateFirmware from the CPO, the update log's phases (seed 000), FirmwareStatusNotification
    /// steps, a reboot after which the clock is `clockLag` behind until the BootNotification syncs it.
    func firmwareUpdate(at t: Int64, clockLag: Int64, then: @escaping (ChargerSimulation, Int64) -> Void) {
        let url = "https://eco-eu-prod-file.oss-eu-central-1.aliyuncs.com/charger/IDC180E-1000/2024041114172100KeYa/version.json"
        let request = cpoCall(t, "UpdateFirmware", .obj(("location", .string(url)), ("retries", .int(1)),
                                                         ("retrieveDate", .string(StampText.isoSeconds(t - 60_000))),
                                                         ("retryInterval", .int(1))), answer: .obj())
        let u = request.chargerSaw + 31
        eventBlock(logs.update, u, [
            "Loader --> File_Loader receive Type_Update_Firmware_Request from OCPP",
            "Loader --> FirmwareUpdate_Data Retry:1URI:\(url)Retry interval:1",
            "Loader --> Process... Start Http download version.json",
            "Loader --> Cleaned /home/root/Sungrow_TCU/Download/",
            "Loader --> clean all",
            "Loader --> startNewDownload url: \(url)",
            "Loader --> Ready write to file/home/root/Sungrow_TCU/Download/version.json",
            "Loader --> Update Phase:5",
        ])
        firmwareStatus(u + 2000, "Downloading")
        let newFirmware = "IDC180E-1000_V1.5.3"
        let d = u + 277_127
        eventBlock(logs.update, d, ["Loader --> Download finished /home/root/Sungrow_TCU/Download/\(newFirmware).tar.gz",
                                    "Loader --> Check md5 ok", "Loader --> Update Phase:6"])
        firmwareStatus(d + 500, "Downloaded")
        eventBlock(logs.update, d + 5000, ["Loader --> Install package, reboot required", "Loader --> Update Phase:7"])
        firmwareStatus(d + 5400, "Installing")
        let down = main(d + 9000, "Firmware install finished, reboot system")
        at(down + 500) { sim in
            sim.connected = false
            // Back 150 s later in real time, but the clock restarts `clockLag` behind.
            sim.at(sim.now + 150_000 - clockLag) { sim in
                sim.firmware = newFirmware
                sim.cpoClockAhead = clockLag
                let up = sim.boot(sim.now, reason: "firmware update")
                sim.eventBlock(sim.logs.update, up + 400, ["Loader --> Update Phase:8", "Loader --> Firmware \(newFirmware) active"])
                let installed = sim.firmwareStatus(up + 1200, "Installed")
                sim.recorder.scenario(.firmwareUpdate, at: request.received, end: installed,
                                      detail: "UpdateFirmware to \(newFirmware), reboot, Installed")
                sim.reportAllStatuses(up + 3000)
                sim.at(up + 9000) { $0.heartbeatOnce() }
                then(sim, up + 10_000)
            }
        }
    }

    @discardableResult
    func firmwareStatus(_ t: Int64, _ status: String) -> Int64 {
        chargerCall(t, "FirmwareStatusNotification", .obj(("status", .string(status))), answer: .result(.obj()))
            .pipeRequest
    }

    /// One extra Heartbeat (right after a boot), outside the regular rhythm.
    func heartbeatOnce() {
        let t = now
        main(t, "InterLayer_Heartbeat: Communicator as: CCU_Index:1CommunicationType:0SourceType:3")
        chargerCall(t + 1, "Heartbeat", .obj(),
                    answer: .result(.obj(("currentTime", .string(StampText.isoSeconds(t + cpoClockAhead + 250))))))
    }
}
