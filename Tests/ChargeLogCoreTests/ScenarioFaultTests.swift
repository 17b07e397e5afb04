import Testing
@testable import ChargeLogCore
import TestSupport

/// Faults: fault log lines, Faulted status, vendor codes with their meaning.
@Suite struct ScenarioFaultTests {
    @Test func faultLogLinesOfOneMomentAreOneFault() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.faultLog: SeedExcerpts.fault])
        defer { b.remove() }
        let found = b.of(.fault)
        #expect(found.count == 1, "06:21:06 and 06:23:24 are within five minutes")
        let f = try #require(found.first)
        #expect(f.connector == 1)
        #expect(CivilTime.iso8601(f.time) == "2024-01-10T06:21:06.873Z")
        #expect(f.explanation.contains("CP state E alarm"))
        #expect(f.explanation.contains("TCU config fault"))
        #expect(b.texts(f).allSatisfy { $0.contains("CCU1->Err_Connector1_") })
    }

    @Test func faultedStatusWithErrorCodeMeaning() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.frames: [SeedExcerpts.tonly]], year: nil)
        defer { b.remove() }
        let f = try #require(b.of(.fault).first)
        #expect(f.connector == 1)
        #expect(f.explanation.contains("ReaderFailure (failure with the idTag reader)"))
        #expect(b.texts(f)[0].contains(#""status":"Faulted""#))
    }

    @Test func vendorCodeWithItsMeaning() throws {
        let lines = [
            "712 2023-11-30T00:00:47+0000 [ocpp] CP_INFO Pwr errorcode",
            "720 2023-11-30T00:00:49+0000 [comproc] ocpp error Code :14,2097672",
            #"721 2023-11-30T00:00:49+0000 [ocpp] [2,"1042","StatusNotification",{"connectorId":1,"errorCode":"UnderVoltage","status":"Faulted","vendorErrorCode":"2097672"}]"#,
        ]
        let b = try DiagnosedBundle(["aurora/ocpp.log": lines], year: nil)
        defer { b.remove() }
        let found = b.of(.fault)
        #expect(found.count == 1, "the vendor code line and the Faulted status are one fault")
        let f = try #require(found.first)
        #expect(f.explanation.contains("SR_UNDERVOL"))
        #expect(f.explanation.contains("Under voltage"))
        #expect(f.explanation.contains("UnderVoltage (voltage has dropped below an acceptable level)"))
        #expect(f.records.count == 2)
    }

    @Test func errorCodeWithoutFaultedIsNoFault() throws {
        // Seed 000: StatusNotification Finishing with EVCommunicationError.
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.collectOCPP])
        defer { b.remove() }
        #expect(b.of(.fault).isEmpty)
    }

    @Test func faultLogHeaderAndEmptyLinesAreNoFault() throws {
        let lines = SeedExcerpts.fault.filter { !$0.contains("Err_") }
        let b = try DiagnosedBundle([DiagnosedBundle.faultLog: lines])
        defer { b.remove() }
        #expect(b.of(.fault).isEmpty)
    }
}
