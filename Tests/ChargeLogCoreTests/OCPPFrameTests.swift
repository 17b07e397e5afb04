import TestSupport
import Testing
@testable import ChargeLogCore

@Suite("OCPP frame extraction")
struct OCPPFrameTests {
    func one(_ line: String, _ stream: StreamKind) throws -> OCPPFrame {
        let frames = FrameExtractor.frames(inText: line, stream: stream)
        try #require(frames.count == 1, "expected one frame in \(line)")
        return frames[0]
    }

    @Test("proxy pipe CALL from the charging station, pretty JSON flattened")
    func pipeCall() throws {
        let line = SeedLines.start667.split(separator: "\n")[0]
        let f = try one(String(line), .ocpp)
        #expect(f.channel == .pipe)
        #expect(f.hint == .fromStation)
        #expect(f.type == .call)
        #expect(f.uniqueId == "060349123358459bad89d758458796ef")
        #expect(f.action == "StartTransaction")
        #expect(f.payload?["meterStart"]?.intValue == 7854588)
        #expect(f.contextDirection == .chargerToCentral)
        #expect(f.issues.isEmpty)
    }

    @Test("proxy pipe answer: the Response suffix names the call's action")
    func pipeAnswer() throws {
        let line = SeedLines.start667.split(separator: "\n")[7]
        let f = try one(String(line), .ocpp)
        #expect(f.type == .callResult)
        #expect(f.action == "StartTransaction")
        #expect(f.hint == .toStation)
        #expect(f.payload?["transactionId"]?.intValue == 667)
    }

    @Test("StatusNotification's pipe id is literally 1")
    func pipeStatusId() throws {
        let f = try one(String(SeedLines.status.split(separator: "\n")[1]), .ocpp)
        #expect(f.uniqueId == "1")
        #expect(f.payload?["errorCode"]?.stringValue == "EVCommunicationError")
    }

    @Test("websocket Sending / Received and a CALLERROR")
    func websocket() throws {
        let lines = SeedLines.rejectedStop544.split(separator: "\n").map(String.init)
        let sent = try one(lines[0], .ocpp)
        #expect(sent.channel == .websocket)
        #expect(sent.hint == .sent)
        #expect(sent.action == "StopTransaction")
        let err = try one(lines[1], .ocpp)
        #expect(err.type == .callError)
        #expect(err.hint == .received)
        #expect(err.errorCode == "InternalError")
        #expect(err.errorDescription == "An internal error occured while stopping a charging session for the transaction.")
        #expect(err.errorDetails?["exception"]?.stringValue?.hasPrefix("Stopping a charging session") == true)
        #expect(FrameExtractor.frames(inText: lines[2], stream: .ocpp).isEmpty)
    }

    @Test("proxy lines without frames are skipped by the byte check", arguments: [
        "2024-05-01 14:42:14.616 +0000 INFO RequestQueue - SendRequest Queue size: 1, Store time: 1.361 ms, UUID: db8df750-e2e2-409d-90f6-c746feacae89",
        "2024-04-28 14:16:06.798 +0000 INFO PipeSession - Pipe Ready",
        "[2021-11-09 15:54:38:613] Socket Connect Server Successful",
        "receive data: HTTP/1.1 101 Web Socket Protocol Handshake",
        "Apr/30 20:02:13 UTC --  Recv BootNotification: QJsonObject({\"currentTime\":\"2024-04-30T20:02:08Z\"})",
    ])
    func noFrame(_ line: String) {
        let bytes = Array(line.utf8)
        #expect(!bytes.withUnsafeBufferPointer { FrameExtractor.mayHoldFrame($0) })
        #expect(FrameExtractor.frames(inText: line, stream: .ocpp).isEmpty)
        #expect(FrameExtractor.frames(inText: line, stream: .frames).isEmpty)
    }

