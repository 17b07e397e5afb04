import ChargeLogCore

/// The detail pane's sections for an OCPP record: the exchange (request and answer together, with
/// latency and the proxy hop), pretty JSON with field annotations, issues, meter values, OCMF readings.
enum OCPPDetail {
    static func sections(for m: OCPPMessage, analysis: OCPPAnalysis) -> [DetailSection] {
        let index = analysis.index
        let ex = analysis.exchange(containing: m.ref)
        // By message number: a download row holds both the request and its answer in one record.
        let request = ex?.requestMessage.map { analysis.messages[$0] } ?? (m.type?.isRequest == true ? m : nil)
        let answer = ex?.answerMessage.map { analysis.messages[$0] } ?? (m.type?.isAnswer == true ? m : nil)
        let action = m.action ?? ex?.action ?? request?.action

        var head: [DetailLine] = []
        let type = m.type?.label ?? "broken frame"
        head.append(DetailLine("\(type) \(action ?? "?")  \(m.direction.label)  via \(m.connection)", kind: .heading))
        head.append(DetailLine("uniqueId \(m.uniqueId)"))
        if let r = request?.ref {
            head.append(DetailLine("request  \(where_(index, r))", annotation: r == m.ref ? "this record" : "Enter jumps here"))
        }
        if let a = answer?.ref {
            head.append(DetailLine("answer   \(where_(index, a))", annotation: a == m.ref ? "this record" : "Enter jumps here"))
        } else if m.type?.isRequest == true {
            head.append(DetailLine("answer   none in the log", kind: .error))
        }
        if let l = ex?.latencyMs { head.append(DetailLine("latency  \(l) ms", kind: l > 5000 ? .error : .plain)) }
        if let h = analysis.hopCopy(of: m.ref) {
            head.append(DetailLine("hop copy \(where_(index, h))", annotation: "same message on the other side of the proxy"))
        }
        var out = [DetailSection(title: "OCPP exchange", lines: head)]

        // Long transaction data (a StopTransaction's meter readings and OCMF signatures) goes after the
        // answer, so the answer shows without scrolling.
        var later: DetailSection?
        if let r = request, let f = r.frame {
            var payload = f.payload
            if answer != nil, case .object(let fields)? = payload, let i = fields.firstIndex(where: { $0.key == "transactionData" }) {
                var kept = fields
                let data = kept.remove(at: i).value
                payload = .object(kept)
                let n = if case .array(let a) = data { a.count } else { 1 }
                later = DetailSection(title: "Request transactionData (\(n) entries)", lines: json(data, action: action, isAnswer: false))
            }
            var lines = json(payload, action: action, isAnswer: false)
            if later != nil { lines.append(DetailLine("transactionData: after the answer, below", kind: .dim)) }
            out.append(DetailSection(title: "Request (\(r.direction.label))", lines: lines))
        }
        if let a = answer, let f = a.frame {
            var lines: [DetailLine] = []
            if a.type?.isError == true {
                let code = f.errorCode ?? "?"
                lines.append(DetailLine("CALLERROR \(code)", annotation: CallErrorCode(rawValue: code)?.meaning, kind: .error))
                if let d = f.errorDescription { lines.append(DetailLine(d)) }
                if let det = f.errorDetails { lines += json(det, action: nil, isAnswer: true) }
            } else {
                lines = json(f.payload, action: action, isAnswer: true)
            }
            out.append(DetailSection(title: "Answer (\(a.direction.label))", lines: lines))
        }
        if let later { out.append(later) }
        let issues = (request?.issues ?? []) + (answer?.issues ?? []) + (m.isBroken ? m.issues : [])
        if !issues.isEmpty {
            out.append(DetailSection(title: "Issues", lines: Array(Set(issues)).sorted { $0.description < $1.description }
                .map { DetailLine($0.description, kind: $0.severity >= .error ? .error : .plain) }))
        }
        if let payload = request?.frame?.payload {
            let ocmf = OCMFDetail.lines(payload, analysis: analysis)
            if !ocmf.isEmpty { out.append(DetailSection(title: "OCMF signed readings", lines: ocmf)) }
        }
        return out
    }

    static func where_(_ index: LogIndex, _ r: RecordRef) -> String {
        let info = index.info(of: r)
        return "\(CivilTime.clock(info.time)) \(info.file):\(info.line)"
    }

