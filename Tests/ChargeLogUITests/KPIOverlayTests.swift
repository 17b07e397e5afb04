import ChargeLogCore
@testable import ChargeLogUI
import Testing

/// `K` (and `:kpis`) shows the charger KPIs `summary` gives. The log is one connector's morning in the
/// TONLY carrier (seed 004's shape); every figure expected below is counted from these lines by hand.
@Suite struct KPIOverlayTests {
    static func status(_ s: String, error: String = "NoError") -> String { #"{"connectorId":1,"status":"\#(s)","errorCode":"\#(error)"}"# }

    static let lines: [String] = [
        #"[2024-01-15 08:00:00:000] [2,"1","BootNotification",{"chargePointVendor":"SyntheticVendor","chargePointModel":"SM-100"}]"#,
        #"[2024-01-15 08:00:00:500] receive data: [3,"1",{"currentTime":"2024-01-15T08:00:00.500Z","interval":300,"status":"Accepted"}]"#,
        #"[2024-01-15 08:00:10:000] [2,"2","StatusNotification",\#(status("Available"))]"#,
        #"[2024-01-15 08:00:10:500] receive data: [3,"2",{}]"#,
        #"[2024-01-15 08:10:00:000] [2,"3","StatusNotification",\#(status("Preparing"))]"#,
        #"[2024-01-15 08:10:00:500] receive data: [3,"3",{}]"#,
        #"[2024-01-15 08:10:20:000] [2,"4","Authorize",{"idTag":"TAG-1"}]"#,
        #"[2024-01-15 08:10:20:500] receive data: [3,"4",{"idTagInfo":{"status":"Accepted"}}]"#,
        #"[2024-01-15 08:10:30:000] [2,"5","StartTransaction",{"connectorId":1,"idTag":"TAG-1","meterStart":1000,"timestamp":"2024-01-15T08:10:30Z"}]"#,
        #"[2024-01-15 08:10:30:500] receive data: [3,"5",{"transactionId":42,"idTagInfo":{"status":"Accepted"}}]"#,
        #"[2024-01-15 08:11:00:000] [2,"6","StatusNotification",\#(status("Charging"))]"#,
        #"[2024-01-15 08:11:00:500] receive data: [3,"6",{}]"#,
        #"[2024-01-15 08:40:00:000] [2,"7","StopTransaction",{"transactionId":42,"meterStop":13000,"timestamp":"2024-01-15T08:40:00Z","reason":"EVDisconnected"}]"#,
        #"[2024-01-15 08:40:00:100] [2,"8","StatusNotification",\#(status("Finishing"))]"#,
        #"[2024-01-15 08:40:00:500] receive data: [3,"7",{"idTagInfo":{"status":"Accepted"}}]"#,
        #"[2024-01-15 08:40:00:600] receive data: [3,"8",{}]"#,
        #"[2024-01-15 08:41:00:000] [2,"9","StatusNotification",\#(status("Available"))]"#,
        #"[2024-01-15 08:41:00:500] receive data: [3,"9",{}]"#,
        #"[2024-01-15 09:00:00:000] [2,"10","StatusNotification",\#(status("Faulted", error: "GroundFailure"))]"#,
        #"[2024-01-15 09:00:00:500] receive data: [3,"10",{}]"#,
        #"[2024-01-15 09:10:00:000] [2,"11","StatusNotification",\#(status("Available"))]"#,
        #"[2024-01-15 09:10:00:500] receive data: [3,"11",{}]"#,
        #"[2024-01-15 09:12:00:000] [2,"12","StartTransaction",{"connectorId":1,"idTag":"TAG-1","meterStart":13000,"timestamp":"2024-01-15T09:12:00Z"}]"#,
        #"[2024-01-15 09:12:00:500] receive data: [3,"12",{"transactionId":43,"idTagInfo":{"status":"Accepted"}}]"#,
        #"[2024-01-15 09:12:20:000] [2,"13","StopTransaction",{"transactionId":43,"meterStop":13050,"timestamp":"2024-01-15T09:12:20Z","reason":"Local"}]"#,
        #"[2024-01-15 09:12:20:500] receive data: [3,"13",{}]"#,
        #"[2024-01-15 09:14:00:000] [2,"14","StartTransaction",{"connectorId":1,"idTag":"TAG-1","meterStart":13050,"timestamp":"2024-01-15T09:14:00Z"}]"#,
        #"[2024-01-15 09:14:00:500] receive data: [3,"14",{"transactionId":44,"idTagInfo":{"status":"Accepted"}}]"#,
        #"[2024-01-15 09:18:00:000] [2,"15","StopTransaction",{"transactionId":44,"meterStop":18050,"timestamp":"2024-01-15T09:18:00Z","reason":"Local"}]"#,
        #"[2024-01-15 09:18:00:500] receive data: [3,"15",{}]"#,
        #"[2024-01-15 09:20:00:000] [2,"16","Heartbeat",{}]"#,
        #"[2024-01-15 09:20:00:500] receive data: [3,"16",{"currentTime":"2024-01-15T09:20:00Z"}]"#,
    ]

    static func fixture() throws -> Fixture {
        try Fixture(files: ["tonly/charger.log": lines.joined(separator: "\n") + "\n"], rows: 34, cols: 80,
                    insights: { OCPPInsights(analysis: OCPPAnalysis.build($0, threads: 1)) })
    }

    @Test("K shows availability, session success, first attempts and plug-in to energy counted from the log")
    func dialog() throws {
        let f = try Self.fixture()
        defer { f.remove() }
        f.press(.char("K"))
        let g = f.model.render()
        // Span 08:00:00.000 (first line) → 09:20:00.500 (last line).
        //   unknown   08:00:00 → 08:00:10 (first status)                                = 10 s
        //   available 08:00:10→08:10:00 (590 s) + 08:41→09:00 (1140 s) + 09:10→09:20:00.5 (600.5 s) = 38m50s
        //   in use    Preparing 60 s + Charging 08:11:00→08:40:00.100 (1740.1 s) + Finishing 59.9 s = 31m00s
        //   charging  1740.1 s = 29m00s; faulted 09:00 → 09:10 = 10m00s; no outage: offline 0
        //   availability (2330.5 + 1860) / (2330.5 + 1860 + 600) = 87.5 %
        // Sessions: 42 delivers 12 kWh, stopped EVDisconnected: succeeded; 43 delivers 50 Wh: failed;
        // 44 delivers 5 kWh, Local: succeeded, but 43 (same idTag) ended 1m40s before it: not a first
        // attempt. 2 of 3 successful, first attempts 42 and 43: 1 of 2. Plug-in (Preparing 08:10:00) to
        // energy (Charging 08:11:00) for 42 only: 1m00s; 43 and 44 start with no new Preparing.
        let want = [
            "▸ Charger KPIs",
            " Availability per connector: (available + in use) / time whose state is known",
            "   connector  avail.  available   in use  charging  faulted  offline  unknown",
            "   1          87.5 %     38m50s   31m00s    29m00s   10m00s        0     10 s",
        ]
        #expect((1...4).map(g.rowText) == want)
        let text = (1..<33).map(g.rowText)
        let sessions = try #require(text.firstIndex(of: " Sessions"))
        #expect(Array(text[sessions...].prefix(9)) == [
            " Sessions",
            "   successful     2 of 3 (66.7 %)",
            "   first attempt  1 of 2 (50.0 %)",
            "   plug-in → energy  median 1m00s over 1 session(s)",
            "",
            "   transaction connector first plug-in → energy outcome",
            "   42          1         yes   1m00s            succeeded",
            "   43          1         yes   -                failed: 50 Wh delivered",
            "   44          1         no    -                succeeded",
        ])
        #expect(text.contains(" Definitions: README.md, \"Charger KPIs\" · j/k scroll · q, K or Esc closes"))
        f.press(.char("K"))
        #expect(!f.model.render().text().contains("Charger KPIs"))
        // The command opens it too; Esc closes.
        f.press(.char(":")); f.type("kpis"); f.press(.enter)
        #expect(f.model.render().rowText(1) == "▸ Charger KPIs")
        f.press(.escape)
        #expect(!f.model.render().text().contains("Charger KPIs"))
    }

    @Test("before the analysis (plain insights) K says where the KPIs come from")
    func withoutAnalysis() throws {
        let f = try Fixture(files: ["tonly/charger.log": Self.lines.joined(separator: "\n") + "\n"])
        defer { f.remove() }
        f.press(.char("K"))
        #expect(f.model.statusMessage == "KPIs come from the OCPP analysis, not available yet")
        #expect(!f.model.render().text().contains("Charger KPIs"))
    }
}