    @Test("TONLY: stamp prefix and a stray byte before the frame")
    func tonlyStampAndStray() throws {
        let f = try one(#"[2021-11-09 15:58:40:440] receive data: ?[3,"105",{}]"#, .frames)
        #expect(f.type == .callResult)
        #expect(f.uniqueId == "105")
        #expect(f.hint == .received)
        // The stray byte is often not even UTF-8.
        var bytes = Array("receive data: ".utf8) + [0xA3] + Array(#"[3,"101",{}]"#.utf8)
        let g = FrameExtractor.frames(in: bytes, stream: .frames)
        #expect(g.first?.uniqueId == "101")
        bytes = Array(#"ResetData GetConfiguration = [3,"2021119161654531",{"configurationKey":[]}]"#.utf8)
        #expect(FrameExtractor.frames(in: bytes, stream: .frames).first?.hint == CarrierHint.none)
    }

    @Test("TONLY: (47 bytes) suffix is fine, other trailing text is flagged")
    func tonlySuffix() throws {
        let hb = try one(#"[2,"104","Heartbeat",{}] (47 bytes) "#, .frames)
        #expect(hb.issues.isEmpty)
        #expect(hb.action == "Heartbeat")
        let fw = try one(#"[2,"20211191553208096","UpdateFirmware",{"location":"120.79.1.235:21:test:root_123:/test/AC48k01_update.bin","retrieveDate":"2021-11-09T15:53:20.247"}]7"}]"#, .frames)
        #expect(!fw.isBroken)
        #expect(fw.issues.map(\.kind) == [.trailingText])
    }

    @Test("TONLY: a frame wrapped over three lines is one frame")
    func wrapped() throws {
        let text = SeedLines.tonlySession.split(separator: "\n", omittingEmptySubsequences: false)[1...3].joined(separator: "\n")
        let f = try one(text, .frames)
        #expect(f.action == "RemoteStartTransaction")
        #expect(f.payload?["chargingProfile"]?["chargingSchedule"]?["chargingSchedulePeriod"]?[0]?["limit"] == .number("32.0"))
        // Cut inside a token: joined again without the break.
        let cut = "[2,\"5\",\"Authorize\",{\"idTag\":\"137143\n19313\"}]"
        #expect(try one(cut, .frames).payload?["idTag"]?.stringValue == "13714319313")
    }

    @Test("other clients' console lines")
    func clientLines() throws {
        let sent = try one(#">> message sent: [2,"a1","Heartbeat",{}] color: cyan;"#, .generic)
        #expect(sent.channel == .client)
        #expect(sent.hint == .sent)
        #expect(sent.issues.isEmpty)
        let got = try one(#"<< message received: [3,"a1",{"currentTime":"2024-05-01T14:42:14Z"}]"#, .mainprocess)
        #expect(got.channel == .client)
        #expect(got.hint == .received)
    }

    @Test("a truncated frame is kept, flagged, with what could be salvaged")
    func broken() throws {
        let line = #"2024-04-27 12:38:33.254 +0000 INFO WebSocketTransmitter - Sending: [2,"8b351ba1-3e3d-4d45-97e7-34671d93040f","StopTransaction",{"idTag":"046679FA246C80","transactionData":[{"sampledValue":[{"form"#
        let f = try one(line, .ocpp)
        #expect(f.isBroken)
        #expect(f.broken?.contains("unterminated string") == true)
        #expect(f.type == .call)
        #expect(f.uniqueId == "8b351ba1-3e3d-4d45-97e7-34671d93040f")
        #expect(f.action == "StopTransaction")
        #expect(f.payload == nil)
        #expect(f.raw.hasPrefix("[2,\"8b351ba1"))
        let pipe = try one(#"2024-04-27 12:38:32.979 +0000 INFO PipeSession - [From charging station]: bd07abd930404d638fbe95574308a464=StopTransaction={    "connectorId": 2,    "idTag": "046679FA246C80",    "form"#, .ocpp)
        #expect(pipe.isBroken)
        #expect(pipe.action == "StopTransaction")
        #expect(pipe.uniqueId == "bd07abd930404d638fbe95574308a464")
        let error = try one(#"Received: [4,"8b351ba1","InternalError","An internal error occured while stopping",{"exception":"Stopping a cha"#, .ocpp)
        #expect(error.isBroken && error.type == .callError && error.errorCode == "InternalError")
        #expect(error.errorDescription == "An internal error occured while stopping")
        let cutInDescription = try one(#"Received: [4,"8b351ba1","InternalError","An internal"#, .ocpp)
        #expect(cutInDescription.errorCode == "InternalError" && cutInDescription.errorDescription == nil)
    }

    @Test("shape errors: missing action; spaces allowed; only types 2 to 6 are frames")
    func shapes() throws {
        #expect(FrameExtractor.frames(inText: #"[7,"1",{}]"#, stream: .frames).isEmpty)
        #expect(try one(#"[2,"1"]"#, .frames).broken == "CALL without an action name")
        let spaced = try one(#"[2, "9", "Heartbeat", {}]"#, .frames)
        #expect(spaced.action == "Heartbeat")
        let twoOne = try one(#"[6,"s1","NotifyPeriodicEventStream",{"id":1}]"#, .frames)
        #expect(twoOne.type == .send)
    }

    @Test("several frames in one record")
    func several() {
        let frames = FrameExtractor.frames(inText: #"[2,"1","Heartbeat",{}] [3,"1",{"currentTime":"2024-05-01T14:42:14Z"}]"#, stream: .frames)
        #expect(frames.map(\.type) == [.call, .callResult])
        #expect(frames[0].issues.isEmpty)
    }

    @Test("rotated halves share a connection")
    func family() {
        #expect(OCPPConnection.family(of: "2168Vqt.zip/A23C2706768VMainProcess_0.log") == "2168Vqt.zip/A23C2706768VMainProcess.log")
        #expect(OCPPConnection.family(of: "logs/ocpp.log.2") == "logs/ocpp.log")
        #expect(OCPPConnection.family(of: "logs/ocpp.log.1.gz") == "logs/ocpp.log")
        #expect(OCPPConnection.family(of: "2168Vocpp/A23C2706768Vocpp.log") == "2168Vocpp/A23C2706768Vocpp.log")
    }
}
