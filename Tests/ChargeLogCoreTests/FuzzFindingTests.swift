import Testing
@testable import ChargeLogCore

/// Inputs `scripts/fuzz.sh` found crashing, minimised; each one is read without a trap now.
@Suite struct FuzzFindingTests {
    @Test("detector: a line that is only a date (`2024-11-26`) trapped OCPPProxyFormat.score (index 10 of 10 bytes)")
    func dateOnlyLine() {
        // From .build-fuzz/crashes/detector-crash-948e5e37… (a ChargePilot CSV row cut after its date).
        let sample = Array("Daccepted,,,,,,,,,,,,,\r\n2024-11-2ed,,,,,,,,,,,,,,,,\r\n2024-11-26\n".utf8)
        let d = FormatDetector.detect(sample: sample)
        #expect(d.stream != .ocpp)
        #expect(OCPPProxyFormat.score([Array("2024-11-26".utf8)[...]]) == 0)
    }
}
