/// OCPP 2.0.1 transactions from TransactionEvent: Started / Updated / Ended by `transactionId`, on the
/// EVSE the events name, each seqNo once (a resend is not counted again), the idToken and how it was
/// authorised (a RequestStartTransaction by `remoteStartId`, or the one just before a `RemoteStart`
/// trigger), stoppedReason, and at the end the energy from the register readings, seqNo gaps and
/// offline replays.
extension TransactionBuilder {
    /// How far before a `RemoteStart`-triggered event a RequestStartTransaction is taken as its cause
    /// when the event names no remoteStartId.
    static let remoteTriggerWindow: Int64 = 60_000

    mutating func transactionEvent(_ e: MessageFacts.TransactionEventFacts, message i: Int) {
        guard let id = e.transactionId else { return }
        let isStart = e.eventType == "Started"
        let t = byId[id] ?? newTransaction(id: id, message: i, startedBeforeLog: !isStart)
        add(i, to: t)
        if let seq = e.seqNo, !seenSeqNo[t, default: []].insert(seq).inserted { return }
        let when = e.timestamp ?? time(i)
        txs[t].events.append(TransactionEventStep(
            eventType: e.eventType ?? "?", triggerReason: e.triggerReason, seqNo: e.seqNo, chargingState: e.chargingState,
            offline: e.offline, time: when, ref: ref(i), sampleCount: e.samples.count))
        if let v = e.evse {
            if let known = txs[t].evse, known != v {
                txs[t].issues.append(OCPPIssue(.warning, .evseMismatch,
                    "TransactionEvent seqNo \(e.seqNo.map(String.init) ?? "?") names EVSE \(v), the transaction ran on EVSE \(known)"))
            }
            txs[t].evse = v
            txs[t].connector = v
            if let c = e.connector { txs[t].evseConnector = c }
        }
        if let tag = e.idToken, txs[t].idTag == nil { txs[t].idTag = tag }
        txs[t].samples += e.samples
        txs[t].signedValues += e.signed.map { var v = $0; v.ref = ref(i); return v }
        if e.remoteStartId != nil || e.triggerReason == "RemoteStart" {
            linkRequestStart(e, to: t, at: time(i))
        } else if e.idToken != nil, txs[t].remoteStartRef == nil, isStart || e.triggerReason == "Authorized" {
            txs[t].auth = Self.tokenAuth(e.idTokenType)
        }
        switch e.eventType {
        case "Started":
            txs[t].startedBeforeLog = false
            if txs[t].remoteStartRef == nil && e.idToken == nil { txs[t].auth = "Local" }
            txs[t].start = when
            txs[t].startRef = ref(i)
            startLogTime[t] = time(i)
        case "Ended":
            txs[t].stop = when
            txs[t].stopRef = ref(i)
            txs[t].reason = e.stoppedReason ?? "Local"
            txs[t].stopStatus = verdict(i)
            txs[t].stopIdTagStatus = answerFacts(i)?.status
            if let c = txs[t].connector, openOnConnector[c] == t { openOnConnector[c] = nil }
        default:
            if !e.samples.isEmpty { txs[t].meterValues += 1 }
        }
        if isStart, let c = txs[t].connector { openOnConnector[c] = t }
    }

