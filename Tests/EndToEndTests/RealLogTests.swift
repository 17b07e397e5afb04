import Foundation
import Testing
import TestSupport

/// The three real logs of `../shared/real-logs/` end to end, through the binary: every framed line on the
/// UTC clock of its own payload, the clock decision named in `stats`, the transactions as the files state
/// them. Expected values were read from the files by hand (line numbers named); payload times are parsed
/// by the test with Foundation, not by chargelog.
@Suite(.enabled(if: RealLogs.available || ProcessInfo.processInfo.environment["CI"] == "true",
                "../shared/real-logs is not beside the repository"))
struct RealLogTests {
    static let logs = ["client_ocpp_sim_201.log", "ha_ocpp_carfeeder.log", "gresgying_central.txt"]

    @Test func realLogsArePresent() {
        #expect(RealLogs.available, "the real logs must be beside the repository (../shared/real-logs)")
    }

    /// (line time − payload time) for every framed timeline row that states a payload time.
    func distances(_ name: String) throws -> [(line: Int, seconds: Double)] {
        let out = try RealLogs.run(["timeline", RealLogs.path(name), "--format", "ndjson"])
        var d: [(Int, Double)] = []
        for row in out.split(separator: "\n") {
            let obj = try #require(try JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any])
            let text = try #require(obj["text"] as? String)
            guard let frame = IndependentOCPP.frame(in: text), let payload = IndependentOCPP.payloadTime(frame) else { continue }
            let stamp = try #require(obj["time"] as? String)
            let time = try #require(IndependentOCPP.seconds(stamp))
            d.append((try #require(obj["line"] as? Int), time - payload))
        }
        return d
    }

    @Test(arguments: logs)
    func everyFramedLineSitsAtItsPayloadTime(_ name: String) throws {
        let d = try distances(name)
        #expect(d.count >= 10, "\(name): \(d.count) framed lines with payload times")
        let sorted = d.map { abs($0.seconds) }.sorted()
        #expect(sorted[sorted.count / 2] <= 120, "\(name): median distance \(sorted[sorted.count / 2]) s")
        // ha_ocpp_carfeeder.log line 876: the charger reports "The system time on the Charge Point was changed"
        // with its local time written as UTC ("2026-02-16T18:06:56.000Z" in a line of 18:06:56 local, UTC+1):
        // the payload itself is an hour off, not the line.
        let outliers: Set<Int> = name == "ha_ocpp_carfeeder.log" ? [876] : []
        for (line, s) in d where !outliers.contains(line) {
            #expect(abs(s) <= 120, "\(name) line \(line): \(s) s from its payload time")
        }
    }

    /// What each log shows (read in the files): the HA log names its subprotocol (line 394,
    /// `Sec-WebSocket-Protocol: ocpp1.6`); the simulator's first call is a 2.0.1 BootNotification
    /// (`chargingStation`, line 1); the Gresgying central log has StartTransaction, 1.6 only.
    @Test func statsNamesEachOCPPVersionDecision() throws {
        let ha = try RealLogs.run(["stats", RealLogs.path("ha_ocpp_carfeeder.log")])
        #expect(ha.contains("OCPP version per connection:\n  1.6 from the WebSocket subprotocol: "))
        let sim = try RealLogs.run(["stats", RealLogs.path("client_ocpp_sim_201.log")])
        #expect(sim.contains("  2.0.1 from the messages: "))
        let central = try RealLogs.run(["stats", RealLogs.path("gresgying_central.txt")])
        #expect(central.contains("  1.6 from the messages: "))
        // Overridden: said so, in text and JSON.
        let pinned = try RealLogs.run(["stats", RealLogs.path("gresgying_central.txt"), "--ocpp-version", "2.0.1", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(pinned.utf8)) as? [String: Any]
        let versions = json?["ocppVersions"] as? [[String: Any]]
        #expect(versions?.first?["version"] as? String == "2.0.1" && versions?.first?["source"] as? String == "override")
    }

    @Test func statsNamesEachClockDecision() throws {
        let sim = try RealLogs.run(["stats", RealLogs.path("client_ocpp_sim_201.log")])
        #expect(sim.contains("local time, UTC+02:00, inferred from"))
        let ha = try RealLogs.run(["stats", RealLogs.path("ha_ocpp_carfeeder.log")])
        #expect(ha.contains("local time, UTC+01:00, inferred from"))
        let central = try RealLogs.run(["stats", RealLogs.path("gresgying_central.txt")])
        #expect(central.contains("no line carries a time; times taken from"))
        #expect(!central.contains("modification time"))
        // The file's own dates, not the day it was copied: its frames say 2025-08-11.
        #expect(central.contains("time   2025-08-11 08:3"))
    }

    /// `--display-tz +02:00` on the simulator's log (written in UTC+02:00, its line 2 answers
    /// `currentTime 2025-10-03T11:09:13.630Z` on a line stamped 13:09:13,631): the text timeline shows each
    /// line at its own local stamp again, while JSON stays UTC.
    @Test func displayZoneShowsTheLocalStampsAgain() throws {
        let text = try RealLogs.run(["timeline", RealLogs.path("client_ocpp_sim_201.log"), "--display-tz", "+02:00"])
        let rows = text.split(separator: "\n").prefix(3).map(String.init)
        #expect(rows.count == 3)
        #expect(rows[0].hasPrefix("2025-10-03 13:09:13.380 "))
        #expect(rows[1].hasPrefix("2025-10-03 13:09:13.631 "))
        let json = try RealLogs.run(["timeline", RealLogs.path("client_ocpp_sim_201.log"), "--display-tz", "+02:00",
                                     "--format", "ndjson", "--until", "2025-10-03 13:09:14"])
        let first = try #require(json.split(separator: "\n").first)
        #expect(first.contains("\"time\":\"2025-10-03T11:09:13.380Z\""))
        // --until was read in the display zone: 13:09:14 +02:00 keeps the lines of 13:09:13 (8 in the file,
        // `grep -c '^2025-10-03 13:09:13'`), not two hours more.
        #expect(json.split(separator: "\n").count == 8)
    }

    func transactions(_ name: String) throws -> [[String: Any]] {
        let out = try RealLogs.run(["transactions", RealLogs.path(name), "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
    }

    /// ha_ocpp_carfeeder.log lines 1148/1150 (StartTransaction 17:13:48Z, meterStart 3051113; answer
    /// transactionId 1771262029; StopTransaction 17:13:49Z, meterStop 3051113, reason Other) and 1168/1428
    /// (StartTransaction 17:14:08Z; StopTransaction 17:15:48Z, meterStop 3051361, reason Local).
    @Test func homeAssistantTransactions() throws {
        let tx = try transactions("ha_ocpp_carfeeder.log")
        #expect(tx.map { $0["transactionId"] as? String } == ["1771262029", "1771262049"])
        #expect(tx.map { $0["start"] as? String } == ["2026-02-16T17:13:48.000Z", "2026-02-16T17:14:08.000Z"])
        #expect(tx.map { $0["stop"] as? String } == ["2026-02-16T17:13:49.000Z", "2026-02-16T17:15:48.000Z"])
        #expect(tx.map { $0["meterStart"] as? Int } == [3051113, 3051113])
        #expect(tx.map { $0["meterStop"] as? Int } == [3051113, 3051361])
        #expect(tx.map { $0["energyWh"] as? Int } == [0, 248])
        #expect(tx.map { $0["reason"] as? String } == ["Other", "Local"])
        #expect(tx.map { $0["idTag"] as? String } == ["YRF8JU9VOVEJ8OTS8BV9", "YRF8JU9VOVEJ8OTS8BV9"])
    }

    /// gresgying_central.txt lines 52/77 (transaction 1, connector 2, 140703 → 141518 Wh, 08:33:07.131Z →
    /// 08:35:59.531Z, reason Other) and 109/146 (transaction 2, connector 1, 259857 → 261473 Wh,
    /// 08:39:40.755Z → 08:46:32.197Z).
    @Test func centralSystemTransactions() throws {
        let tx = try transactions("gresgying_central.txt")
        #expect(tx.map { $0["transactionId"] as? String } == ["1", "2"])
        #expect(tx.map { $0["connector"] as? Int } == [2, 1])
        #expect(tx.map { $0["start"] as? String } == ["2025-08-11T08:33:07.131Z", "2025-08-11T08:39:40.755Z"])
        #expect(tx.map { $0["stop"] as? String } == ["2025-08-11T08:35:59.531Z", "2025-08-11T08:46:32.197Z"])
        #expect(tx.map { $0["meterStart"] as? Int } == [140703, 259857])
        #expect(tx.map { $0["meterStop"] as? Int } == [141518, 261473])
        #expect(tx.map { $0["idTag"] as? String } == ["VID:FCA47A147858", "VID:FCA47A147858"])
    }

    /// client_ocpp_sim_201.log: ten TransactionEvent transactions (Started at lines 63, 69, 115, 130, 5377,
    /// 5908, 5924, 6139, 6195, 6207); Ended only for cb5966b7 (14:20:57.174971Z), a13335c9
    /// (14:29:06.505875Z) and 964cdab6 (14:29:30.984032Z).
    @Test func simulatorTransactions() throws {
        let tx = try transactions("client_ocpp_sim_201.log")
        #expect(tx.compactMap { $0["transactionId"] as? String } == [
            "3bec9460-8b0d-470a-8f22-9cfc3fea88d9", "31010c29-ae7f-4785-9aa0-5fd0aa9315d0", "a0a66078-0eb9-48d4-8b07-117841da0e17",
            "7a56fcfe-2f7a-4cd5-9e0b-cb4c1099cbbe", "46e3c475-cb68-4b06-8579-a1c33e289512", "cb5966b7-0adb-460b-990d-c5418bb96cf7",
            "b28f6f2f-f538-490e-94ee-63249b24fe40", "a13335c9-f4f7-4a92-94bb-b8fb99d432e9", "964cdab6-8a36-4f03-9f91-3286505ae39a",
            "e0d4e84e-ab0d-421d-bcc9-04821a09f7b9",
        ])
        #expect(tx.compactMap { $0["start"] as? String }.first == "2025-10-03T11:13:35.733Z")
        let stops = Dictionary(uniqueKeysWithValues: tx.compactMap { t in (t["stop"] as? String).map { (t["transactionId"] as! String, $0) } })
        #expect(stops == ["cb5966b7-0adb-460b-990d-c5418bb96cf7": "2025-10-03T14:20:57.174Z",
                          "a13335c9-f4f7-4a92-94bb-b8fb99d432e9": "2025-10-03T14:29:06.505Z",
                          "964cdab6-8a36-4f03-9f91-3286505ae39a": "2025-10-03T14:29:30.984Z"])
    }

    /// gresgying_central.txt line 32: the charger's DataTransfer, received by the central system that wrote
    /// the log, goes charger → central; line 16: the central system's own DataTransfer the other way.
    @Test func directionFollowsTheWriter() throws {
        let out = try RealLogs.run(["exchanges", RealLogs.path("gresgying_central.txt"), "--format", "ndjson"])
        let rows = out.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let byId = Dictionary(uniqueKeysWithValues: rows.map { ($0["uniqueId"] as? String ?? "", $0) })
        #expect(byId["4e9d5708-a935-45de-aea6-48f8a7730726"]?["direction"] as? String == "cp->cs")
        #expect(byId["7166d649-4640-4807-8cdc-6b0eaf9b571a"]?["direction"] as? String == "cs->cp")
    }
}
