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

    /// Pretty JSON, each line annotated where the field it starts has a meaning worth spelling out
    /// (read from the decoded value, not from the printed text).
    static func json(_ v: ChargeLogCore.JSONValue?, action: String?, isAnswer: Bool) -> [DetailLine] {
        guard let v else { return [DetailLine("(no payload)", kind: .dim)] }
        return JSONPrinter.prettyFields(v, indent: 2, inlineWidth: 60).map { line in
            let note = line.key.flatMap { k in line.value.flatMap { annotation(key: k, value: $0, action: action, isAnswer: isAnswer) } }
            return DetailLine(line.text, annotation: note, kind: .json)
        }
    }

    /// `errorCode: "UnderVoltage"` → the meaning of UnderVoltage.
    static func annotation(key: String, value: ChargeLogCore.JSONValue, action: String?, isAnswer: Bool) -> String? {
        let str = value.stringValue
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
            guard case .number = value, let wh = value.doubleValue else { return nil }
            return "= \(formatKWh(wh / 1000)) kWh"
        case "reason" where action == "StopTransaction":
            return str.flatMap { StopReason(rawValue: $0)?.meaning }
        case "value":
            guard let s = str, s.contains("e") || s.contains("E"), let d = Double(s) else { return nil }
            return "= \(NumberText.plain(d)) (scientific notation: some back ends reject it)"
        case "interval" where action == "BootNotification" || action == "Heartbeat":
            return "heartbeat every \(value.plainText) s"
        default:
            return nil
        }
    }

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
