/// OCPP through the Sungrow proxy (seed 000): every message appears as the pipe line (charger side,
/// Qt JSON, the charger's id) and as the WebSocket frame (CPO side, a UUID), with the request
/// queue and "works well" lines around them; MainProcess notes each answer it receives.
extension ChargerSimulation {
    enum Answer {
        case result(JSONValue)
        case callError(code: String, description: String, details: JSONValue)
        /// The CPO never answers.
        case none
    }

    struct CallTimes {
        /// `[From charging station]: ...` line.
        var pipeRequest: Int64
        /// The charger's id on the pipe.
        var pipeId: String
        /// `Sending: [2,...` line.
        var wsRequest: Int64
        var wsId: String
        /// `Received: [3,...` or `[4,...`.
        var wsAnswer: Int64?
        /// `[To charging station]: ...Response=` line.
        var pipeAnswer: Int64?
        /// When MainProcess logs the answer (`this ocppin is about = "...Response"`).
        var chargerSawAnswer: Int64?
    }

    /// A call from the charger. `payload` is in WebSocket field order; the pipe copy is the same
    /// object (plus `pipeExtra` fields) printed the Qt way. Records both hops.
    @discardableResult
    func chargerCall(_ t: Int64, _ action: String, _ payload: JSONValue, answer: Answer, latency: Int64? = nil,
                     pipeId: String? = nil, pipeExtra: [(String, JSONValue)] = [],
                     pipeAnswer: JSONValue? = nil) -> CallTimes {
        let pid = pipeId ?? self.pipeId()
        let wsId = rng.uuid()
        var pipePayload = payload
        for (k, v) in pipeExtra { pipePayload = pipePayload.adding(k, v) }
        proxy(t, "PipeSession - [From charging station]: \(pid)=\(action)=\(pipePayload.qtIndented)")
        worksWell(t + rng.int64(12...16))
        let queueIn = t + rng.int64(17...22)
        proxy(queueIn, "RequestQueue - SendRequest Queue size: 1, Store time: \(storeTime()), UUID: \(wsId)")
        let send = queueIn + rng.int64(20...130)
        proxy(send, "WebSocketTransmitter - Sending: [2,\"\(wsId)\",\"\(action)\",\(payload.compact)]")
        var times = CallTimes(pipeRequest: t, pipeId: pid, wsRequest: send, wsId: wsId)
        let got = send + (latency ?? rng.int64(180...1200))
        switch answer {
        case .none:
            recorder.exchange(uniqueId: wsId, action: action, fromCharger: true, request: send, response: nil,
                              websocket: true)
            recorder.exchange(uniqueId: pid, action: action, fromCharger: true, request: t, response: nil,
                              websocket: false)
        case .callError(let code, let description, let details):
            let frame = JSONValue.array([.int(4), .string(wsId), .string(code), .string(description), details])
            proxy(got, "WebSocketTransmitter - Received: \(frame.compact)")
            proxy(got + rng.int64(12...25), "PipeEventHandlerImpl - Handle\(action) ExecutionException", level: "WARN")
            times.wsAnswer = got
            recorder.exchange(uniqueId: wsId, action: action, fromCharger: true, request: send, response: got,
                              error: code, websocket: true)
            // The charger is never told.
            recorder.exchange(uniqueId: pid, action: action, fromCharger: true, request: t, response: nil,
                              websocket: false)
        case .result(let body):
            proxy(got, "WebSocketTransmitter - Received: [3,\"\(wsId)\",\(body.compact)]")
            let dequeued = got + rng.int64(4...7)
            proxy(dequeued, "RequestQueue - Queue size: 0, Store time: \(storeTime()), UUID: \(wsId), "
                  + "Request process time: \(dequeued - queueIn) ms")
            worksWell(got + rng.int64(28...38))
            let back = got + rng.int64(40...72)
            proxy(back, "PipeSession - [To charging station]: \(pid)=\(action)Response=\((pipeAnswer ?? body).compact)")
            let seen = back + rng.int64(150...400)
            main(seen, "1  JSONs OCPP were found")
            main(seen, "this ocppin is about =  \"\(action)Response\"")
            times.wsAnswer = got
            times.pipeAnswer = back
            times.chargerSawAnswer = seen
            recorder.exchange(uniqueId: wsId, action: action, fromCharger: true, request: send, response: got,
                              websocket: true)
            recorder.exchange(uniqueId: pid, action: action, fromCharger: true, request: t, response: back,
                              websocket: false)
        }
        return times
    }

    struct CPOCallTimes {
        var id: String
        /// `Received: [2,...` line.
        var received: Int64
        /// When MainProcess logs the request.
        var chargerSaw: Int64
        /// `Sending: [3,...` line.
        var answered: Int64
    }

    /// A call from the CPO: the WebSocket id is used on both hops. Records both hops.
    @discardableResult
    func cpoCall(_ t: Int64, _ action: String, _ payload: JSONValue, answer: JSONValue,
                 pipeAnswer: JSONValue? = nil) -> CPOCallTimes {
        let id = rng.uuid()
        proxy(t, "WebSocketTransmitter - Received: [2,\"\(id)\",\"\(action)\",\(payload.compact)]")
        let toCharger = t + rng.int64(18...30)
        proxy(toCharger, "PipeSession - [To charging station]: \(id)=\(action)=\(payload.compact)")
        let seen = toCharger + rng.int64(60...140)
        main(seen, "1  JSONs OCPP were found")
        main(seen, "this ocppin is about =  \"\(action)\"")
        let fromCharger = seen + rng.int64(150...300)
        proxy(fromCharger, "PipeSession - [From charging station]: \(id)=\(action)Response=\((pipeAnswer ?? answer).qtIndented)")
        proxy(fromCharger + rng.int64(20...30), "PipeSession - Pipe Ready")
        let sent = fromCharger + rng.int64(31...45)
        proxy(sent, "WebSocketTransmitter - Sending: [3,\"\(id)\",\(answer.compact)]")
        recorder.exchange(uniqueId: id, action: action, fromCharger: false, request: t, response: sent,
                          websocket: true)
        recorder.exchange(uniqueId: id, action: action, fromCharger: false, request: toCharger, response: fromCharger,
                          websocket: false)
        return CPOCallTimes(id: id, received: t, chargerSaw: seen, answered: sent)
    }
}
