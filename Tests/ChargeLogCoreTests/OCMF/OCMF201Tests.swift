import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// OCPP 2.0.1 `signedMeterValue.signedMeterData` is Base64 by the schema: the OCMF inside is read
/// and checked. The document is Chargy's BET 001-01 fixture (tests/fixtures/OCMF/BET_TariffTextExtension).
@Suite("OCMF in OCPP 2.0.1")
struct OCMF201Tests {
    static var log: String {
        let data = Data(ChargyVectors.bet001.utf8).base64EncodedString()
        let signed = #"{"signedMeterData":"\#(data)","signingMethod":"ECDSA-secp256r1-SHA256","encodingMethod":"OCMF","publicKey":""}"#
        return #"""
        [2026-01-10T08:00:00.000Z] >> message sent: [2,"m1","TransactionEvent",{"eventType":"Started","timestamp":"2026-01-10T08:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"tx-bet","chargingState":"Charging"},"idToken":{"idToken":"BET-CARD-001-01","type":"ISO14443"},"evse":{"id":1,"connectorId":1},"meterValue":[{"timestamp":"2026-01-10T08:00:00Z","sampledValue":[{"value":1234.1,"measurand":"Energy.Active.Import.Register","context":"Transaction.Begin","unitOfMeasure":{"unit":"kWh"}}]}]}]
        [2026-01-10T08:00:00.200Z] << message received: [3,"m1",{"idTokenInfo":{"status":"Accepted"}}]
        [2026-01-10T09:15:00.000Z] >> message sent: [2,"m2","TransactionEvent",{"eventType":"Ended","timestamp":"2026-01-10T09:15:00Z","triggerReason":"EVCommunicationLost","seqNo":1,"transactionInfo":{"transactionId":"tx-bet","stoppedReason":"EVDisconnected"},"meterValue":[{"timestamp":"2026-01-10T09:15:00Z","sampledValue":[{"value":1241.925,"measurand":"Energy.Active.Import.Register","context":"Transaction.End","unitOfMeasure":{"unit":"kWh"},"signedMeterValue":\#(signed)}]}]}]
        [2026-01-10T09:15:00.200Z] << message received: [3,"m2",{}]
        """#
    }

    @Test("Base64 signedMeterData is decoded, parsed and verified")
    func base64() throws {
        let b = try TempBundle(["ocpp201/charger.log": Self.log + "\n"])
        defer { b.remove() }
        let a = try b.analysis(ocmfKeys: OCMFKeyring(try OCMFPublicKey(parsing: ChargyVectors.betKeyPEM)))
        let t = try #require(a.transaction(id: "tx-bet"))
        let s = try #require(t.signedValues.first)
        #expect(t.signedValues.count == 1)
        #expect(s.encoding == .base64)
        #expect(s.context == .transactionEnd)
        #expect(s.document?.meterSerial == "BET-METER-001-01")
        #expect(s.verification == .valid)
        #expect(s.document?.readings.map(\.valueWh) == [1_234_100, 1_241_925])
    }
}
