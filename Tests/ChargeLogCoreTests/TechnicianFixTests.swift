import Testing
@testable import ChargeLogCore
import TestSupport

/// Found trying the tool as a technician would: a register "going backwards" that is the stop repeating
/// its begin reading, numbers with float noise, fault codes only in words.
@Suite struct TechnicianFixTests {
    @Test("gresgying_central.txt: the StopTransaction's transactionData repeats Transaction.Begin; no register backwards")
    func stopRepeatsBeginReading() throws {
        let a = try RealLogFile.analysis("gresgying_central.txt")
        let findings = FindingRules.findings(a)
        #expect(!findings.contains { $0.kind == .registerBackwards })
        // From the file: StartTransaction meterStart 140703 / 259857, StopTransaction meterStop 141518 / 261473.
        let t1 = try #require(a.transaction(id: "1")), t2 = try #require(a.transaction(id: "2"))
        #expect(t1.meterStart == 140_703 && t1.meterStop == 141_518)
        #expect(t2.meterStart == 259_857 && t2.meterStop == 261_473)
        for t in [t1, t2] {
            #expect(!t.issues.contains { $0.kind == .registerDecreased }, "\(t.transactionId)")
            // Line 59 (MeterValues) and line 77 (StopTransaction.transactionData) both carry the
            // Transaction.Begin register reading of 1: kept once.
            let begins = t.samples.filter { $0.measurand == .energyActiveImportRegister && $0.context == .transactionBegin }
            #expect(begins.count == 1, "\(t.transactionId)")
        }
        // "259.857" kWh × 1000 is 259857.00000000003 as a Double; printed as written.
        let begin2 = try #require(t2.samples.first { $0.measurand == .energyActiveImportRegister && $0.context == .transactionBegin })
        #expect(JSONText.value(begin2.value) == "259857")
    }

    @Test func registerThatReallyGoesDownStillCounts() throws {
        // Open OCPP Trace fixture "meter-anomaly": 5000 Wh, then 3000 Wh within one transaction.
        var log = FrameLog()
        log.call("14:02:00", "3", "StartTransaction", ProblemSpecRuleTests.start(at: "14:02:00"), answer: ProblemSpecRuleTests.started)
        log.call("14:05:00", "4", "MeterValues", #"{"connectorId":1,"transactionId":42,"meterValue":[{"timestamp":"2024-01-15T14:05:00Z","sampledValue":[{"value":"5000"}]}]}"#)
        log.call("14:06:00", "5", "MeterValues", #"{"connectorId":1,"transactionId":42,"meterValue":[{"timestamp":"2024-01-15T14:06:00Z","sampledValue":[{"value":"3000"}]}]}"#)
        log.call("14:30:00", "6", "StopTransaction", ProblemSpecRuleTests.stop(meter: 3000, at: "14:30:00"), answer: ProblemSpecRuleTests.accepted)
        let b = try log.bundle()
        defer { b.remove() }
        #expect(b.of(.registerBackwards).map(\.explanation) == ["Energy register of transaction 42, connector 1 went backwards: Sample.Periodic sample 5000 Wh, then Sample.Periodic sample 3000 Wh at 2024-01-15 14:06:00 (-2.000 kWh)"])
    }

    @Test func numbersAsWritten() {
        #expect(NumberText.plain(79.6753 * 1000) == "79675.3")
        #expect(NumberText.plain(259.857 * 1000) == "259857")
        #expect(NumberText.plain(0.1 + 0.2) == "0.3")
        #expect(NumberText.plain(3.48e-05) == "0.0000348")
        #expect(NumberText.plain(-1.5) == "-1.5")
        #expect(NumberText.plain(7_854_588) == "7854588")
        #expect(NumberText.plain(11730.1) == "11730.1")
        #expect(JSONText.value(79.6753 * 1000) == "79675.3")
    }

    @Test func faultSummaryGivesTheRawCode() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.faultLog: SeedExcerpts.fault])
        defer { b.remove() }
        let f = try #require(b.of(.fault).first)
        // Seed 000 fault log: `CCU1->Err_Connector1_Cp_StateE_Alarm`.
        #expect(f.explanation.contains("CP state E alarm (Err_Connector1_Cp_StateE_Alarm)"))
        let summary = BundleSummary.build(b.context, findings: b.findings)
        #expect(summary.text().contains("Err_Connector1_Cp_StateE_Alarm"))
    }
}
