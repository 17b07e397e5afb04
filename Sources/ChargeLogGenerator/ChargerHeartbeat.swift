/// The charger's steady rhythm: StatusNotifications, Heartbeats (where the planted outage and slow
/// answer start), CCU idle chatter.
extension ChargerSimulation {
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
}
