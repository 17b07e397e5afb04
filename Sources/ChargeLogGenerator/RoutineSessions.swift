import ChargeLogCore

/// After the scripted day: each connector charges car after car, by day (05:00 to 23:30), with the
/// usual mix of card and QR starts and ways to stop; now and then a rejected card, a fault, a
/// StopTransaction the CPO rejects. Runs until the target size is reached.
extension ChargerSimulation {
    func scheduleRoutineSession(connector c: Int, notBefore: Int64) {
        var t = max(notBefore, busyUntil[c]) + rng.int64(8 * Self.minute...150 * Self.minute)
        t = withinChargingHours(t)
        at(t) { sim in
            guard !sim.windingDown else { return }
            var now = sim.now
            if sim.rng.chance(0.03) { now = sim.fault(connector: c, at: now) + 10 * Self.minute }
            if sim.rng.chance(0.04) { now = sim.rejectedAuthorization(connector: c, at: now) + 3 * Self.minute }
            let free = sim.runSession(sim.routinePlan(connector: c), at: now)
            sim.busyUntil[c] = max(sim.busyUntil[c], free)
            sim.scheduleRoutineSession(connector: c, notBefore: free)
        }
    }

    /// Moves a start outside 05:00..23:30 to the next morning.
    private func withinChargingHours(_ t: Int64) -> Int64 {
        let msOfDay = ((t % CivilTime.msPerDay) + CivilTime.msPerDay) % CivilTime.msPerDay
        let open: Int64 = 5 * 3_600_000, close: Int64 = 23 * 3_600_000 + 30 * Self.minute
        if msOfDay >= open && msOfDay < close { return t }
        let day = t - msOfDay + (msOfDay >= close ? CivilTime.msPerDay : 0)
        return day + open + rng.int64(0...90 * Self.minute)
    }

    func routinePlan(connector c: Int) -> SessionPlan {
        let remote = rng.chance(0.25)
        let minutes = rng.int(10...75)
        let averageKW = rng.double(20...120)
        var stop: SessionPlan.Stop
        let roll = rng.unit()
        switch roll {
        case ..<0.02: stop = .cpoRejected
        case ..<0.40: stop = remote ? .remote : .card
        case ..<0.68: stop = .vehicle
        case ..<0.80: stop = .fullSoC
        default: stop = .remote
        }
        if stop == .cpoRejected && remote { stop = .remote }
        let soc = stop == .fullSoC ? rng.double(70...90) : rng.double(8...60)
        return SessionPlan(connector: c, remote: remote, idTag: remote ? remoteTag() : regularCard(),
                           minutes: minutes, energyWh: Int(averageKW * Double(minutes) / 60 * 1000),
                           stop: stop, startSoC: soc, peakKW: max(averageKW, rng.double(60...150)))
    }

    /// Regular customers come back: a pool of invented cards.
    private func regularCard() -> String {
        var r = SeededRandom(seed: options.seed &+ UInt64(rng.int(0...23)) &* 0x9E37_79B9)
        return "04" + r.hex(10).uppercased() + "80"
    }
}
