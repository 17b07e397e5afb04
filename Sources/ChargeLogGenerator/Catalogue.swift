/// The scripted first day: every situation of the seed catalogue and every planted problem, one
/// after the other (so they also fit a one-connector charger), then the routine days take over.
extension ChargerSimulation {
    struct CatalogueStep {
        /// Earliest start after the catalogue's beginning.
        var offset: Int64
        /// Runs at its start time; returns when the next step may begin.
        var run: (ChargerSimulation, Int64) -> Int64
    }

    static let minute: Int64 = 60_000

    func startCatalogue(at s: Int64) {
        let steps = catalogue()
        runCatalogueStep(0, steps: steps, base: s, notBefore: s)
    }

    private func runCatalogueStep(_ i: Int, steps: [CatalogueStep], base: Int64, notBefore: Int64) {
        guard i < steps.count else {
            at(notBefore) { sim in
                sim.catalogueDone = true
                for c in sim.connectors { sim.scheduleRoutineSession(connector: c, notBefore: sim.now) }
            }
            return
        }
        at(max(base + steps[i].offset, notBefore)) { sim in
            let end = steps[i].run(sim, sim.now)
            sim.runCatalogueStep(i + 1, steps: steps, base: base, notBefore: end + 2 * Self.minute)
        }
    }

    private func catalogue() -> [CatalogueStep] {
        let m = Self.minute
        let c1 = 1
        let c2 = min(2, options.connectors)
        let card = rfidTag()
        return [
            // Boot, then the regular rhythm: heartbeats, CCU chatter, NTP every six hours.
            CatalogueStep(offset: 0) { sim, t in
                let up = sim.boot(t)
                sim.reportAllStatuses(up + 1000)
                sim.at(up + 10_000) { $0.heartbeat() }
                sim.at(t + 60_000) { $0.ccuChatter() }
                sim.at(t + 50 * m) { $0.ntpSync() }
                return up + 5000
            },
            // RFID card, stopped with the card.
            CatalogueStep(offset: 10 * m) { sim, t in
                sim.session(c1, at: t, remote: false, tag: card, minutes: 18, kWh: 21.4, stop: .card, soc: 35)
            },
            // Remote start (QR), stopped remotely.
            CatalogueStep(offset: 40 * m) { sim, t in
                sim.session(c2, at: t, remote: true, tag: sim.remoteTag(), minutes: 20, kWh: 26.9, stop: .remote, soc: 22)
            },
            // Authorisation rejected by the CPO.
            CatalogueStep(offset: 70 * m) { sim, t in sim.rejectedAuthorization(connector: c1, at: t) },
            // Stopped by the vehicle.
            CatalogueStep(offset: 80 * m) { sim, t in
                sim.session(c2, at: t, remote: false, tag: sim.rfidTag(), minutes: 16, kWh: 17.3, stop: .vehicle, soc: 30)
            },
            // Stopped at 100 % SoC.
            CatalogueStep(offset: 105 * m) { sim, t in
                sim.session(c1, at: t, remote: false, tag: sim.rfidTag(), minutes: 14, kWh: 9.6, stop: .fullSoC, soc: 86)
            },
            // StopTransaction rejected by the CPO (CALLERROR InternalError, 3.48e-05 in the data).
            CatalogueStep(offset: 130 * m) { sim, t in
                sim.session(c1, at: t, remote: false, tag: sim.rfidTag(), minutes: 10, kWh: 12.7, stop: .cpoRejected, soc: 66)
            },
            // Connection lost after an unanswered Heartbeat, restored 22 minutes later.
            CatalogueStep(offset: 160 * m) { sim, t in
                sim.plannedOutage = (after: t, duration: 22 * m)
                return t + sim.heartbeatInterval + 24 * m
            },
            // A Heartbeat answered after 6.4 s.
            CatalogueStep(offset: 210 * m) { sim, t in
                sim.plannedSlowAnswer = (after: t, latency: 6_400)
                return t + sim.heartbeatInterval + 10_000
            },
            // A meter register that goes backwards.
            CatalogueStep(offset: 220 * m) { sim, t in
                sim.session(c2, at: t, remote: false, tag: card, minutes: 14, kWh: 18.2, stop: .card, soc: 41,
                            backwardsAt: 5)
            },
            // meterStop 2.5 kWh above the register at the stop.
            CatalogueStep(offset: 250 * m) { sim, t in
                sim.session(c1, at: t, remote: false, tag: sim.rfidTag(), minutes: 12, kWh: 15.1, stop: .card, soc: 28,
                            meterStopOffset: 2500)
            },
            // A fault block with a Faulted status.
            CatalogueStep(offset: 280 * m) { sim, t in sim.fault(connector: c2, at: t) },
            // No Heartbeat for 25 minutes although connected.
            CatalogueStep(offset: 300 * m) { sim, t in
                sim.heartbeatsPausedUntil = t + 25 * m
                return t + 26 * m
            },
            // A remote-started session the firmware update's reboot cuts off: never stopped. The reboot
            // brings the clock back 95 s behind; the BootNotification answer syncs it (clock jump).
            CatalogueStep(offset: 335 * m) { sim, t in
                let end = sim.session(c1, at: t, remote: true, tag: sim.remoteTag(), minutes: 20, kWh: 31.0, stop: .never,
                                      soc: 19)
                let lastMeterValue = end - m
                sim.busyUntil[c1] = lastMeterValue + 10 * m
                sim.firmwareUpdate(at: lastMeterValue - 3 * m + sim.rng.int64(0...999), clockLag: 95_000) { _, _ in }
                return lastMeterValue + 10 * m
            },
            // Two sessions at once on different connectors.
            CatalogueStep(offset: 390 * m) { sim, t in
                let a = sim.session(c1, at: t, remote: false, tag: card, minutes: 30, kWh: 38.5, stop: .card, soc: 24)
                guard c2 != c1 else { return a }
                let b = sim.session(c2, at: t + 4 * m, remote: true, tag: sim.remoteTag(), minutes: 25, kWh: 30.2,
                                    stop: .vehicle, soc: 33)
                return max(a, b)
            },
        ]
    }

