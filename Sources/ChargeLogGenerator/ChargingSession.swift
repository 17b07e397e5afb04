/// One charging session to simulate.
struct SessionPlan {
    enum Stop: String {
        case card, vehicle, fullSoC, remote
        /// Stopped with the card, but the CPO answers the StopTransaction with a CALLERROR.
        case cpoRejected
        /// Never stopped (the charger reboots under it); `minutes` MeterValues and nothing after.
        case never
    }

    var connector: Int
    var remote: Bool
    var idTag: String
    /// MeterValues messages, one per minute.
    var minutes: Int
    var energyWh: Int
    var stop: Stop
    var startSoC: Double
    var peakKW: Double
    /// Index of the MeterValues whose register is printed 0.8 kWh too low (a planted problem).
    var backwardsAt: Int? = nil
    /// Added to meterStop only (a planted energy mismatch).
    var meterStopOffsetWh = 0
}

/// A session from plug-in to unplug: authorisation (card or remote start), the MainProcess start
/// sequence with the charger's own transaction uuid, StartTransaction, MeterValues every minute,
/// CCU chatter, the stop with its cause, StopTransaction with transactionData and two OCMF
/// readings, the connector's StatusNotifications. Lines follow seed 000.
extension ChargerSimulation {
    /// Writes the whole session starting at `t` (plug-in); returns when the connector is free again.
    @discardableResult
    func runSession(_ plan: SessionPlan, at t: Int64) -> Int64 {
        let c = plan.connector
        let txId = nextTransactionId
        nextTransactionId += 1
        let internalId = rng.hex(32)
        statusNotification(t, connector: c, "Preparing")

        // Authorisation.
        var startAt: Int64
        if plan.remote {
            let call = cpoCall(t + rng.int64(20_000...60_000), "RemoteStartTransaction",
                               .obj(("connectorId", .int(c)), ("idTag", .string(plan.idTag))),
                               answer: .obj(("status", .string("Accepted"))))
            recorder.scenario(.remoteStart, at: call.received, connector: c, uniqueId: call.id,
                              detail: "RemoteStartTransaction idTag \(plan.idTag)")
            startAt = call.chargerSaw + 200
        } else {
            let a = t + rng.int64(5_000...40_000)
            main(a, "Card NoEnable")
            main(a + 1000, "SetPara_Confirm, dequeue resend queue")
            main(a + 1001, "Front connector choose authorize: \"Rfid_Authorize\"")
            let call = chargerCall(a + 1300, "Authorize", .obj(("idTag", .string(plan.idTag))),
                                   answer: .result(.obj(("idTagInfo", .obj(("status", .string("Accepted")))))))
            recorder.scenario(.rfidAuthorization, at: call.pipeRequest, connector: c, uniqueId: call.pipeId,
                              detail: "Rfid_Authorize, idTag \(plan.idTag) accepted")
            let seen = call.chargerSawAnswer ?? a + 3000
            main(seen + 1, "Authorize request accepted!!")
            startAt = seen + 1500
        }

        // The charger's start sequence.
        let register0 = registerWh[c]
        startLines(plan, at: startAt, internalId: internalId, register: register0)
        let startSecond = startAt - startAt % 1000 + 1000
        let start = chargerCall(startSecond + rng.int64(200...900), "StartTransaction",
                                .obj(("connectorId", .int(c)), ("idTag", .string(plan.idTag)),
                                     ("meterStart", .int(register0)),
                                     ("timestamp", .string(StampText.isoSeconds(startSecond)))),
                                answer: .result(.obj(("transactionId", .int(txId)),
                                                     ("idTagInfo", .obj(("status", .string("Accepted"))))))
                                , pipeAnswer: .obj(("idTagInfo", .obj(("status", .string("Accepted")))),
                                                   ("transactionId", .int(txId)), ("connectorId", .int(c))))
        recorder.startTransaction(id: txId, connector: c, idTag: plan.idTag, remote: plan.remote, start: startSecond,
                                  meterStart: register0, internalId: internalId, request: start.pipeRequest)
        recorder.scenario(.chargingStarted, at: start.pipeRequest, connector: c, transactionId: txId,
                          detail: "StartTransaction accepted, transaction \(txId)")
        statusNotification((start.chargerSawAnswer ?? startSecond + 2000) + rng.int64(15_000...25_000), connector: c,
                           "Charging")

        // Charging: MeterValues every minute.
        var last = chargeMinutes(plan, txId: txId, from: startSecond)
        registerWh[c] = register0 + plan.energyWh
        if plan.stop == .never { return last.time + 60_000 }

        // The stop.
        if plan.stop == .fullSoC {
            statusNotification(last.time + rng.int64(8_000...15_000), connector: c, "SuspendedEV")
            last.soc = 100
        }
        var stopAt = last.time + rng.int64(20_000...50_000)
        var cause: [String]
        switch plan.stop {
        case .card, .cpoRejected:
            main(stopAt - 1000, "Card NoEnable")
            main(stopAt - 500, "Front connector choose authorize: \"Rfid_Authorize\"")
            main(stopAt - 499, "Stop charging by card, id tag matches")
            cause = ["Connector \(c) stop reason: Card_Stop"]
        case .vehicle:
            cause = ["CCU\(c) report: EV stop charging request (vehicle)", "Connector \(c) stop reason: Vehicle_Stop"]
        case .fullSoC:
            cause = ["CCU\(c) report: SOC 100, full charged", "Connector \(c) stop reason: SOC_Full"]
        case .remote:
            let call = cpoCall(stopAt, "RemoteStopTransaction", .obj(("transactionId", .int(txId))),
                               answer: .obj(("status", .string("Accepted"))))
            stopAt = call.chargerSaw + 300
            cause = ["Accept remote stop transaction: \(txId)"]
        case .never:
            cause = []
        }
        let free = stopSession(plan, txId: txId, internalId: internalId, at: stopAt, cause: cause, soc: Int(last.soc),
                               meterStart: register0, startSecond: startSecond)
        busyUntil[c] = free
        return free
    }

