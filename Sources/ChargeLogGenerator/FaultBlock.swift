/// A fault on one connector: the fault log block and the Faulted StatusNotification.
extension ChargerSimulation {
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
}
