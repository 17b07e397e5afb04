/// Clock synchronisation: the DC meters' set-time lines and the six-hourly NTP sync (seed 000).
extension ChargerSimulation {
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
        let offset = (rng.chance(0.5) ? "-" : "") + ChargerNumbers.fixed(rng.double(0.001...0.4), 6)
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
}
