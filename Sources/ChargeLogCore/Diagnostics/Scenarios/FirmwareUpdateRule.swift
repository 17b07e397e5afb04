/// A firmware update: the CPO's UpdateFirmware (and SignedUpdateFirmware) with its answer, the
/// charger's FirmwareStatusNotification steps, the update log's `Loader --> … Type_Update_Firmware_Request`
/// and `Update Phase:N` lines, and the reboot after (BootNotification, MainProcess `Bootup info`).
/// Evidence less than `gap` apart is one update. A lone `Idle` status (the answer to a
/// TriggerMessage) and boots without an update are not updates.
struct FirmwareUpdateRule: ScenarioRule {
    var kind: FindingKind { .firmwareUpdate }
    static let gap: Int64 = 60 * 60_000

    enum Step {
        case request(location: String?)
        case status(String)
        case updateLog(String)
        case phase(String)
        case boot(firmware: String?)

        var canStart: Bool {
            switch self {
            case .request, .updateLog, .phase: true
            case .status(let s): s != "Idle"
            case .boot: false
            }
        }
    }

    struct Evidence {
        var time: Int64
        var refs: [RecordRef]
        var step: Step
    }

    func findings(in c: DiagnosticContext) -> [Finding] {
        var evidence: [Evidence] = []
        for m in c.calls("UpdateFirmware") + c.calls("SignedUpdateFirmware") {
            var refs = [m.ref]
            refs.add(c.answer(to: m)?.ref)
            let location = m.payload["location"]?.stringValue ?? m.payload["firmware"]?["location"]?.stringValue
            evidence.append(Evidence(time: m.time, refs: refs, step: .request(location: location)))
        }
        for m in c.calls("FirmwareStatusNotification") {
            evidence.append(Evidence(time: m.time, refs: [m.ref], step: .status(m.payload["status"]?.stringValue ?? "?")))
        }
        for l in c.lines(.updateRequest) { evidence.append(Evidence(time: l.time, refs: [l.ref], step: .updateLog("request received"))) }
        for l in c.lines(.updatePhase) {
            let n = FindingText.capture(#"Update Phase:\s*(\w+)"#, in: c.text(l.ref)) ?? "?"
            evidence.append(Evidence(time: l.time, refs: [l.ref], step: .phase(n)))
        }
        let boots = c.calls("BootNotification")
        for m in boots { evidence.append(Evidence(time: m.time, refs: [m.ref], step: .boot(firmware: Self.firmware(m.payload)))) }
        for l in c.lines(.bootup) { evidence.append(Evidence(time: l.time, refs: [l.ref], step: .boot(firmware: nil))) }
        evidence.sort { $0.time < $1.time }

        var episodes: [[Evidence]] = []
        for e in evidence {
            if var last = episodes.last, let prev = last.last, e.time - prev.time <= Self.gap {
                last.append(e)
                episodes[episodes.count - 1] = last
            } else if e.step.canStart {
                episodes.append([e])
            }
        }
        return episodes.map { episode(of: $0, boots: boots) }
    }

    func episode(of steps: [Evidence], boots: [OCPPMessage]) -> Finding {
        var parts: [String] = []
        var statuses: [String] = []
        var phases: [String] = []
        var reboot: (time: Int64, firmware: String?)? = nil
        var records: [RecordRef] = []
        for s in steps {
            records.add(contentsOf: s.refs)
            switch s.step {
            case .request(let location):
                parts.append("UpdateFirmware at \(FindingText.clock(s.time))" + (location.map { " from \(SecretMasker.mask($0))" } ?? ""))
            case .status(let st): if statuses.last != st { statuses.append(st) }
            case .updateLog(let what): parts.append("update log: \(what)")
            case .phase(let n): if phases.last != n { phases.append(n) }
            case .boot(let fw):
                if reboot == nil { reboot = (s.time, fw) } else if reboot?.firmware == nil, let fw { reboot?.firmware = fw }
            }
        }
        if !statuses.isEmpty { parts.append("FirmwareStatusNotification " + statuses.joined(separator: " → ")) }
        if !phases.isEmpty { parts.append("update phases " + phases.joined(separator: " → ")) }
        let before = boots.last { $0.time < steps[0].time }.flatMap { Self.firmware($0.payload) }
        if let r = reboot {
            var s = "rebooted at \(FindingText.clock(r.time))"
            if let fw = r.firmware { s += before.map { " (firmware \($0) → \(fw))" } ?? " (firmware \(fw))" }
            parts.append(s)
        } else {
            parts.append("no reboot in the log")
        }
        let failed = statuses.contains { $0.lowercased().contains("fail") }
        let outcome = failed ? "failed" : statuses.last == "Installed" ? "installed" : nil
        let text = "Firmware update\(outcome.map { " (\($0))" } ?? ""): " + parts.joined(separator: "; ")
        return Finding(kind, severity: failed ? .warning : .info, time: steps[0].time, end: steps.last!.time,
                       explanation: text, records: records)
    }

    static func firmware(_ p: JSONValue) -> String? {
        p["firmwareVersion"]?.stringValue ?? p["chargingStation"]?["firmwareVersion"]?.stringValue
    }
}