    /// Links the RequestStartTransaction behind an event: the one with the event's `remoteStartId`, else
    /// the latest accepted one for the same EVSE within `remoteTriggerWindow`, else the latest one for
    /// any EVSE in that window (noted as an issue: the charger started a different EVSE than asked).
    mutating func linkRequestStart(_ e: MessageFacts.TransactionEventFacts, to t: Int, at t0: Int64) {
        guard txs[t].remoteStartRef == nil else { return }
        var found: Int? = nil
        if let rid = e.remoteStartId, let r = remoteStartIds[rid],
           let k = remoteStarts.lastIndex(where: { $0.message == r && t0 - $0.time <= Self.authWindow && t0 >= $0.time }) {
            found = k
        }
        let evse = e.evse ?? txs[t].evse
        if found == nil {
            found = remoteStarts.lastIndex { r in
                t0 >= r.time && t0 - r.time <= Self.remoteTriggerWindow && (evse == nil || r.connector == nil || r.connector == evse)
            }
        }
        if found == nil, e.triggerReason == "RemoteStart" {
            found = remoteStarts.lastIndex { r in t0 >= r.time && t0 - r.time <= Self.remoteTriggerWindow }
            if let k = found, let asked = remoteStarts[k].connector, let v = evse {
                txs[t].issues.append(OCPPIssue(.warning, .evseMismatch,
                    "RequestStartTransaction at \(CivilTime.display(remoteStarts[k].time)) asked for EVSE \(asked); the charger started the transaction on EVSE \(v)"))
            }
        }
        guard let k = found else { return }
        let r = remoteStarts.remove(at: k)
        txs[t].auth = "Remote"
        txs[t].remoteStartRef = ref(r.message)
        add(r.message, to: t)
        if txs[t].idTag == nil, let tag = r.idTag {
            txs[t].idTag = tag
            if e.idToken == nil {
                txs[t].issues.append(OCPPIssue(.info, .inferred,
                    "idToken \(tag) taken from the RequestStartTransaction at \(CivilTime.display(r.time)) (the TransactionEvent names none)"))
            }
        }
    }

    /// 2.0.1 IdTokenEnumType → auth label.
    static func tokenAuth(_ type: String?) -> String {
        switch type {
        case "ISO14443", "ISO15693": "RFID"
        case "Central": "Remote"
        case "MacAddress": "Autocharge"
        case "NoAuthorization": "None"
        case nil: "Local"
        case let t?: t
        }
    }

    /// Energy from the register readings, seqNo gaps and offline replays of a 2.0.1 transaction.
    mutating func finishEvents(_ t: Int) {
        let register = Self.registerReadings(txs[t].samples)
        if let first = register.first(where: { $0.context == .transactionBegin }) ?? register.first {
            txs[t].meterStart = first.value
        }
        if let last = register.last(where: { $0.context == .transactionEnd }) ?? register.last {
            txs[t].meterStop = last.value
        }
        let seqs = Set(txs[t].events.compactMap(\.seqNo)).sorted()
        if let lo = seqs.first, let hi = seqs.last {
            let from = txs[t].startedBeforeLog ? lo : 0
            let missing = (from...hi).count - seqs.filter { $0 >= from }.count
            if missing > 0 {
                let gaps = Self.ranges(missing: seqs, from: from)
                txs[t].issues.append(OCPPIssue(.warning, .sequenceGap,
                    "\(missing) TransactionEvent\(missing == 1 ? "" : "s") missing: seqNo \(gaps)"))
            }
        }
        let offline = txs[t].offlineEvents
        if offline > 0 {
            txs[t].issues.append(OCPPIssue(.info, .offlineReplay,
                "\(offline) TransactionEvent\(offline == 1 ? "" : "s") sent with offline: true (replayed after a connection loss)"))
        }
    }

    /// The phase-less `Energy.Active.Import.Register` readings in time order (not at the EV); when a
    /// transaction sends only per-phase readings, their sum per timestamp (the per-phase values are
    /// not the total).
    static func registerReadings(_ samples: [MeterSample]) -> [MeterSample] {
        let energy = samples.filter { $0.measurand == .energyActiveImportRegister && $0.location != .ev }
        let total = energy.filter { $0.phase == nil }
        if !total.isEmpty || energy.isEmpty { return stableByTime(total) }
        var sums: [Int64: MeterSample] = [:]
        var order: [Int64] = []
        for s in energy where [.l1, .l2, .l3, .l1n, .l2n, .l3n].contains(s.phase) {
            if var a = sums[s.time] {
                a.value += s.value
                sums[s.time] = a
            } else {
                var a = s
                a.phase = nil
                sums[s.time] = a
                order.append(s.time)
            }
        }
        return order.sorted().compactMap { sums[$0] }
    }

    static func stableByTime(_ s: [MeterSample]) -> [MeterSample] {
        s.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }

    /// `3, 7–9` for the numbers missing from `from` to the last of `seqs` (sorted, unique).
    static func ranges(missing seqs: [Int], from: Int) -> String {
        var out: [String] = []
        var expected = from
        for s in seqs where s >= from {
            if s > expected { out.append(s - 1 == expected ? String(expected) : "\(expected)–\(s - 1)") }
            expected = s + 1
        }
        return out.joined(separator: ", ")
    }
}
