import Foundation
import Testing
import TestSupport

/// Runs the built `chargelog` binary on seed lines and checks the JSON the scripts rely on.
@Suite("chargelog transactions / exchanges / show")
struct OCPPCLITests {
    static var binary: String? {
        let candidates = [CommandLine.arguments.first, Bundle.main.executablePath].compactMap { $0 }.map {
            URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("chargelog").path
        } + [FileManager.default.currentDirectoryPath + "/.build/debug/chargelog"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ args: [String]) throws -> (out: String, status: Int32) {
        try E2EBundle.execute(args, binary: try #require(binary, "chargelog binary not found"))
    }

    static let tonly = #"""
    [2021-11-09 16:20:30:000] [2,"2021119162036620","RemoteStartTransaction",{"connectorId":1,"idTag":"13714319313","chargingProfile":{"chargingProfileId":1,
    "transactionId":701,"stackLevel":1,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Recurring","chargingSchedule":
    {"duration":0,"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":1,"limit":32.0,"numberPhases":3}]}}}]
    [3,"2021119162036620",{"status":"Accepted"}]
    [2,"112","StartTransaction",{"connectorId":1,"idTag":"13714319313","meterStart":0,"reservationId":0,"timestamp":"2021-11-09T16:20:35"}]
     [3,"112",{"idTagInfo":{"expiryDate":"2021-11-09T16:20:36.297","parentIdTag":"13714319313","status":"Accepted"},"transactionId":701}]
    [2021-11-09 16:21:35:000] [2,"114","MeterValues",{"connectorId":1,"transactionId":701,"meterValue":[{"timestamp":"2021-11-09T16:21:35","sampledValue":[{"value":"1.25","measurand":"Energy.Active.Import.Register","unit":"kWh"}]}]}]
    receive data: ?[3,"114",{}]
    [2021-11-09 16:27:09:000] [2,"134","StopTransaction",{"meterStop":2500,"timestamp":"2021-11-09T16:27:09","transactionId":701}]
    [2021-11-09 16:27:09:500] receive data: [3,"134",{}]
    """#

    func bundle() throws -> String {
        let dir = NSTemporaryDirectory() + "chargelog-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try (Self.tonly + "\n").write(toFile: dir + "/tonly.log", atomically: true, encoding: .utf8)
        return dir
    }

    @Test("transactions --format json")
    func transactionsJSON() throws {
        let dir = try bundle()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (out, status) = try Self.run(["transactions", dir, "--format", "json"])
        #expect(status == 0)
        // Read with JSONSerialization (JSONOracle), not chargelog's parser; key order from the text.
        let list = try JSONOracle.array(out)
        let t = try #require(list.first as? [String: Any])
        #expect(list.count == 1)
        #expect(JSONOracle.keys(out, depth: 2) == ["transactionId", "connector", "idTag", "auth", "start", "stop", "meterStart",
                                              "meterStop", "energyWh", "reason", "stopStatus", "meterValues", "internalId", "ocmf",
                                              "evse", "evseConnector", "connectorLabel", "events", "chargingStates", "issues"])
        #expect(t["transactionId"] as? String == "701")
        #expect(t["connector"] as? Int == 1)
        #expect(t["idTag"] as? String == "13714319313")
        #expect(t["auth"] as? String == "Remote")
        #expect(t["start"] as? String == "2021-11-09T16:20:35.000Z")
        #expect(t["stop"] as? String == "2021-11-09T16:27:09.000Z")
        #expect(t["meterStart"] as? Int == 0)
        #expect(t["meterStop"] as? Int == 2500)
        #expect(t["energyWh"] as? Int == 2500)
        #expect(t["reason"] as? String == "Local")
        #expect(t["stopStatus"] as? String == "Accepted")
        #expect(t["meterValues"] as? Int == 1)
        #expect(t["internalId"] is NSNull)
        let csv = try Self.run(["transactions", dir, "--format", "csv"]).out.split(separator: "\n")
        #expect(csv.first == "transactionId,connector,idTag,auth,start,stop,meterStart,meterStop,energyWh,reason,stopStatus,meterValues,internalId,evse,evseConnector,events")
        #expect(csv.dropFirst().first == "701,1,13714319313,Remote,2021-11-09T16:20:35.000Z,2021-11-09T16:27:09.000Z,0,2500,2500,Local,Accepted,1,,,,")
    }

    @Test("exchanges --format ndjson")
    func exchangesNDJSON() throws {
        let dir = try bundle()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (out, status) = try Self.run(["exchanges", dir, "--format", "ndjson"])
        #expect(status == 0)
        let rows = try JSONOracle.lines(out)
        let lines = out.split(separator: "\n")
        #expect(rows.count == 4)
        #expect(rows.map { $0["action"] as? String ?? "" } == ["RemoteStartTransaction", "StartTransaction", "MeterValues", "StopTransaction"])
        #expect(rows.map { $0["direction"] as? String ?? "" } == ["cs->cp", "cp->cs", "cp->cs", "cp->cs"])
        #expect(rows.allSatisfy { $0["result"] as? String == "CALLRESULT" && $0["connection"] as? String == "frames" })
        #expect(JSONOracle.keys(lines[3]) == ["uniqueId", "action", "direction", "requestTime", "responseTime", "latencyMs",
                                                    "result", "errorCode", "connection"])
        #expect(rows[3]["uniqueId"] as? String == "134")
        #expect(rows[3]["latencyMs"] as? Int == 500)
        #expect(rows[3]["requestTime"] as? String == "2021-11-09T16:27:09.000Z")
        // The MeterValues answer borrows its time from the line before: no latency claimed.
        #expect(rows[2]["latencyMs"] is NSNull)
    }

    @Test("show --tx: every correlated record with its role; unknown ids fail")
    func show() throws {
        let dir = try bundle()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (out, status) = try Self.run(["show", dir, "--tx", "701", "--format", "ndjson"])
        #expect(status == 0)
        let rows = try JSONOracle.lines(out)
        #expect(rows.map { $0["role"] as? String ?? "" } == [
            "RemoteStartTransaction", "RemoteStartTransaction answer", "StartTransaction", "StartTransaction answer",
            "MeterValues", "MeterValues answer", "StopTransaction", "StopTransaction answer"])
        #expect(JSONOracle.keys(out.split(separator: "\n").first ?? "") == ["time", "stream", "file", "line", "text", "role"])
        #expect(rows.first?["line"] as? Int == 1)
        #expect(try Self.run(["show", dir, "--tx", "999"]).status != 0)
    }
}