    private func startLines(_ plan: SessionPlan, at t: Int64, internalId: String, register: Int) {
        let c = plan.connector
        let other = c == 1 ? min(2, options.connectors) : 1
        let from = plan.remote ? "State_PayNotChosen_Plug" : "State_Payment_Ready"
        let lines = [
            "Front select connector index: \(c)",
            "StateSwicthed:from \"\(from)\" to: \"State_Energy_Transfer\"",
            "\"\(from)\" parent back to start state \"\(from)\"",
            "\"State_Energy_Transfer\" return start \"State_Energy_Transfer_Preparing_Wait_Stop\"",
        ] + (plan.remote ? [] : ["Assign id tag: \"\(plan.idTag)\" for connector: \(c)"]) + [
            "Connector: \(c) enter energy transfer, trigger other connectors' not chosen",
        ] + (other != c ? ["Connector id: \(other) Connector not chosen, trigger flag true"] : []) + [
            "ChargingStartFunction",
            "InterLayer_Start_Charging index: \(c)",
            "setting power 150",
            "Clean resend enum: 5",
            "Change LED status 1",
            "lem config ocmf, index: \(c)",
            "DC_Meter_OCMF_Init_Pre",
            "void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : lem start transaction, index: \(c) transactionId: \"\(internalId)\"",
            "dc meter Prepare_Read_OCMF index: \(c)",
            "Start a new Transaction",
            "dc meter Prepare_Start_Trans index: \(c)",
            "void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : Read start meter for connector \(c) \(ChargerNumbers.g(Double(register) / 1000))",
        ] + (plan.remote ? ["Accept remote start transaction: \(c) \"12345\""] : []) + [
            "void TaskCompability::SetIDTagCache(ushort, const QString&)  Id tag of  \(c)  is  \"\(plan.idTag)\"",
            "void TaskCompability::SetPendingIdTagCache(ushort, const QString&) SET PENDING ID TAG for connector  \(c)  TO:  \"\(plan.idTag)\"",
            "Set CCU\(c) current limit to 250.000000",
            "Start_Transaction",
        ]
        for (i, l) in lines.enumerated() { main(t + Int64(i), l) }
        ccu(t + 200, "SessionStartTrigger -- Connector \(c)", uptimeLag: 35)
        ccu(t + 230, "SLAC INDICATOR PARALLEL -- ISR:\(c - 1) match", uptimeLag: 35)
        ccu(t + 260, "Insulation check passed, R:\(rng.int(900...2400)) kOhm", uptimeLag: 35)
        ccu(t + 290, "DC_CONTACTOR:\(c * 2), set:1", uptimeLag: 35)
        ccu(t + 291, "DC_CONTACTOR:\(c * 2 - 1), set:1", uptimeLag: 35)
    }

