import Testing
@testable import ChargeLogCore
import TestSupport

/// RFID and QR / remote authorisation, and the CPO rejecting an idTag (seed 000 catalogue).
@Suite struct ScenarioAuthorizationTests {
    @Test func rfidAuthorisationFromTheCardChoiceAndTheAcceptance() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: SeedExcerpts.rfidMain, DiagnosedBundle.proxy: SeedExcerpts.rfidOCPP])
        defer { b.remove() }
        let found = b.of(.rfidAuthorization)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(CivilTime.iso8601(f.time) == "2024-05-01T14:41:18.000Z")
        #expect(f.transactionId == "667")
        #expect(f.connector == 1)
        let texts = b.texts(f)
        #expect(texts.first?.contains(#"Front connector choose authorize: "Rfid_Authorize""#) == true)
        #expect(texts.contains { $0.contains("Authorize request accepted!!") })
        #expect(texts.contains { $0.contains(#""StartTransaction""#) })
        #expect(b.of(.remoteStart).isEmpty)
    }

    @Test func cardChoiceWithoutAcceptanceIsNoAuthorisation() throws {
        // Near miss: the card was chosen, but no acceptance followed.
        let lines = SeedExcerpts.rfidMain.filter { !$0.contains("Authorize request accepted") }
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: lines])
        defer { b.remove() }
        #expect(b.of(.rfidAuthorization).isEmpty)
    }

    @Test func remoteStartByQRCode() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: SeedExcerpts.qrMain, DiagnosedBundle.proxy: SeedExcerpts.qrOCPP])
        defer { b.remove() }
        let found = b.of(.remoteStart)
        #expect(found.count == 1, "the pipe and websocket copies are one remote start")
        let f = try #require(found.first)
        #expect(CivilTime.iso8601(f.time) == "2024-04-28T14:16:06.457Z")
        #expect(f.connector == 2)
        #expect(f.explanation.contains("AT-EST-CDPATEVN1-X"))
        let texts = b.texts(f)
        #expect(texts[0].contains(#"Received: [2,"b68ba114-9957-4cd5-bcac-bbcfeaf9671d","RemoteStartTransaction""#))
        #expect(texts.contains { $0.contains(#"{"status":"Accepted"}"#) })
        #expect(texts.contains { $0.contains("Accept remote start transaction: 2") })
        #expect(b.of(.rfidAuthorization).isEmpty)
    }

    @Test func rejectedRemoteStartIsNoRemoteStart() throws {
        let lines = SeedExcerpts.qrOCPP.replacing(#""status": "Accepted""#, with: #""status": "Rejected""#)
            .replacing(#"{"status":"Accepted"}"#, with: #"{"status":"Rejected"}"#)
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: lines])
        defer { b.remove() }
        #expect(b.of(.remoteStart).isEmpty)
    }

    static func authorize(status: String) -> [String] {
        [
            proxyLine("2024-05-01 14:41:18.870", #"WebSocketTransmitter - Sending: [2,"5d1c2a3e-7b7f-4c55-9a43-0c5f1d2f7a10","Authorize",{"idTag":"201ACCBF"}]"#),
            proxyLine("2024-05-01 14:41:19.102", #"WebSocketTransmitter - Received: [3,"5d1c2a3e-7b7f-4c55-9a43-0c5f1d2f7a10",{"idTagInfo":{"status":"\#(status)"}}]"#),
        ]
    }

    @Test func cpoRejectsTheCard() throws {
        let main = SeedExcerpts.rfidMain.filter { !$0.contains("Authorize request accepted") }
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: main, DiagnosedBundle.proxy: Self.authorize(status: "Invalid")])
        defer { b.remove() }
        let found = b.of(.authorizationRejected)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.explanation.contains("201ACCBF"))
        #expect(f.explanation.contains("Invalid"))
        #expect(b.texts(f).contains { $0.contains(#""Rfid_Authorize""#) })
        #expect(b.of(.rfidAuthorization).isEmpty)
    }

    @Test func acceptedCardIsNotRejected() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: SeedExcerpts.rfidMain, DiagnosedBundle.proxy: Self.authorize(status: "Accepted")])
        defer { b.remove() }
        #expect(b.of(.authorizationRejected).isEmpty)
        let rfid = b.of(.rfidAuthorization)
        #expect(rfid.count == 1, "the card choice and its Authorize are one authorisation")
        #expect(rfid.first?.explanation.contains("201ACCBF") == true)
    }

    @Test func authorizeOfARemoteStartIsNotACard() throws {
        // TONLY: RemoteStartTransaction, then Authorize of the same idTag: part of the remote start.
        let b = try DiagnosedBundle([DiagnosedBundle.frames: [SeedExcerpts.tonly]], year: nil)
        defer { b.remove() }
        #expect(b.of(.remoteStart).count == 1)
        #expect(b.of(.rfidAuthorization).isEmpty)
    }
}
