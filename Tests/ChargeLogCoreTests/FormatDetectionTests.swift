import Testing
@testable import ChargeLogCore

/// Detection looks at content, not names; names only break ties between same-shaped formats.
@Suite struct FormatDetectionTests {
    func detect(_ lines: [String], name: String = "x.log") -> StreamKind {
        FormatDetector.detect(sample: Array(lines.joined(separator: "\n").utf8), nameHint: name).stream
    }

    @Test func eachSeedShapeIsRecognised() {
        #expect(detect(["Apr/30 20:02:13 UTC --  OCPP_Connection_Restore", "Apr/30 20:03:18 UTC --  OCPP_Connection_Fail"]) == .mainprocess)
        #expect(detect(["2024-04-27 12:41:12.903 +0000 INFO PipeSession - Pipe Ready"]) == .ocpp)
        #expect(detect(["[April/28 08:48:46.384 UTC][D00 23:20:20.544] Secondary CCU asks for power modules stopping"]) == .ccu)
        #expect(detect(["[January/10 06:20:31.486 UTC]2024/January/10 06:20:31.485", "[January/10 06:21:06.873 UTC]CCU1->Err_Connector1_TCU_Config_Fault"]) == .fault)
        #expect(detect(["[April/12 09:51:36.489 UTC]2024/April/12 09:51:36.489", "[April/12 09:56:32.994 UTC]Loader --> Process... Start Http download version.json"]) == .update)
        #expect(detect(["//心跳", "[2,\"104\",\"Heartbeat\",{}] (47 bytes) ", "[3,\"104\",{\"currentTime\":\"2021-11-09T15:55:20.215\"}]"]) == .frames)
        #expect(detect(["704 2023-11-30T00:00:42+0000 [ocpp] availabilitySrc = 0x01,0x01", "706 2023-11-30T00:00:47+0000 [comproc] Com boot!"]) == .module)
        #expect(detect(["Datetime,Action,Charger ID,Connector ID", "2024-11-26T10:03:49Z,StatusNotification,Charger 5,1"]) == .csv)
        #expect(detect(["[2025-08-22T02:50:56.688Z] connected", "  detail"]) == .generic)
        #expect(detect(["hello", "world"]) == .text)
    }

    @Test func nameOnlyBreaksTies() {
        let headerOnly = ["[January/10 06:20:31.486 UTC]2024/January/10 06:20:31.485", "[January/10 06:20:31.486 UTC]"]
        #expect(detect(headerOnly, name: "2168Vupdate.zip/A23C2706768Vupdate.log") == .update)
        #expect(detect(headerOnly, name: "2168Vfault.zip/A23C2706768Vfault.log") == .fault)
        // Content wins over a misleading name.
        #expect(detect(["Apr/30 20:02:13 UTC --  OCPP_Connection_Fail"], name: "fault.log") == .mainprocess)
    }
}
