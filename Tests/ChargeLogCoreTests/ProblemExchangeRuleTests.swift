import Testing
@testable import ChargeLogCore

/// The specification's rules on exchanges: answers without a call, reused message ids, schema
/// violations, failed uploads and updates, heartbeat cadence; and repeated findings grouped. Each on a
/// log in the TONLY bare-frame carrier (seed 004) or the Sungrow proxy carrier, with a near miss.
@Suite struct ProblemExchangeRuleTests {
    static func booted(interval: Int = 300) -> FrameLog {
        var log = FrameLog()
        log.call("08:00:00", "1", "BootNotification", FrameLog.boot, answer: FrameLog.bootAnswer(interval: interval))
        return log
    }

    // MARK: orphans

    @Test func answerWithoutItsCall() throws {
        var log = Self.booted()
        log.call("08:05:00", "2", "Heartbeat", "{}", answer: #"{"currentTime":"2024-01-15T08:05:00.500Z"}"#)
        log.receive("08:10:00", #"[3,"pre-capture",{"currentTime":"2024-01-15T08:10:00.000Z"}]"#)
        let b = try log.bundle()
        defer { b.remove() }
        let found = b.of(.orphanAnswer)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.explanation == "CALLRESULT pre-capture (cs->cp) answers no call in the log")
        #expect(b.texts(found[0])[0].contains("pre-capture"))
    }

    @Test func answeredCallsAreNoOrphansAndAnEarlyOrphanIsInformation() throws {
        var log = FrameLog()
        // Open OCPP Trace fixture "orphan-response": the capture began after the call.
        log.receive("08:00:01", #"[3,"msg-pre-capture",{"currentTime":"2024-01-15T08:00:01.000Z"}]"#)
        log.call("08:00:02", "1", "BootNotification", FrameLog.boot, answer: FrameLog.bootAnswer())
        let b = try log.bundle()
        defer { b.remove() }
        #expect(b.of(.orphanAnswer).map(\.severity) == [.info])
    }

    // MARK: reused ids

    @Test func idReusedForAnotherCall() throws {
        var log = Self.booted()
        log.call("08:05:00", "7", "Heartbeat", "{}", answer: #"{"currentTime":"2024-01-15T08:05:00.500Z"}"#)
        log.call("08:06:00", "7", "StatusNotification", #"{"connectorId":1,"status":"Available","errorCode":"NoError"}"#)
        let b = try log.bundle()
        defer { b.remove() }
        let found = b.of(.reusedMessageId)
        #expect(found.count == 1)
        #expect(found.first?.explanation.contains("Message id 7 of StatusNotification (cp->cs) was already used by the Heartbeat call") == true)
    }

    @Test func retryAndReuseAfterABootAreFine() throws {
        var log = Self.booted()
        // The same Heartbeat sent again after no answer: a retry.
        log.call("08:05:00", "7", "Heartbeat", "{}", answer: nil)
        log.call("08:05:30", "7", "Heartbeat", "{}", answer: #"{"currentTime":"2024-01-15T08:05:30.500Z"}"#)
        // A counter restarting after a reboot.
        log.call("09:00:00", "1", "BootNotification", FrameLog.boot, answer: FrameLog.bootAnswer())
        let b = try log.bundle()
        defer { b.remove() }
        #expect(b.of(.reusedMessageId).isEmpty)
    }

    // MARK: schema

    @Test func stopReasonOutsideTheEnumerationIsASchemaViolation() throws {
        // Open OCPP Trace fixture "invalid-stop-reason": reason "PowerSurge".
        var log = Self.booted()
        log.call("08:02:30", "3", "StartTransaction", ProblemSpecRuleTests.start(), answer: ProblemSpecRuleTests.started)
        log.call("08:30:00", "4", "StopTransaction", ProblemSpecRuleTests.stop(meter: 5000, at: "08:30:00", reason: "PowerSurge"),
                 answer: ProblemSpecRuleTests.accepted)
        let b = try log.bundle()
        defer { b.remove() }
        let found = b.of(.schemaViolation)
        #expect(found.map(\.explanation) == [#"CALL StopTransaction breaks the schema: reason: unknown Reason value "PowerSurge""#])
        #expect(found.first?.cause == "schema violations in CALL StopTransaction")
        let summary = BundleSummary.build(b.context, findings: b.findings)
        #expect(summary.text().contains(#"schema violation [warning]"#))
    }

    @Test func unusualButLegalStopReasonIsNoViolation() throws {
        // Open OCPP Trace fixture "unexpected-stop-reason": reason "Other" is in the enumeration.
        var log = Self.booted()
        log.call("08:02:30", "3", "StartTransaction", ProblemSpecRuleTests.start(), answer: ProblemSpecRuleTests.started)
        log.call("08:30:00", "4", "StopTransaction", ProblemSpecRuleTests.stop(meter: 5000, at: "08:30:00", reason: "Other"),
                 answer: ProblemSpecRuleTests.accepted)
        let b = try log.bundle()
        defer { b.remove() }
        #expect(b.of(.schemaViolation).isEmpty)
    }

    // MARK: uploads and updates

    @Test func failedDiagnosticsAndFirmware() throws {
        var log = Self.booted()
        log.call("08:12:00", "5", "DiagnosticsStatusNotification", #"{"status":"UploadFailed"}"#)
        log.call("08:20:00", "6", "FirmwareStatusNotification", #"{"status":"InstallationFailed"}"#)
        // Open OCPP Trace fixture "diagnostics-failure": a value outside the enumeration naming a failure.
        log.call("08:30:00", "7", "DiagnosticsStatusNotification", #"{"status":"DiagnosisFailed"}"#)
        let b = try log.bundle()
        defer { b.remove() }
        #expect(b.of(.managementFailure).map(\.explanation) == [
            "Diagnostics upload failed: DiagnosticsStatusNotification status UploadFailed",
            "Firmware update failed: FirmwareStatusNotification status InstallationFailed",
            "Diagnostics upload failed: DiagnosticsStatusNotification status DiagnosisFailed (not a value of the specification)",
        ])
    }

    @Test func successfulUploadIsNoFailure() throws {
        var log = Self.booted()
        log.call("08:12:00", "5", "DiagnosticsStatusNotification", #"{"status":"Uploading"}"#)
        log.call("08:13:00", "6", "DiagnosticsStatusNotification", #"{"status":"Uploaded"}"#)
        log.call("08:20:00", "7", "FirmwareStatusNotification", #"{"status":"Installed"}"#)
        let b = try log.bundle()
        defer { b.remove() }
        #expect(b.of(.managementFailure).isEmpty)
    }

    // MARK: heartbeat cadence

    static func heartbeats(_ times: [String], interval: Int = 300) -> FrameLog {
        var log = booted(interval: interval)
        for (k, t) in times.enumerated() {
            log.call(t, "hb\(k)", "Heartbeat", "{}", answer: #"{"currentTime":"2024-01-15T\#(t)Z"}"#)
        }
        return log
    }

    @Test func heartbeatsAtTwiceTheInterval() throws {
        // Open OCPP Trace fixture "heartbeat-irregular": interval 300 s, heartbeats 10 min apart.
        let b = try Self.heartbeats(["08:05:00", "08:15:00", "08:25:00", "08:35:00"]).bundle()
        defer { b.remove() }
        let found = b.of(.heartbeatCadence)
        #expect(found.map(\.explanation) == ["Heartbeats every 10 min (median of 3 quiet gaps, 3 off) while the BootNotification answer set 5 min"])
        // No gap is above twice the interval, so the gap check stays quiet: the cadence rule is what names it.
        #expect(b.of(.heartbeatGap).isEmpty)
    }

    @Test func heartbeatsOnTheIntervalWithJitter() throws {
        let b = try Self.heartbeats(["08:05:00", "08:10:02", "08:14:59", "08:20:01"]).bundle()
        defer { b.remove() }
        #expect(b.of(.heartbeatCadence).isEmpty)
    }

    // MARK: grouping

    @Test func repeatedCallErrorsAreGroupedWithFirstAndLastTime() throws {
        var log = Self.booted()
        for k in 0..<5 {
            let t = String(format: "08:%02d:00", 10 + k)
            log.send(t, #"[2,"mv\#(k)","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2024-01-15T\#(t)Z","sampledValue":[{"value":"1"}]}]}]"#)
            log.receive(FrameLog.later(t, ms: 200), #"[4,"mv\#(k)","NotImplemented","Handler not implemented",{}]"#)
        }
        log.send("08:20:00", #"[2,"st","StatusNotification",{"connectorId":1,"status":"Available","errorCode":"NoError"}]"#)
        log.receive("08:20:00.200", #"[4,"st","NotImplemented","",{}]"#)
        let b = try log.bundle()
        defer { b.remove() }
        #expect(b.of(.callError).count == 6)
        let groups = FindingGroups.fold(b.of(.callError))
        #expect(groups.map(\.count) == [5, 1])
        #expect(FindingGroups.headline(groups[0]) == "×5 CALLERROR NotImplemented answering MeterValues (first 2024-01-15 08:10:00, last 2024-01-15 08:14:00)")
        #expect(groups[0].lastTime == ms("2024-01-15T08:14:00.200Z"))
        let summary = BundleSummary.build(b.context, findings: b.findings)
        let text = summary.text()
        #expect(text.contains("CALLERROR ×5 [error]"))
        #expect(text.contains("×5 CALLERROR NotImplemented answering MeterValues (first"))
        let json = try JSONParser.parse(summary.json()).get()
        let group = try #require(json["groups"]?.arrayValue?.first { $0["kind"] == .string("callError") })
        #expect(group["count"] == .number("5"))
        #expect(group["first"] == .string("2024-01-15T08:10:00.200Z"))
        #expect(group["last"] == .string("2024-01-15T08:14:00.200Z"))
        #expect(group["cause"] == .string("CALLERROR NotImplemented answering MeterValues"))
    }
}