    /// One MeterValues per minute; the register reaches meterStart + energy on the last one.
    private func chargeMinutes(_ plan: SessionPlan, txId: Int, from startSecond: Int64) -> (time: Int64, soc: Double) {
        let c = plan.connector
        let n = max(1, plan.minutes)
        var shape: [Double] = []
        for k in 0..<n { shape.append(min(plan.peakKW, 40 + 12 * Double(k)) * rng.double(0.96...1.0)) }
        let scale = Double(plan.energyWh) / 1000 * 60 / shape.reduce(0, +)
        let capacityKWh: Double
        if plan.stop == .fullSoC {
            capacityKWh = Double(plan.energyWh) / 1000 / (100 - plan.startSoC) * 100
        } else {
            capacityKWh = max(Double(plan.energyWh) / 1000 * 1.6, rng.double(55...100))
        }
        var soc = plan.startSoC
        var registerKWh = Double(registerWh[c]) / 1000
        let targetKWh = Double(registerWh[c] + plan.energyWh) / 1000
        var t = startSecond
        for k in 0..<n {
            t += 60_000
            let kw = shape[k] * scale
            let before = registerKWh
            registerKWh = k == n - 1 ? targetKWh : registerKWh + kw / 60
            soc = min(plan.stop == .fullSoC ? 100 : 99, soc + kw / 60 / capacityKWh * 100)
            let volt = 360 + soc * 0.6 + rng.double(-2...2)
            let amps = kw * 1000 / volt
            // The planted glitch: 0.8 kWh below the previous reading.
            let printed = plan.backwardsAt == k ? before - 0.8 : registerKWh
            let register = ChargerNumbers.g(printed)
            let values = MeterReadings.sampled(register: register, powerKW: ChargerNumbers.g(kw), soc: Int(soc),
                                               temperature: rng.int(26...38), current: ChargerNumbers.g(amps),
                                               rpm: rng.int(2800...3900), voltage: ChargerNumbers.fixed(volt, 1))
            let payload = JSONValue.obj(("connectorId", .int(c)), ("transactionId", .int(txId)),
                                        ("meterValue", .array([.obj(("timestamp", .string(StampText.isoSeconds(t))),
                                                                    ("sampledValue", .array(values)))])))
            let call = chargerCall(t + rng.int64(100...700), "MeterValues", payload, answer: .result(.obj()))
            recorder.meterValue(transaction: txId, register: register, request: call.pipeRequest)
            ccu(t - 3000, "Connector_Power_Info_Changed! V:\(Int(volt)), C:\(Int(amps))", uptimeLag: 40)
            ccu(t - 2999, "State update context to P_\(Int(kw)), V_\(Int(volt)), C_\(Int(amps))", uptimeLag: 40)
        }
        return (t, soc)
    }

