import Testing
@testable import ChargeLogCore

@Suite("OCPP schema table and validation")
struct OCPPSchemaTests {
    func payload(_ s: String) throws -> JSONValue { try JSONParser.parse(s).get() }

    @Test("every type the table names is defined")
    func resolved() {
        #expect(OCPPSchema.unresolvedTypeNames() == [])
    }

    @Test("all 1.6 profiles and the security extension are in the table with their direction (ocpp.md)")
    func directions() {
        let cp = ["Authorize", "BootNotification", "Heartbeat", "MeterValues", "StartTransaction", "StatusNotification",
                  "StopTransaction", "DiagnosticsStatusNotification", "FirmwareStatusNotification",
                  "SecurityEventNotification", "SignCertificate", "SignedFirmwareStatusNotification", "LogStatusNotification"]
        let cs = ["ChangeAvailability", "ChangeConfiguration", "ClearCache", "GetConfiguration", "RemoteStartTransaction",
                  "RemoteStopTransaction", "Reset", "UnlockConnector", "GetDiagnostics", "UpdateFirmware",
                  "GetLocalListVersion", "SendLocalList", "CancelReservation", "ReserveNow", "ClearChargingProfile",
                  "GetCompositeSchedule", "SetChargingProfile", "TriggerMessage", "CertificateSigned", "DeleteCertificate",
                  "ExtendedTriggerMessage", "GetInstalledCertificateIds", "GetLog", "InstallCertificate",
                  "SignedUpdateFirmware", "RequestStartTransaction", "RequestStopTransaction"]
        for a in cp { #expect(OCPPSchema.direction(of: a) == .chargerToCentral, "\(a)") }
        for a in cs { #expect(OCPPSchema.direction(of: a) == .centralToCharger, "\(a)") }
        #expect(OCPPSchema.direction(of: "DataTransfer") == .both)
        #expect(OCPPSchema.direction(of: "TransactionEvent") == .chargerToCentral)
    }

    @Test("a seed StartTransaction and its answer are valid")
    func valid() throws {
        let req = try payload(#"{"connectorId":1,"idTag":"201ACCBF","meterStart":7854588,"timestamp":"2024-05-01T14:42:14Z"}"#)
        #expect(OCPPValidator.validate(action: "StartTransaction", request: true, payload: req).isEmpty)
        let conf = try payload(#"{"transactionId":667,"idTagInfo":{"status":"Accepted"}}"#)
        #expect(OCPPValidator.validate(action: "StartTransaction", request: false, payload: conf).isEmpty)
    }

    @Test("missing required fields, unknown enum values and wrong types become issues")
    func findings() throws {
        let p = try payload(#"{"connectorId":"1","status":"Sleeping","vendorId":"Sungrow"}"#)
        let issues = OCPPValidator.validate(action: "StatusNotification", request: true, payload: p)
        #expect(Set(issues.map { "\($0.kind):\($0.path)" }) == ["wrongType:connectorId", "unknownEnumValue:status", "missingField:errorCode"])
        #expect(issues.first { $0.kind == .unknownEnumValue }?.message.contains("Sleeping") == true)
    }

    @Test("TONLY's DataTransfer sends an object where 1.6 wants a string")
    func dataTransfer() throws {
        let p = try payload(#"{"vendorId":"TONLY","messageId":"currentrecord","data":{"id":1,"transactionId":701}}"#)
        let issues = OCPPValidator.validate(action: "DataTransfer", request: true, payload: p)
        #expect(issues.map(\.kind) == [.wrongType])
        #expect(issues.first?.path == "data")
    }

    @Test("nested paths, Celcius accepted, bad time reported")
    func nested() throws {
        let p = try payload(#"{"connectorId":1,"meterValue":[{"timestamp":"yesterday","sampledValue":[{"value":"33","unit":"Celcius"},{"value":"1","unit":"furlong"}]}]}"#)
        let issues = OCPPValidator.validate(action: "MeterValues", request: true, payload: p)
        #expect(Set(issues.map { "\($0.kind):\($0.path)" }) == ["invalidTime:meterValue[0].timestamp", "unknownEnumValue:meterValue[0].sampledValue[1].unit"])
    }

    @Test("extra fields are noted, not errors; unknown actions are flagged")
    func extras() throws {
        // The proxy's pipe copy adds connectorId to StopTransactionResponse.
        let p = try payload(#"{"idTagInfo":{"status":"Accepted"},"connectorId":2}"#)
        let issues = OCPPValidator.validate(action: "StopTransaction", request: false, payload: p)
        #expect(issues.map(\.severity) == [.info])
        #expect(issues.map(\.kind) == [.unknownField])
        #expect(OCPPValidator.validate(action: "FrobnicateTransaction", request: true, payload: .object([])).map(\.kind) == [.unknownAction])
    }

    @Test("StatusNotification: 2.0.1 shape chosen by its fields")
    func statusVersions() throws {
        let v201 = try payload(#"{"timestamp":"2024-05-01T14:42:14Z","connectorStatus":"Occupied","evseId":1,"connectorId":1}"#)
        #expect(OCPPSchema.spec(for: "StatusNotification", request: true, payload: v201)?.version == "2.0.1")
        #expect(OCPPValidator.validate(action: "StatusNotification", request: true, payload: v201).isEmpty)
        let bad = try payload(#"{"timestamp":"2024-05-01T14:42:14Z","connectorStatus":"Charging","evseId":1,"connectorId":1}"#)
        #expect(OCPPValidator.validate(action: "StatusNotification", request: true, payload: bad).map(\.kind) == [.unknownEnumValue])
    }

    @Test("TransactionEvent and RequestStartTransaction (2.0.1)")
    func transactionEvent() throws {
        let ev = try payload(#"{"eventType":"Started","timestamp":"2024-05-01T14:42:14Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"f3a1"},"idToken":{"idToken":"04A1B2","type":"ISO14443"},"evse":{"id":1,"connectorId":1},"meterValue":[{"timestamp":"2024-05-01T14:42:14Z","sampledValue":[{"value":1234.5,"measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"kWh","multiplier":0}}]}]}"#)
        #expect(OCPPValidator.validate(action: "TransactionEvent", request: true, payload: ev).isEmpty)
        let missing = try payload(#"{"eventType":"Begun","timestamp":"2024-05-01T14:42:14Z","seqNo":0,"transactionInfo":{}}"#)
        #expect(Set(OCPPValidator.validate(action: "TransactionEvent", request: true, payload: missing).map { "\($0.kind):\($0.path)" })
                == ["unknownEnumValue:eventType", "missingField:triggerReason", "missingField:transactionInfo.transactionId"])
        let rs = try payload(#"{"remoteStartId":7,"idToken":{"idToken":"ABC","type":"Central"},"evseId":1}"#)
        #expect(OCPPValidator.validate(action: "RequestStartTransaction", request: true, payload: rs).isEmpty)
    }
}
