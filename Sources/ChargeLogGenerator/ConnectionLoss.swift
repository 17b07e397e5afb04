/// Losing the CPO connection (`OCPP_Connection_Fail`) and getting it back (`OCPP_Connection_Restore`).
extension ChargerSimulation {
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
        let checked = main(seen, "Time difference origin: \(StampText.qDateTime(seen)) good, no need to sync from OCPP: "
                           + StampText.qDateTime((t + 500) - (t + 500) % 1000, spec: "LocalTime"))
        recorder.clockChecked(at: checked)
        let restore = main(seen + 4700, "OCPP_Connection_Restore")
        main(seen + 4701, "Factory mode recevie network change: 2")
        main(seen + 4702, "Network state good, stop the reconnect check timer")
        connected = true
        recorder.scenario(.connectionLost, at: fail, end: restore, valueMs: restore - fail,
                          detail: "OCPP connection to the CPO lost for \((restore - fail) / 1000) s")
        reportAllStatuses(seen + 6000)
    }
}
