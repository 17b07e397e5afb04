import Foundation

/// A small Sungrow bundle written from seed lines (seed 000): the proxy's transaction 667 and remote
/// start, and MainProcess lines without a year; plus the chargelog binary under test.
enum E2EBundle {
    static let proxy = #"""
2024-04-28 14:16:06.457 +0000 INFO WebSocketTransmitter - Received: [2,"b68ba114-9957-4cd5-bcac-bbcfeaf9671d","RemoteStartTransaction",{"connectorId":2,"idTag":"AT-EST-CDPATEVN1-X"}]
2024-04-28 14:16:06.480 +0000 INFO PipeSession - [To charging station]: b68ba114-9957-4cd5-bcac-bbcfeaf9671d=RemoteStartTransaction={"connectorId":2,"idTag":"AT-EST-CDPATEVN1-X"}
2024-04-28 14:16:06.773 +0000 INFO PipeSession - [From charging station]: b68ba114-9957-4cd5-bcac-bbcfeaf9671d=RemoteStartTransactionResponse={    "status": "Accepted"}
2024-04-28 14:16:06.798 +0000 INFO PipeSession - Pipe Ready
2024-04-28 14:16:06.807 +0000 INFO WebSocketTransmitter - Sending: [3,"b68ba114-9957-4cd5-bcac-bbcfeaf9671d",{"status":"Accepted"}]
2024-05-01 14:42:14.595 +0000 INFO PipeSession - [From charging station]: 060349123358459bad89d758458796ef=StartTransaction={    "connectorId": 1,    "idTag": "201ACCBF",    "meterStart": 7854588,    "timestamp": "2024-05-01T14:42:14Z"}
2024-05-01 14:42:14.611 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well.
2024-05-01 14:42:14.616 +0000 INFO RequestQueue - SendRequest Queue size: 1, Store time: 1.361 ms, UUID: db8df750-e2e2-409d-90f6-c746feacae89
2024-05-01 14:42:14.635 +0000 INFO WebSocketTransmitter - Sending: [2,"db8df750-e2e2-409d-90f6-c746feacae89","StartTransaction",{"connectorId":1,"idTag":"201ACCBF","meterStart":7854588,"timestamp":"2024-05-01T14:42:14Z"}]
2024-05-01 14:42:15.764 +0000 INFO WebSocketTransmitter - Received: [3,"db8df750-e2e2-409d-90f6-c746feacae89",{"transactionId":667,"idTagInfo":{"status":"Accepted"}}]
2024-05-01 14:42:15.770 +0000 INFO RequestQueue - Queue size: 0, Store time: 1.192 ms, UUID: db8df750-e2e2-409d-90f6-c746feacae89, Request process time: 1153 ms
2024-05-01 14:42:15.801 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well.
2024-05-01 14:42:15.835 +0000 INFO PipeSession - [To charging station]: 060349123358459bad89d758458796ef=StartTransactionResponse={"idTagInfo":{"status":"Accepted"},"transactionId":667,"connectorId":1}
"""#

    static let mainProcess = #"""
Apr/28 14:16:06 UTC --  1  JSONs OCPP were found
Apr/28 14:16:06 UTC --  this ocppin is about =  "RemoteStartTransaction"
Apr/28 14:16:06 UTC --  StateSwicthed:from "State_PayNotChosen_Plug" to: "State_Energy_Transfer"
Apr/28 14:16:06 UTC --  Accept remote start transaction: 2 "12345"
May/01 14:41:17 UTC --  Card NoEnable
May/01 14:41:18 UTC --  Front connector choose authorize: "Rfid_Authorize"
May/01 14:41:19 UTC --  this ocppin is about =  "AuthorizeResponse"
May/01 14:41:19 UTC --  Authorize request accepted!!
"""#

    /// Writes the bundle; returns its folder (remove its parent when done).
    static func write() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chargelog-e2e-\(UUID().uuidString)")
        let dir = root.appendingPathComponent("SampleBundle")
        for (path, text) in [("2168Vocpp/A23C2706768Vocpp.log", proxy), ("2168Vqt/A23C2706768VMainProcess.log", mainProcess)] {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((text + "\n").utf8).write(to: url)
        }
        return dir
    }

    /// The repository's `SampleLogs` folder.
    static var sampleLogs: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("SampleLogs")
    }

    /// The release binary users run: `CHARGELOG_RELEASE_BIN`, or the package's `.build/release/chargelog`
    /// (`scripts/test.sh` builds it). Nil when it was not built; under `CI=true` that is a failure, not a skip.
    static var releaseBinary: String? {
        let env = ProcessInfo.processInfo.environment
        if let b = env["CHARGELOG_RELEASE_BIN"], !b.isEmpty { return b }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let path = package.appendingPathComponent(".build/release/chargelog").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// The binaries behaviour that ships is tested on: the debug build and the release build.
    static var shippedBinaries: [String] { [binary] + (releaseBinary.map { [$0] } ?? []) }

    /// The chargelog binary: `CHARGELOG_BIN`, or next to the test runner (SwiftPM builds it there).
    static var binary: String {
        if let b = ProcessInfo.processInfo.environment["CHARGELOG_BIN"], !b.isEmpty { return b }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // macOS runs tests from inside an .xctest bundle.
        while dir.pathExtension == "xctest" || dir.lastPathComponent == "MacOS" || dir.lastPathComponent == "Contents" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("chargelog").path
    }
}
