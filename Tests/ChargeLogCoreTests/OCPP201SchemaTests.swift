import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// The OCPP 2.0.1 table generated from the official JSON schemas (scripts/generate-ocpp201-schema.py),
/// the version chosen per payload and connection, and schemas loaded at run time (`--schemas`).
@Suite struct OCPP201SchemaTests {
    func payload(_ s: String) throws -> JSONValue { try JSONParser.parse(s).get() }

    @Test("all 64 actions of 2.0.1 Part 3, each 2.0.1 type apart from the 1.6 ones")
    func table() {
        // The schema folder of OCPP 2.0.1 has 128 files: a Request and a Response for 64 actions.
        #expect(OCPP201Schema.actions.count == 64)
        for a in ["NotifyEvent", "SecurityEventNotification", "LogStatusNotification", "FirmwareStatusNotification",
                  "TransactionEvent", "NotifyReport", "Get15118EVCertificate"] {
            #expect(OCPPSchema.v201[a]?.direction == .chargerToCentral, "\(a)")
        }
        for a in ["GetVariables", "SetVariables", "RequestStartTransaction", "GetBaseReport", "SetNetworkProfile", "CostUpdated"] {
            #expect(OCPPSchema.v201[a]?.direction == .centralToCharger, "\(a)")
        }
        let v16Names = Set(OCPPSchema.parseTypes(OCPP16Schema.types).keys)
        let v201Names = Set(OCPPSchema.parseTypes(OCPP201Schema.types).keys)
        #expect(v16Names.isDisjoint(with: v201Names))
        #expect(OCPPSchema.unresolvedTypeNames() == [])
    }

