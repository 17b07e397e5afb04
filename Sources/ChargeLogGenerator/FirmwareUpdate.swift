/// A firmware update from the CPO with the update log's phases and the reboot after it.
extension ChargerSimulation {
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
