import ChargeLogGenerator
import Foundation
import Testing
import TestSupport
@testable import ChargeLogCore

/// The proxy's pipe copies taken from their clean WebSocket twins (`PipeCopies`): the same analysis as
/// parsing and checking every copy, on hand-made near misses, a generated bundle, SampleLogs and the
/// real field logs.
@Suite("Pipe copies matched by content")
struct PipeCopiesTests {
    static func line(_ time: String, _ rest: String) -> String { "2024-04-30 \(time) +0000 INFO \(rest)" }
    static func pipe(_ time: String, from: Bool, _ body: String) -> String {
        line(time, "PipeSession - [\(from ? "From" : "To") charging station]: \(body)")
    }
    static func ws(_ time: String, sending: Bool, _ frame: String) -> String {
        line(time, "WebSocketTransmitter - \(sending ? "Sending" : "Received"): \(frame)")
    }

    /// One exchange: pipe call, WebSocket call and answer, pipe answer.
    static func exchange(_ t: String, pipeId: String, wsId: String, action: String, pipePayload: String, wsPayload: String) -> [String] {
        [pipe("\(t).100", from: true, "\(pipeId)=\(action)=\(pipePayload)"),
         ws("\(t).200", sending: true, #"[2,"\#(wsId)","\#(action)",\#(wsPayload)]"#),
         ws("\(t).300", sending: false, #"[3,"\#(wsId)",{}]"#),
         pipe("\(t).400", from: false, "\(pipeId)=\(action)Response={}")]
    }

    static let log: [String] =
        // The same MeterValues, pretty and compact, keys in another order: both copies taken from the twin.
        exchange("07:13:09", pipeId: "524be8456a871d846a5f7c53c824783f", wsId: "6da28fe4-210f-4bdd-b163-c332e9644c54",
                 action: "MeterValues",
                 pipePayload: #"{    "connectorId": 2,    "meterValue": [        {            "sampledValue": [                {                    "measurand": "Energy.Active.Import.Register",                    "unit": "kWh",                    "value": "11602.9"                }            ],            "timestamp": "2024-04-30T07:13:09Z"        }    ],    "transactionId": 662}"#,
                 wsPayload: #"{"connectorId":2,"transactionId":662,"meterValue":[{"timestamp":"2024-04-30T07:13:09Z","sampledValue":[{"value":"11602.9","measurand":"Energy.Active.Import.Register","unit":"kWh"}]}]}"#)
        // Near miss: the pipe copy's status is not a status (a finding the WebSocket copy has not).
        + exchange("07:14:00", pipeId: "11", wsId: "b1", action: "StatusNotification",
                   pipePayload: #"{    "connectorId": 1,    "errorCode": "NoError",    "status": "Chargin"}"#,
                   wsPayload: #"{"connectorId":1,"errorCode":"NoError","status":"Charging"}"#)
        // An escape: the same text, but the bytes are not it.
        + exchange("07:15:00", pipeId: "12", wsId: "c1", action: "StatusNotification",
                   pipePayload: #"{    "connectorId": 1,    "errorCode": "NoError",    "info": "lid\/door",    "status": "Available"}"#,
                   wsPayload: #"{"connectorId":1,"errorCode":"NoError","info":"lid/door","status":"Available"}"#)
        // A duplicated key: which copy a check reads depends on the order.
        + exchange("07:16:00", pipeId: "13", wsId: "d1", action: "StatusNotification",
                   pipePayload: #"{    "connectorId": 1,    "errorCode": "NoError",    "status": "Available",    "status": "Available"}"#,
                   wsPayload: #"{"connectorId":1,"errorCode":"NoError","status":"Available"}"#)
        // Text after the payload: a finding of the pipe copy's own.
        + exchange("07:17:00", pipeId: "14", wsId: "e1", action: "StatusNotification",
                   pipePayload: #"{    "connectorId": 1,    "errorCode": "NoError",    "status": "Available"} (retry)"#,
                   wsPayload: #"{"connectorId":1,"errorCode":"NoError","status":"Available"}"#)
        // A number written another way: 2 and 2.0 are one value for hop matching, not for the check.
        + exchange("07:18:00", pipeId: "15", wsId: "f1", action: "StatusNotification",
                   pipePayload: #"{    "connectorId": 2.0,    "errorCode": "NoError",    "status": "Available"}"#,
                   wsPayload: #"{"connectorId":2,"errorCode":"NoError","status":"Available"}"#)

    static func bundle() throws -> TempBundle {
        try TempBundle(["2168Vocpp/A23C2706768Vocpp.log": log.joined(separator: "\n") + "\n"])
    }

    static func proxyScan(_ index: LogIndex, shortcut: Bool) throws -> FileScanResult {
        let k = try #require(index.files.firstIndex { $0.stream == .ocpp })
        return FileScan.scan(index.files[k], fileNumber: k, pipeShortcut: shortcut)
    }

    @Test func cleanTwinsAreTakenNearMissesAreParsedAndTheAnalysisIsThePlainOne() throws {
        let b = try Self.bundle()
        defer { b.remove() }
        let index = try b.index()
        let scan = try Self.proxyScan(index, shortcut: true)
        // The MeterValues call and all six answers; the five near-miss calls are parsed.
        #expect(scan.pipes.matched == 7)
        #expect(scan.pipes.parsed == 5)
        #expect(try Self.proxyScan(index, shortcut: false).pipes.matched == 0)

        let fast = OCPPAnalysis.build(index)
        let plain = OCPPAnalysis.build(index, pipeShortcut: false)
        #expect(AnalysisAnswers.difference(fast, plain) == nil)
        // The near misses keep their findings; the clean copies have none, and each pipe copy its hop.
        let chargin = try #require(fast.messages(containing: "\"Chargin\"").first)
        #expect(chargin.issues.contains { $0.kind == .unknownEnumValue })
        let retry = try #require(fast.messages(containing: "(retry)").first)
        #expect(retry.issues.contains { $0.kind == .trailingText })
        let meter = fast.messages(containing: "MeterValues=")
        #expect(meter.count == 1 && meter[0].issues.isEmpty && fast.hopCopy(of: meter[0].ref) != nil)
    }

    /// Everything a range's scan gives, message by message.
    static func describe(_ r: FileScanResult) -> [String] {
        r.entries.indices.map { i in
            let e = r.entries[i]
            return "\(e.record) \(e.ordinal) \(e.time) \(e.id.string(pool: r.ids.strings)) \(r.names.name(e.action) ?? "-") "
                + "\(r.names.name(e.errorCode) ?? "-") \(e.type) \(e.channel) \(e.hint) \(e.flags.rawValue) "
                + "\(r.fingerprints[i].full) \(r.fingerprints[i].reduced) \(r.issues[Int32(i)] ?? [])"
        } + ["names \(r.names.names)", "facts \(r.facts.count)"]
    }

    /// A proxy log: a 2.0.1 BootNotification on the pipe, then `pipeLine` at 07:00:01.100 (a pipe
    /// DataTransfer whose `data` is an object), then that DataTransfer's WebSocket copy.
    static func afterABoot(pipeLine: String) throws -> TempBundle {
        let log = [
            Self.pipe("07:00:00.100", from: true, #"1=BootNotification={"chargingStation":{"model":"M","vendorName":"V"},"reason":"PowerUp"}"#),
            Self.line("07:00:01.100", pipeLine),
            Self.ws("07:00:01.200", sending: true, #"[2,"w2","DataTransfer",{"vendorId":"X","data":{"k":1}}]"#),
        ]
        return try TempBundle(["2168Vocpp/A23C2706768Vocpp.log": log.joined(separator: "\n") + "\n"])
    }

    /// A pipe line with colour codes is read whole, but waits with the others: a 2.0.1 BootNotification
    /// on the pipe makes the next pipe DataTransfer a 2.0.1 one (its `data` may be an object).
    @Test func aColouredPipeLineWaitsInItsPlace() throws {
        let b = try Self.afterABoot(pipeLine: "\u{1B}[32mPipeSession - [From charging station]: 2=DataTransfer={\"vendorId\":\"X\",\"data\":{\"k\":1}}\u{1B}[0m")
        defer { b.remove() }
        let index = try b.index()
        #expect(Self.describe(try Self.proxyScan(index, shortcut: true)) == Self.describe(try Self.proxyScan(index, shortcut: false)))
        let fast = OCPPAnalysis.build(index)
        #expect(AnalysisAnswers.difference(fast, OCPPAnalysis.build(index, pipeShortcut: false)) == nil)
        let data = try #require(fast.messages.first { $0.action == "DataTransfer" && $0.connection.channel == .pipe })
        #expect(!data.issues.contains { $0.kind == .wrongType })
    }

    /// A pipe line whose marker stands past the first bytes the fast reader looks at is read whole, and
    /// still waits in its place.
    @Test func aPipeLineWithItsMarkerFarInIsReadWhole() throws {
        let far = String(repeating: "x", count: FrameExtractor.markerWithin)
        let b = try Self.afterABoot(pipeLine: "\(far) PipeSession - [From charging station]: 2=DataTransfer={\"vendorId\":\"X\",\"data\":{\"k\":1}}")
        defer { b.remove() }
        let index = try b.index()
        let fast = try Self.proxyScan(index, shortcut: true)
        #expect(fast.pipes.parsed == 2 && fast.pipes.matched == 0)
        #expect(Self.describe(fast) == Self.describe(try Self.proxyScan(index, shortcut: false)))
    }

    /// More calls open than the pairing keeps: one pass gives up the oldest WebSocket call, so its late
    /// answer is checked against nothing; the range is read in one pass and says the same.
    @Test func pastTheBoundOfOpenCallsTheRangeIsReadInOnePass() throws {
        var log: [String] = []
        for n in 0..<60 {
            let t = String(format: "07:%02d:%02d", n / 60, n % 60)
            log.append(Self.pipe("\(t).100", from: true, "p\(n)=Heartbeat={}"))
            log.append(Self.ws("\(t).200", sending: true, #"[2,"w\#(n)","Heartbeat",{}]"#))
        }
        log.append(Self.ws("08:00:00.000", sending: false, #"[3,"w0",{"currentTime":5}]"#))
        let b = try TempBundle(["2168Vocpp/A23C2706768Vocpp.log": log.joined(separator: "\n") + "\n"])
        defer { b.remove() }
        let index = try b.index()
        let k = try #require(index.files.firstIndex { $0.stream == .ocpp })
        let plain = FileScan.scan(index.files[k], fileNumber: k, pipeShortcut: false, openCalls: 100)
        let fast = FileScan.scan(index.files[k], fileNumber: k, pipeShortcut: true, openCalls: 100)
        #expect(fast.pipes.matched == 0)
        #expect(Self.describe(fast) == Self.describe(plain))
        // Below the bound the shortcut is taken, and says the same.
        let roomy = FileScan.scan(index.files[k], fileNumber: k, pipeShortcut: true, openCalls: 200)
        #expect(roomy.pipes.matched == 60)
        #expect(Self.describe(roomy) == Self.describe(FileScan.scan(index.files[k], fileNumber: k, pipeShortcut: false, openCalls: 200)))
    }

    @Test func aGeneratedBundleAnalysesAsWithEveryCopyParsed() throws {
        let dir = NSTemporaryDirectory() + "chargelog-pipes-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try BundleGenerator.generate(into: dir, options: GeneratorOptions(targetBytes: 4_000_000, seed: 9))
        let index = Indexer.build(try BundleLoader.load(paths: [BundleGenerator.bundlePath(in: dir)]), options: IndexOptions(threads: 2))
        let scan = try Self.proxyScan(index, shortcut: true)
        #expect(scan.pipes.matched > 1000)
        #expect(scan.pipes.matched > 4 * scan.pipes.parsed)
        // Small ranges: twins across a range boundary are parsed too.
        for bytes: UInt64 in [OCPPAnalysis.scanChunkBytes, 64 << 10] {
            let fast = OCPPAnalysis.build(index, rangeBytes: bytes)
            #expect(AnalysisAnswers.difference(fast, OCPPAnalysis.build(index, rangeBytes: bytes, pipeShortcut: false)) == nil)
        }
    }

    @Test func sampleLogsAndTheRealLogsAnalyseAsWithEveryCopyParsed() throws {
        var paths = [PackagePaths.sampleLogs.appendingPathComponent("IDC180E-A23C2706768").path]
        if RealLogs.available {
            paths += ["client_ocpp_sim_201.log", "gresgying_central.txt", "ha_ocpp_carfeeder.log"].map { RealLogs.path($0) }
        }
        for path in paths {
            let index = Indexer.build(try BundleLoader.load(paths: [path]), options: IndexOptions(threads: 2))
            let fast = OCPPAnalysis.build(index)
            #expect(fast.messages.count > 0, "\(path)")
            #expect(AnalysisAnswers.difference(fast, OCPPAnalysis.build(index, pipeShortcut: false)) == nil, "\(path)")
        }
    }
}