    @Test("2.0.1 payloads checked against 2.0.1: required fields, enumerations, lengths, nested types")
    func v201Checks() throws {
        // client_ocpp_sim_201.log line 1.
        let boot = try payload(#"{"chargingStation":{"model":"ModelX","vendorName":"AcmeCorp","serialNumber":"afef3d68-1"},"reason":"PowerUp"}"#)
        #expect(OCPPValidator.validate(action: "BootNotification", request: true, payload: boot).isEmpty)
        let noReason = try payload(#"{"chargingStation":{"model":"ModelX","vendorName":"AcmeCorp"}}"#)
        #expect(OCPPValidator.validate(action: "BootNotification", request: true, payload: noReason).map { "\($0.kind):\($0.path)" } == ["missingField:reason"])
        let event = try payload(#"{"eventType":"Started","timestamp":"2025-10-03T11:13:35.733977+00:00","triggerReason":"PluggedIn","seqNo":0,"transactionInfo":{"transactionId":"3bec9460"},"idToken":{"idToken":"0123456789012345678901234567890123456789","type":"ISO14443"},"evse":{"id":1,"connectorId":1}}"#)
        let issues = OCPPValidator.validate(action: "TransactionEvent", request: true, payload: event)
        #expect(Set(issues.map { "\($0.kind):\($0.path)" }) == ["unknownEnumValue:triggerReason", "tooLong:idToken.idToken"])
        #expect(issues.first { $0.kind == .unknownEnumValue }?.message == #"unknown TriggerReasonEnumType value "PluggedIn""#)
        let notify = try payload(#"{"generatedAt":"2025-10-03T11:13:35Z","seqNo":0,"eventData":[{"eventId":1,"timestamp":"2025-10-03T11:13:35Z","trigger":"Delta","actualValue":"Faulted","eventNotificationType":"HardWiredNotification","component":{"name":"Connector"},"variable":{"name":"AvailabilityState"}}]}"#)
        #expect(OCPPValidator.validate(action: "NotifyEvent", request: true, payload: notify).isEmpty)
        let security = try payload(#"{"type":"FirmwareUpdated","timestamp":"not a time"}"#)
        #expect(OCPPValidator.validate(action: "SecurityEventNotification", request: true, payload: security).map(\.kind) == [.invalidTime])
    }

    /// Bounds as the 2.0.1 JSON schemas give them (mobilityhouse/ocpp ocpp/v201/schemas):
    /// MeterValuesRequest `meterValue` and MeterValueType `sampledValue` minItems 1;
    /// NotifyEVChargingNeedsRequest DCChargingParametersType `stateOfCharge` integer minimum 0,
    /// maximum 100; SetChargingProfileRequest ChargingProfileType `chargingSchedule` minItems 1, maxItems 3.
    @Test("2.0.1 array item counts and number bounds are checked; values on the bounds are not flagged")
    func v201Bounds() throws {
        func kinds(_ action: String, _ json: String) throws -> [String] {
            OCPPValidator.validate(action: action, request: true, payload: try payload(json)).map { "\($0.kind):\($0.path)" }
        }
        let sample = #"{"value":400.0,"measurand":"Energy.Active.Import.Register"}"#
        #expect(try kinds("MeterValues", #"{"evseId":1,"meterValue":[]}"#) == ["outOfBounds:meterValue"])
        #expect(try kinds("MeterValues", #"{"evseId":1,"meterValue":[{"timestamp":"2025-10-03T11:13:35Z","sampledValue":[]}]}"#)
                == ["outOfBounds:meterValue[0].sampledValue"])
        #expect(try kinds("MeterValues", #"{"evseId":1,"meterValue":[{"timestamp":"2025-10-03T11:13:35Z","sampledValue":[\#(sample)]}]}"#) == [])
        func needs(_ soc: String) -> String {
            #"{"evseId":1,"chargingNeeds":{"requestedEnergyTransfer":"DC","dcChargingParameters":{"evMaxCurrent":200,"evMaxVoltage":800,"stateOfCharge":\#(soc)}}}"#
        }
        #expect(try kinds("NotifyEVChargingNeeds", needs("101")) == ["outOfBounds:chargingNeeds.dcChargingParameters.stateOfCharge"])
        #expect(try kinds("NotifyEVChargingNeeds", needs("-1")) == ["outOfBounds:chargingNeeds.dcChargingParameters.stateOfCharge"])
        #expect(try kinds("NotifyEVChargingNeeds", needs("100")) == [] && kinds("NotifyEVChargingNeeds", needs("0")) == [])
        let message = OCPPValidator.validate(action: "NotifyEVChargingNeeds", request: true, payload: try payload(needs("101"))).first?.message
        #expect(message == "101 is above the maximum 100")
        let schedule = #"{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":11000}]}"#
        func profile(_ n: Int) -> String {
            #"{"evseId":1,"chargingProfile":{"id":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[\#(Array(repeating: schedule, count: n).joined(separator: ","))]}}"#
        }
        #expect(try kinds("SetChargingProfile", profile(4)) == ["outOfBounds:chargingProfile.chargingSchedule"])
        #expect(try kinds("SetChargingProfile", profile(3)) == [])
        #expect(try kinds("SetChargingProfile", profile(0)) == ["outOfBounds:chargingProfile.chargingSchedule"])
        // The table's tokens: `[T]1..3`, `int0..100`, `[T]1..`; a plain `[T]` or `int` has no bounds.
        #expect(SchemaType.parse("[ChargingScheduleType]1..3") == .bounded(.array(.named("ChargingScheduleType")), min: 1, max: 3))
        #expect(SchemaType.parse("int0..100") == .bounded(.integer, min: 0, max: 100))
        #expect(SchemaType.parse("decimal..2.5") == .bounded(.decimal, min: nil, max: 2.5))
        #expect(SchemaType.parse("[int]") == .array(.integer) && SchemaType.parse("int") == .integer)
    }

    @Test("a payload both versions define goes to the version it fits; a tie to the connection's version")
    func versionChoice() throws {
        let v16 = try payload(#"{"chargePointVendor":"TONLY","chargePointModel":"TonlyCharger_48A"}"#)
        #expect(OCPPSchema.spec(for: "BootNotification", request: true, payload: v16)?.version == "1.6")
        let v201 = try payload(#"{"idTokenInfo":{"status":"Accepted"}}"#)
        #expect(OCPPSchema.spec(for: "Authorize", request: false, payload: v201)?.version == "2.0.1")
        // A Heartbeat fits both: the hint decides, else 1.6.
        #expect(OCPPSchema.spec(for: "Heartbeat", request: true, payload: .object([]))?.version == "1.6")
        #expect(OCPPSchema.spec(for: "Heartbeat", request: true, payload: .object([]), hint: "2.0.1")?.version == "2.0.1")
        // Decisive only for a strict best fit; a hint never overrides a better fit.
        let tie = OCPPSchema.choose("Heartbeat", request: true, payload: .object([]), hint: "2.0.1", extra: nil)
        #expect(tie?.spec.version == "2.0.1" && tie?.decisive == false)
        let status201 = try JSONParser.parse(#"{"timestamp":"2025-01-01T00:00:00Z","connectorStatus":"Available","evseId":1,"connectorId":1}"#).get()
        let strict = OCPPSchema.choose("StatusNotification", request: true, payload: status201, hint: "1.6", extra: nil)
        #expect(strict?.spec.version == "2.0.1" && strict?.decisive == true)
    }

    @Test("client_ocpp_sim_201.log: its 2.0.1 calls and answers break no schema; the back end's CALLERROR codes are not OCPP-J's")
    func realLog() throws {
        let a = try RealLogFile.analysis("client_ocpp_sim_201.log")
        let findings = FindingRules.findings(a)
        #expect(!findings.contains { $0.kind == .schemaViolation })
        // The file's CALLERRORs (scripts/facts/count_201_callerrors.py): 735 + 52 answering MeterValues,
        // 2 + 1 answering TransactionEvent, all with codes outside the OCPP-J list.
        let errors = findings.filter { $0.kind == .callError }
        #expect(errors.count == 790)
        #expect(errors.allSatisfy { $0.explanation.contains("(not an OCPP-J error code)") })
        #expect(FindingGroups.fold(errors).map(\.count).sorted() == [1, 2, 52, 735])
    }

    /// A vendor action's schemas in the 2.0.1 file layout.
    static func vendorSchemas() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chargelog-schemas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let request = #"""
        {"$schema":"http://json-schema.org/draft-06/schema#","comment":"OCPP 2.1 FINAL",
         "definitions":{"ModeEnumType":{"type":"string","enum":["Eco","Boost"]},
                        "WindowType":{"type":"object","properties":{"from":{"type":"string","format":"date-time"},"minutes":{"type":"integer"}},"required":["from"]}},
         "type":"object","properties":{"greeting":{"type":"string","maxLength":5},"mode":{"$ref":"#/definitions/ModeEnumType"},
                                       "window":{"$ref":"#/definitions/WindowType"}},
         "required":["greeting"]}
        """#
        try Data(request.utf8).write(to: dir.appendingPathComponent("VendorHelloRequest.json"))
        try Data(#"{"type":"object","properties":{"ok":{"type":"boolean"}},"required":["ok"]}"#.utf8)
            .write(to: dir.appendingPathComponent("VendorHelloResponse.json"))
        return dir
    }

    @Test("--schemas: a vendor action checked against the loaded schemas; unknown without them")
    func loadedSchemas() throws {
        let dir = try Self.vendorSchemas()
        defer { try? FileManager.default.removeItem(at: dir) }
        let set = try OCPPSchemaSet.load(directory: dir.path)
        #expect(set.version == "2.1")
        #expect(set.actionNames == ["VendorHello"])
        let bad = try payload(#"{"greeting":"good morning","mode":"Turbo","window":{"minutes":"5"}}"#)
        let issues = OCPPValidator.validate(action: "VendorHello", request: true, payload: bad, extra: set)
        #expect(Set(issues.map { "\($0.kind):\($0.path)" }) == ["tooLong:greeting", "unknownEnumValue:mode", "missingField:window.from", "wrongType:window.minutes"])
        #expect(issues.first { $0.kind == .unknownEnumValue }?.message == #"unknown ModeEnumType value "Turbo""#)
        let good = try payload(#"{"greeting":"hi","mode":"Eco","window":{"from":"2025-10-03T11:00:00Z","minutes":5}}"#)
        #expect(OCPPValidator.validate(action: "VendorHello", request: true, payload: good, extra: set).isEmpty)
        #expect(OCPPValidator.validate(action: "VendorHello", request: false, payload: try payload(#"{"ok":true}"#), extra: set).isEmpty)
        #expect(OCPPValidator.validate(action: "VendorHello", request: true, payload: good).map(\.kind) == [.unknownAction])

        // Through the analysis of a log in the simulator's carrier.
        let log = [OCPP201TransactionTests.sim("10:00:00", #"[2,"v1","VendorHello",{"greeting":"good morning"}]"#),
                   OCPP201TransactionTests.sim("10:00:00", #"[3,"v1",{"ok":"yes"}]"#, send: false)].joined(separator: "\n") + "\n"
        let b = try TempBundle(["sim/ocpp.log": log])
        defer { b.remove() }
        let a = OCPPAnalysis.build(try b.index(), schemas: set)
        #expect(a.messages.map { $0.issues.map(\.kind) } == [[.tooLong], [.wrongType]])
        #expect(OCPPAnalysis.build(try b.index()).messages[0].issues.map(\.kind) == [.unknownAction])
    }

    @Test("--schemas: loaded schemas' maxItems and maximum are checked too")
    func loadedBounds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cl-schemas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let request = #"{"comment":"OCPP 2.1 Edition 1","type":"object","properties":{"levels":{"type":"array","items":{"type":"integer","minimum":1,"maximum":10},"maxItems":2}},"required":["levels"]}"#
        try Data(request.utf8).write(to: dir.appendingPathComponent("VendorLimitRequest.json"))
        try Data(#"{"type":"object","properties":{}}"#.utf8).write(to: dir.appendingPathComponent("VendorLimitResponse.json"))
        let set = try OCPPSchemaSet.load(directory: dir.path)
        func kinds(_ json: String) throws -> [String] {
            OCPPValidator.validate(action: "VendorLimit", request: true, payload: try payload(json), extra: set).map { "\($0.kind):\($0.path)" }
        }
        #expect(try kinds(#"{"levels":[1,10]}"#) == [])
        #expect(try kinds(#"{"levels":[1,2,3]}"#) == ["outOfBounds:levels"])
        #expect(try kinds(#"{"levels":[11]}"#) == ["outOfBounds:levels[0]"])
        #expect(try kinds(#"{"levels":[0]}"#) == ["outOfBounds:levels[0]"])
    }

    @Test("--schemas on a folder without schemas says so")
    func loadErrors() {
        #expect(throws: ChargeLogError.self) { try OCPPSchemaSet.load(directory: "/nonexistent/schemas") }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("chargelog-empty-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: ChargeLogError.self) { try OCPPSchemaSet.load(directory: empty.path) }
    }
}
