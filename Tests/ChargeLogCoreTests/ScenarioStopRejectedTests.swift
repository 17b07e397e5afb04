import Testing
@testable import ChargeLogCore
import TestSupport

/// The CPO refusing a StopTransaction, and the scientific-notation value that likely caused it.
@Suite struct ScenarioStopRejectedTests {
    @Test func callErrorAndProxyWarningWithTheLikelyCause() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.scientificStopOCPP])
        defer { b.remove() }
        let found = b.of(.stopRejected)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.severity == .error)
        #expect(f.transactionId == "544")
        #expect(CivilTime.iso8601(f.time) == "2024-04-24T00:03:44.476Z")
        #expect(f.explanation.contains("CALLERROR InternalError"))
        #expect(f.explanation.contains(#"Power.Active.Import "3.48e-05" kW"#))
        let texts = b.texts(f)
        #expect(texts.count == 3)
        #expect(texts[0].contains(#""StopTransaction""#))
        #expect(texts[1].contains(#"[4,"9c5b687a-19a0-4880-926a-549bf7f337eb","InternalError""#))
        #expect(texts[2].contains("WARN PipeEventHandlerImpl - HandleStopTransaction ExecutionException"))
    }

    @Test func rejectionWithoutScientificValuesNamesNoCause() throws {
        let lines = SeedExcerpts.scientificStopOCPP.replacing(#"{"value":"3.48e-05""#, with: #"{"value":"0.0000348""#)
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: lines])
        defer { b.remove() }
        let f = try #require(b.of(.stopRejected).first)
        #expect(!f.explanation.contains("likely cause"))
    }

    @Test func acceptedStopIsNotRejected() throws {
        // Near miss: the same kind of stop, answered with a CALLRESULT.
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.stopVehicleOCPP])
        defer { b.remove() }
        #expect(b.of(.stopRejected).isEmpty)
    }
}
