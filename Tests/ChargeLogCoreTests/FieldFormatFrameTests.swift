import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// OCPP frames inside the field formats: found by `FrameExtractor`, with the way the record states.
@Suite struct FieldFormatFrameTests {
    func frames(_ text: String, _ stream: StreamKind) -> [OCPPFrame] {
        FrameExtractor.frames(inText: text, stream: stream)
    }

    /// The one frame of a record.
    func one(_ text: String, _ stream: StreamKind) throws -> OCPPFrame {
        let f = frames(text, stream)
        try #require(f.count == 1)
        return f[0]
    }

    @Test func homeAssistantReceiveAndSendLines() throws {
        // ha_ocpp_carfeeder.log lines 409 and 411.
        let rx = try one(try RealLogs.line("ha_ocpp_carfeeder.log", 409), .homeassistant)
        #expect(rx.type == .call && rx.action == "StatusNotification"
                && rx.uniqueId == "69934ea5000000340039" && rx.hint == .received)
        let tx = try one(try RealLogs.line("ha_ocpp_carfeeder.log", 411), .homeassistant)
        #expect(tx.type == .callResult && tx.uniqueId == "69934ea5000000340039" && tx.hint == .sent)
    }

    @Test func pythonBasicReceiveMessage() throws {
        // gresgying_central.txt line 9: the charger's BootNotification as the central system received it.
        let f = try one(try RealLogs.line("gresgying_central.txt", 9), .pybasic)
        #expect(f.action == "BootNotification" && f.uniqueId == "d9cb13a5-17e5-4fb2-b8c2-5e8758c42dcd"
                && f.hint == .received && !f.isBroken)
    }

    @Test func everestMultiLineRecordAndItsWay() throws {
        let lines = FieldFormatParserTests.everestLines
        let call = try one(lines[3...15].joined(separator: "\n"), .everest)
        #expect(call.type == .call && call.action == "BootNotification"
                && call.uniqueId == "7e348825-d154-4b38-a5ba-c3624b8ea09f" && call.hint == .fromStation)
        #expect(call.payload?["chargePointVendor"]?.stringValue == "Pionix")
        let answer = try one(lines[16...26].joined(separator: "\n"), .everest)
        #expect(answer.type == .callResult && answer.hint == .toStation
                && answer.payload?["interval"]?.intValue == 14400)
        #expect(frames(lines[0...2].joined(separator: "\n"), .everest).isEmpty)   // SYS> Connected
        // OCPP 2.0.1 logs name the sides CP and CSMS.
        let csms = try one("2024-03-01T10:00:00.000Z: CSMS>CP  HeartbeatResponse\n[\n  3,\n  \"9\",\n  {\n    \"currentTime\": \"2024-03-01T10:00:00.000Z\"\n  }\n]\n", .everest)
        #expect(csms.hint == .toStation)
    }

    @Test func traceFrameFromRawAndRebuiltFromFields() throws {
        let fromRaw = try one(FieldFormatParserTests.traceLines[0], .trace)
        #expect(fromRaw.type == .call && fromRaw.action == "BootNotification"
                && fromRaw.uniqueId == "msg-001" && fromRaw.hint == .fromStation
                && fromRaw.chargePointId == "CS-SYNTHETIC-001")
        let answer = try one(FieldFormatParserTests.traceLines[1], .trace)
        #expect(answer.type == .callResult && answer.hint == .toStation
                && answer.payload?["interval"]?.intValue == 300)
        // The same CALLRESULT record without `raw` (the spec makes it optional): rebuilt from its fields.
        let noRaw = #"{"schemaVersion":"1.1","timestamp":"2024-01-15T10:00:00.500Z","transport":"json","direction":"csms-to-cp","messageType":"CALLRESULT","messageId":"msg-001","payload":{"currentTime":"2024-01-15T10:00:00.500Z","interval":300,"status":"Accepted"}}"#
        let rebuilt = try one(noRaw, .trace)
        #expect(rebuilt.type == .callResult && rebuilt.uniqueId == "msg-001"
                && rebuilt.payload?["status"]?.stringValue == "Accepted" && rebuilt.hint == .toStation)
        let error = #"{"schemaVersion":"1.1","timestamp":"2024-01-15T10:00:01.000Z","transport":"json","direction":"csms-to-cp","messageType":"CALLERROR","messageId":"msg-002","error":{"code":"NotImplemented","description":"no handler","details":{}}}"#
        let e = try one(error, .trace)
        #expect(e.type == .callError && e.errorCode == "NotImplemented" && e.errorDescription == "no handler")
    }

    /// The analysis hands a record's bytes over with its line end; a trace written with `\n` or
    /// `\r\n` ends must still give its frame (an exported trace read back gave none before).
    @Test func traceRecordWithItsLineEnd() throws {
        for end in ["\n", "\r\n", "  \n"] {
            let f = try one(FieldFormatParserTests.traceLines[0] + end, .trace)
            #expect(f.type == .call && f.action == "BootNotification" && f.uniqueId == "msg-001", "line end \(Array(end.utf8))")
        }
        // Near miss: anything but spaces and the line end after the object is not a record.
        #expect(frames(FieldFormatParserTests.traceLines[0] + " x\n", .trace).isEmpty)
    }

    @Test func jsonLinesEscapedFrameInAStringField() throws {
        // cgiacomini/OCPP_GW README: the charge station's JSON log.
        let sent = try one(#"{"timestamp": "2024-06-13T15:06:51.118359", "level": "INFO", "message": "CP_1: send [2,\"1f362c4e-d758-42ef-bafb-8816d07c5c12\",\"Heartbeat\",{}]"}"#, .jsonl)
        #expect(sent.type == .call && sent.action == "Heartbeat"
                && sent.uniqueId == "1f362c4e-d758-42ef-bafb-8816d07c5c12" && sent.hint == .sent)
        let got = try one(#"{"timestamp": "2024-06-13T15:06:53.119465", "level": "INFO", "message": "CP_1: receive message [3,\"1f362c4e-d758-42ef-bafb-8816d07c5c12\",{\"currentTime\":\"2024-06-13T17:06:52.218233\"}]"}"#, .jsonl)
        #expect(got.type == .callResult && got.hint == .received
                && got.payload?["currentTime"]?.stringValue == "2024-06-13T17:06:52.218233")
        #expect(frames(#"{"timestamp": "2024-06-13T15:06:51.117960", "level": "INFO", "message": "Connected to central system."}"#, .jsonl).isEmpty)
        // A frame as a field's JSON value, and a direction field.
        let value = try one(#"{"time":1704448800123,"direction":"in","frame":[2,"7","Authorize",{"idTag":"ABC"}]}"#, .jsonl)
        #expect(value.action == "Authorize" && value.hint == .received)
        var buf = Array(#"{"msg":"send [2,\"1\",\"Heartbeat\",{}]"}"#.utf8)
        #expect(buf.withUnsafeBufferPointer { FrameExtractor.mayHoldFrame($0, stream: .jsonl) })
        buf = Array(#"{"msg":"nothing"}"#.utf8)
        #expect(!buf.withUnsafeBufferPointer { FrameExtractor.mayHoldFrame($0, stream: .jsonl) })
    }

    @Test func syslogFrameFromAWallboxLine() throws {
        let f = try one("Nov 23 22:49:54 WB225619 ocppwallbox[13222]: OCPP_STACK|2025-11-23|22:49:54.647|INFO |13222|WebSocketJsonClient.cpp|63|dropMessages::Sending Request to CS:[2,\"1115475570\",\"StatusNotification\",{\"info\": \"\",\"vendorId\": \"com.wallbox\",\"vendorErrorCode\": \"\",\"connectorId\": 1,\"errorCode\": \"NoError\",\"status\": \"Available\",\"timestamp\": \"2025-11-23T22:49:54Z\"}]", .syslog)
        #expect(f.action == "StatusNotification" && f.hint == .sent && f.issues.isEmpty)
    }

    @Test func ansiCodesAroundAFrameAreNotPartOfIt() throws {
        let f = try one("\u{1b}[94m2025-09-02 22:53:09,498 - ocpp - INFO - CP_1: send [2,\"42\",\"Heartbeat\",{}]\u{1b}[0m", .python)
        #expect(f.action == "Heartbeat" && f.issues.isEmpty)
    }

    @Test func loneEscapeByteIsKeptAndDoesNotStopTheSearch() throws {
        // An ESC that starts no colour sequence stays in the text; the frame after it is still found.
        let f = try one("2025-09-02 22:53:09,498 - ocpp - INFO - \u{1b}send [2,\"1\",\"Heartbeat\",{}]", .python)
        #expect(f.action == "Heartbeat")
    }

    @Test func txAndRxLabels() {
        #expect(frames("TX [2,\"1\",\"Heartbeat\",{}]", .custom).first?.hint == .sent)
        #expect(frames("10:00:00 ocpp: RX [3,\"1\",{}]", .custom).first?.hint == .received)
    }
}
