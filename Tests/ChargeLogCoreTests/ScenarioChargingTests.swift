import Testing
@testable import ChargeLogCore
import TestSupport

/// Charging started: an accepted StartTransaction, or a connector going to Charging.
@Suite struct ScenarioChargingTests {
    @Test func acceptedStartTransactionStartsCharging() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.rfidOCPP])
        defer { b.remove() }
        let found = b.of(.chargingStarted)
        #expect(found.count == 1, "pipe and websocket copies are one start")
        let f = try #require(found.first)
        #expect(f.transactionId == "667")
        #expect(f.connector == 1)
        #expect(CivilTime.iso8601(f.time) == "2024-05-01T14:42:14.635Z")
        #expect(f.explanation.contains("201ACCBF"))
        #expect(f.explanation.contains("7854.588 kWh"))
        let texts = b.texts(f)
        #expect(texts[0].contains(#"Sending: [2,"db8df750-e2e2-409d-90f6-c746feacae89","StartTransaction""#))
        #expect(texts.contains { $0.contains(#""transactionId":667"#) })
    }

    @Test func startRejectedByTheCPODoesNotStartCharging() throws {
        let lines = SeedExcerpts.rfidOCPP.replacing(#"{"transactionId":667,"idTagInfo":{"status":"Accepted"}}"#,
                                                 with: #"{"transactionId":667,"idTagInfo":{"status":"Invalid"}}"#)
            .replacing(#"{"idTagInfo":{"status":"Accepted"},"transactionId":667"#, with: #"{"idTagInfo":{"status":"Invalid"},"transactionId":667"#)
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: lines])
        defer { b.remove() }
        #expect(b.of(.chargingStarted).isEmpty)
        #expect(b.of(.authorizationRejected).count == 1)
    }

    @Test func connectorGoingToChargingWithoutAStartInTheLog() throws {
        // Seed 000 QR excerpt: RemoteStartTransaction, then StatusNotification Charging; no StartTransaction.
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.qrOCPP])
        defer { b.remove() }
        let found = b.of(.chargingStarted)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.connector == 2)
        #expect(CivilTime.iso8601(f.time) == "2024-04-28T14:16:27.759Z")
        #expect(b.texts(f)[0].contains(#""status": "Charging""#))
    }

    @Test func chargingAgainAfterSuspensionIsNoNewStart() throws {
        // Near miss: SuspendedEV → Charging is a resume.
        let charging = SeedExcerpts.qrOCPP.last!
        let suspended = charging.replacingOccurrences(of: #""status": "Charging""#, with: #""status": "SuspendedEV""#)
            .replacingOccurrences(of: "14:16:27.759", with: "14:16:20.100")
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: [suspended, charging]])
        defer { b.remove() }
        #expect(b.of(.chargingStarted).isEmpty)
    }
}
