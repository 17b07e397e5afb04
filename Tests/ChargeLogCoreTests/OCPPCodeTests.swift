import TestSupport
import Testing
@testable import ChargeLogCore

@Suite("OCPP and vendor codes")
struct OCPPCodeTests {
    @Test("ChargePointErrorCode numbers follow the JSON schema order, 1-based")
    func errorCodeNumbers() {
        #expect(ChargePointErrorCode(number: 14) == .underVoltage)
        #expect(ChargePointErrorCode(number: 15) == .overVoltage)
        #expect(ChargePointErrorCode(number: 7) == .noError)
        #expect(ChargePointErrorCode(number: 10) == .powerMeterFailure)
        #expect(ChargePointErrorCode.underVoltage.number == 14)
        #expect(ChargePointErrorCode(number: 0) == nil)
        #expect(ChargePointErrorCode(number: 17) == nil)
        // The schema table's enum lists them in the same order.
        #expect(OCPPSchema.enumValues("ChargePointErrorCode") == ChargePointErrorCode.allCases.map(\.rawValue))
    }

    @Test("seed 002: ocpp error Code :14,2097672")
    func auroraLine() throws {
        let line = "[comproc) ocpp error Code :14,2097672"
        let a = try #require(AuroraErrorLine.parse(line))
        #expect(a.ocppNumber == 14)
        #expect(a.errorCode == .underVoltage)
        #expect(a.vendorCode == 0x200208)
        #expect(a.vendor.map(\.name) == ["SR_UNDERVOL"])
        #expect(a.vendor.first?.meaning == "Under voltage")
        #expect(a.summary == #"UnderVoltage (14); vendor 0x200208 SR_UNDERVOL "Under voltage""#)
        // OCR-damaged copies do not decode.
        #expect(AuroraErrorLine.parse("[comproc] ocpp error Code QOS‘IS'IZ") == nil)
        #expect(AuroraErrorLine.parse("720 2023-11-30T00:00:49+0000 [comproc) ocpp error Code |14 g“u“") == nil)
    }

    @Test("vendor table transcribed from seed 002")
    func table() {
        #expect(AuroraVendorCodes.table.count == 21)
        #expect(AuroraVendorCodes.lookup("2097672").map(\.name) == ["SR_UNDERVOL"])
        #expect(AuroraVendorCodes.lookup("0x200208").map(\.name) == ["SR_UNDERVOL"])
        #expect(AuroraVendorCodes.lookup(0x100206).first?.meaning == "Grounding")
        #expect(AuroraVendorCodes.lookup(0x100232).first?.meaning == "3rd party device offline")
        // The vendor's table lists 0x10020F twice.
        #expect(AuroraVendorCodes.lookup(0x10020F).map(\.meaning) == ["Meter data fault", "Meter comm fault"])
        #expect(AuroraVendorCodes.hex(2097672) == "0x200208")
        #expect(AuroraVendorCodes.lookup("12345").isEmpty)
    }

    @Test("Sungrow fault names")
    func faultNames() throws {
        let f = try #require(SungrowFaultName.parse("CCU1->Err_Connector1_Cp_StateE_Alarm"))
        #expect(f.ccu == 1)
        #expect(f.connector == 1)
        #expect(f.description == "CP state E alarm")
        #expect(f.kind == "Alarm")
        let g = try #require(SungrowFaultName.parse("CCU2->Err_Connector2_TCU_Config_Fault"))
        #expect(g.connector == 2)
        #expect(g.description == "TCU config fault")
        #expect(g.kind == "Fault")
        #expect(SungrowFaultName.parse("2024/January/10 06:20:31.485") == nil)
    }

    @Test("CALLERROR codes")
    func callErrors() {
        #expect(CallErrorCode(rawValue: "InternalError") == .internalError)
        #expect(CallErrorCode(rawValue: "OccurenceConstraintViolation") != nil)
        #expect(CallErrorCode(rawValue: "Oops") == nil)
        let f = FrameExtractor.frames(inText: #"[4,"x","Oops","",{}]"#, stream: .frames)
        #expect(f.first?.issues.map(\.kind) == [.unknownEnumValue])
    }

    @Test("annotations for the detail pane")
    func annotations() throws {
        let status = try #require(FrameExtractor.frames(inText: #"[2,"9","StatusNotification",{"connectorId":1,"errorCode":"UnderVoltage","status":"Faulted","vendorErrorCode":"2097672"}]"#, stream: .frames).first)
        #expect(CodeAnnotations.lines(for: status) == [
            "Faulted: fault",
            "UnderVoltage (no. 14): voltage has dropped below an acceptable level",
            #"vendor code 2097672 = 0x200208: SR_UNDERVOL "Under voltage""#,
        ])
        let err = try #require(FrameExtractor.frames(inText: String(SeedLines.rejectedStop544.split(separator: "\n")[1]), stream: .ocpp).first)
        #expect(CodeAnnotations.lines(for: err) == ["InternalError: an internal error occurred and the receiver could not process the action"])
        let stop = try #require(FrameExtractor.frames(inText: String(SeedLines.rejectedStop544.split(separator: "\n")[0]), stream: .ocpp).first)
        #expect(CodeAnnotations.lines(for: stop) == ["reason: Local", #"value "3.48e-05" is in scientific notation (= 0.0000348)"#])
        #expect(CodeAnnotations.lines(forText: "[January/10 06:21:06.873 UTC]CCU1->Err_Connector1_Cp_StateE_Alarm") == ["CCU1, connector 1, CP state E alarm"])
        #expect(CodeAnnotations.lines(forText: "[comproc] ocpp error Code :14,2097672") == [#"UnderVoltage (14); vendor 0x200208 SR_UNDERVOL "Under voltage""#])
        #expect(CodeAnnotations.lines(forText: "Apr/30 20:02:18 UTC --  OCPP_Connection_Restore") == [])
    }
}