    /// State switch, CCU stop sequence (with the record split over two lines), StopTransaction and
    /// its answer, Finishing and Available. Returns when the connector is free.
    private func stopSession(_ plan: SessionPlan, txId: Int, internalId: String, at t: Int64, cause: [String], soc: Int,
                             meterStart: Int, startSecond: Int64) -> Int64 {
        let c = plan.connector
        for (i, l) in cause.enumerated() { main(t + Int64(i), l) }
        main(t + 10, "StateSwicthed:from \"State_Energy_Transfer\" to: \"State_Finishing_Payment_Not_Ready\"")
        main(t + 11, "InterLayer_Stop_Charging index: \(c)")
        main(t + 12, "void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : lem stop transaction, index: \(c) transactionId: \"\(internalId)\"")
        main(t + 13, "dc meter Prepare_Stop_Trans index: \(c)")
        main(t + 14, "Stop_Transaction")
        let b = t + 100
        ccu(b, "Pcu state changes event:1, not self:1, not self id:0", uptimeLag: 140)
        ccu(b, "Secondary CCU asks for power modules stopping", uptimeLag: 140)
        ccu(b, "Connector_Power_Info_Changed! V:395, C:0", uptimeLag: 140)
        ccu(b, "SessionStopTrigger -- Init", uptimeLag: 61)
        ccu(b, "State update context to P_0, V_0, C_0", uptimeLag: 60)
        ccu(b, "DC_CONTACTOR:\(c * 2), set:0", uptimeLag: 60)
        ccu(b, "DC_CONTACTOR:\(c * 2 - 1), set:0", uptimeLag: 60)
        ccu(b, "Init_ev_buffer_array", uptimeLag: 60)
        ccu(b, "SLAC INDICATOR PARALLEL -- ISR:0 init", uptimeLag: 59, split: true)

        let stopSecond = t - t % 1000 + 1000
        let trueRegister = registerWh[c]
        let meterStop = trueRegister + plan.meterStopOffsetWh
        let register = ChargerNumbers.g(Double(trueRegister) / 1000)
        let scientific = plan.stop == .cpoRejected
        let power = scientific ? "3.48e-05" : ChargerNumbers.g(rng.double(0.0002...0.002))
        let meter = Self.meterSerials[(c - 1) % Self.meterSerials.count]
        ocmfPage[c] += 1
        let begin = MeterReadings.ocmf(meterSerial: meter, page: ocmfPage[c], internalId: internalId,
                                       readings: [(startSecond, "B", meterStart), (startSecond, "C", meterStart)],
                                       rng: &rng)
        let end = MeterReadings.ocmf(meterSerial: meter, page: ocmfPage[c], internalId: internalId,
                                     readings: [(startSecond, "B", meterStart), (stopSecond - 2000, "E", trueRegister)],
                                     rng: &rng)
        let stamp = StampText.isoSeconds(stopSecond)
        let data = MeterReadings.transactionData(
            stamp: stamp, register: register, powerKW: power, soc: soc, temperature: scientific ? 12 : rng.int(26...38),
            rpm: rng.int(0...3900), voltage: ChargerNumbers.fixed(rng.double(30...110), 1), begin: begin, end: end)
        let reason = plan.stop == .remote ? "Remote" : "Local"
        let payload = JSONValue.obj(("idTag", .string(plan.idTag)), ("meterStop", .int(meterStop)),
                                    ("timestamp", .string(stamp)), ("transactionId", .int(txId)),
                                    ("reason", .string(reason)), ("transactionData", data))
        let answer: Answer = scientific
            ? .callError(code: "InternalError",
                         description: "An internal error occured while stopping a charging session for the transaction.",
                         details: .obj(("exception", .string("Stopping a charging session using the CPO Backend failed due to an internal error."))))
            : .result(.obj(("idTagInfo", .obj(("status", .string("Accepted"))))))
        let call = chargerCall(stopSecond + rng.int64(1200...2200), "StopTransaction", payload, answer: answer,
                               pipeExtra: [("connectorId", .int(c))],
                               pipeAnswer: .obj(("idTagInfo", .obj(("status", .string("Accepted")))), ("connectorId", .int(c))))
        if let seen = call.chargerSawAnswer {
            main(seen + 1, "StateSwicthed:from \"State_Finishing_Payment_Not_Ready\" to: \"State_Authurize\"")
        }
        recorder.stopTransaction(id: txId, stop: stopSecond, meterStop: meterStop, reason: reason,
                                 stopStatus: scientific ? "CALLERROR:InternalError" : "Accepted",
                                 stopKind: scientific ? "card" : plan.stop.rawValue, registerAtStop: register,
                                 request: call.pipeRequest)
        let kind: ScenarioKind
        switch plan.stop {
        case .card, .cpoRejected, .never: kind = .stopByCard
        case .vehicle: kind = .stopByVehicle
        case .fullSoC: kind = .stopAtFullSoC
        case .remote: kind = .stopRemote
        }
        recorder.scenario(kind, at: call.pipeRequest, connector: c, transactionId: txId, uniqueId: call.pipeId,
                          detail: "StopTransaction reason \(reason), meterStop \(meterStop)")
        if scientific, let e = call.wsAnswer {
            recorder.scenario(.stopRejectedByCPO, at: e, connector: c, transactionId: txId, uniqueId: call.wsId,
                              detail: "CALLERROR InternalError; Power.Active.Import \"3.48e-05\" in transactionData")
        }
        let finishing = t + 2500
        statusNotification(finishing, connector: c, "Finishing")
        let available = max(finishing, call.pipeAnswer ?? call.wsAnswer ?? call.wsRequest) + rng.int64(40_000...90_000)
        statusNotification(available, connector: c, "Available")
        return available + 5000
    }
}