    /// Pretty JSON, each line annotated where a field has a meaning worth spelling out.
    static func json(_ v: ChargeLogCore.JSONValue?, action: String?, isAnswer: Bool) -> [DetailLine] {
        guard let v else { return [DetailLine("(no payload)", kind: .dim)] }
        return JSONPrinter.prettyLines(v, indent: 2, inlineWidth: 60).map { line in
            DetailLine(line, annotation: annotation(line, action: action, isAnswer: isAnswer), kind: .json)
        }
    }

    /// `"errorCode": "UnderVoltage",` → the meaning of UnderVoltage.
    static func annotation(_ line: String, action: String?, isAnswer: Bool) -> String? {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("\""), let colon = t.range(of: "\": ") else { return nil }
        let key = String(t[t.index(after: t.startIndex)..<colon.lowerBound])
        var value = String(t[colon.upperBound...])
        if value.hasSuffix(",") { value.removeLast() }
        let str = value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? String(value.dropFirst().dropLast()) : nil
        switch key {
        case "errorCode":
            guard let s = str else { return nil }
            if let c = ChargePointErrorCode(rawValue: s) { return "\(c.meaning) (code \(c.number))" }
            return CallErrorCode(rawValue: s)?.meaning
        case "status" where action == "StatusNotification" && !isAnswer:
            return str.flatMap { ChargePointStatus(rawValue: $0)?.meaning }
        case "vendorErrorCode":
            guard let s = str, !s.isEmpty, let e = AuroraVendorCodes.lookup(s).first else { return nil }
            return "\(e.hex) \(e.name): \(e.meaning)"
        case "meterStart", "meterStop":
            return Double(value).map { "= \(formatKWh($0 / 1000)) kWh" }
        case "reason" where action == "StopTransaction":
            return str.flatMap { stopReasons[$0] }
        case "value":
            guard let s = str, s.contains("e") || s.contains("E"), let d = Double(s) else { return nil }
            return "= \(NumberText.plain(d)) (scientific notation: some back ends reject it)"
        case "interval" where action == "BootNotification" || action == "Heartbeat":
            return "heartbeat every \(value) s"
        default:
            return nil
        }
    }

    static let stopReasons: [String: String] = [
        "DeAuthorized": "idTag no longer valid", "EmergencyStop": "emergency stop pressed",
        "EVDisconnected": "the vehicle unplugged or stopped", "HardReset": "charger hard reset",
        "Local": "stopped at the charger (card, button or vehicle)", "Other": "other reason",
        "PowerLoss": "power lost", "Reboot": "charger rebooted", "Remote": "stopped by the back end (RemoteStop)",
        "SoftReset": "charger soft reset", "UnlockCommand": "connector unlocked by the back end",
    ]

    static func formatKWh(_ v: Double) -> String {
        NumberText.plain((v * 1000).rounded() / 1000)
    }

    /// A one-line summary of the transaction a record belongs to.
    static func transactionSection(_ t: OCPPTransaction) -> DetailSection {
        let place = t.evse != nil ? "EVSE \(t.connectorLabel ?? "?")" : "connector \(t.connectorLabel ?? "?")"
        var lines = [DetailLine("transaction \(t.transactionId) \(place) idTag \(t.idTag ?? "-") (\(t.auth))")]
        let start = t.start.map { CivilTime.display($0) } ?? "before the log"
        let stop = t.stop.map { CivilTime.display($0) } ?? "open"
        lines.append(DetailLine("\(start) → \(stop)"))
        if let e = t.energyWh { lines.append(DetailLine("energy \(formatKWh(e / 1000)) kWh, \(t.meterValues) MeterValues")) }
        if let s = t.stopStatus { lines.append(DetailLine("stop \(t.reason ?? "?"), CPO: \(s)", kind: s == "Accepted" ? .plain : .error)) }
        let runs = t.eventRuns
        if !runs.isEmpty { lines.append(DetailLine("events: " + runs.map(\.text).joined(separator: ", "))) }
        lines.append(DetailLine("] / [ step through its records in every stream", kind: .dim))
        return DetailSection(title: "Transaction", lines: lines)
    }

    /// For lines that are not OCPP: the fault names and vendor codes they mention.
    static func lineFacts(_ text: String) -> [DetailSection] {
        var lines: [DetailLine] = []
        if let f = SungrowFaultName.parse(text) {
            lines.append(DetailLine("fault \(f.code)", annotation: f.description))
        }
        if let a = AuroraErrorLine.parse(text) {
            lines.append(DetailLine(a.summary))
        }
        return lines.isEmpty ? [] : [DetailSection(title: "Decoded", lines: lines)]
    }
}