    @discardableResult
    func session(_ connector: Int, at t: Int64, remote: Bool, tag: String, minutes: Int, kWh: Double,
                 stop: SessionPlan.Stop, soc: Double, backwardsAt: Int? = nil, meterStopOffset: Int = 0) -> Int64 {
        let plan = SessionPlan(connector: connector, remote: remote, idTag: tag, minutes: minutes,
                               energyWh: Int(kWh * 1000) + rng.int(0...999), stop: stop, startSoC: soc,
                               peakKW: rng.double(80...150), backwardsAt: backwardsAt,
                               meterStopOffsetWh: meterStopOffset)
        let free = runSession(plan, at: t)
        busyUntil[connector] = max(busyUntil[connector], free)
        return free
    }

    /// Authorize answered `Invalid`.
    func rejectedAuthorization(connector c: Int, at t: Int64) -> Int64 {
        statusNotification(t, connector: c, "Preparing")
        let a = t + rng.int64(8_000...20_000)
        main(a, "Card NoEnable")
        main(a + 1000, "Front connector choose authorize: \"Rfid_Authorize\"")
        let tag = "04" + rng.hex(10).uppercased() + "80"
        let call = chargerCall(a + 1300, "Authorize", .obj(("idTag", .string(tag))),
                               answer: .result(.obj(("idTagInfo", .obj(("status", .string("Invalid")))))))
        recorder.scenario(.authorizationRejected, at: call.pipeRequest, connector: c, uniqueId: call.pipeId,
                          detail: "Authorize idTag \(tag) answered Invalid")
        let seen = call.chargerSawAnswer ?? a + 3000
        main(seen + 1, "Authorize request rejected!! status: Invalid")
        main(seen + 2, "Change LED status 3")
        let back = seen + rng.int64(40_000...70_000)
        statusNotification(back, connector: c, "Available")
        return back + 5000
    }

    /// An invented RFID card UID (7 bytes, as the seed's `04922FCA1D6680`).
    func rfidTag() -> String { "04" + rng.hex(10).uppercased() + "80" }

    /// An invented QR / app id tag.
    func remoteTag() -> String { "XX-GEN-QR" + String(rng.int(1000...9999)) + "-X" }
}
