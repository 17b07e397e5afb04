import Testing
@testable import ChargeLogCore
import TestSupport

/// The ChargePilot OCPP-log CSV: seed 003's columns, one row per message, readable by a spreadsheet.
@Suite struct ExportCSVTests {
    /// Seed 003's table of download headers, in its order (the `**` footnote marks removed).
    static let seedHeaders = "Datetime,Action,Charger ID,Connector ID,Request Vendor Error Code,Request Timestamp,Request Status,Request Error Code,Request Info,Request Vendor ID,Request ID Tag,Request Meter Stop,Request Transaction ID,Request Reason,Response ID Tag Info Status,L1 Voltage,L2 Voltage,L3 Voltage,Voltage,L1 Current.Import,L2 Current.Import,L3 Current.Import,Current.Import,L1 Power,L2 Power,L3 Power,Power"

    static func csv(_ b: DiagnosedBundle, filter: RecordFilter = RecordFilter(), mask: Bool = true) -> String {
        var out: [String] = []
        ChargePilotCSV.write(b.analysis, filter: filter, mask: mask) { out.append($0) }
        return out.joined(separator: "\n") + "\n"
    }

    static func sungrow() throws -> DiagnosedBundle {
        try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.scientificStopOCPP + SeedExcerpts.qrOCPP + SeedExcerpts.rfidOCPP
            + SeedExcerpts.stopRemoteOCPP, DiagnosedBundle.mainProcess: SeedExcerpts.rfidMain])
    }

    /// The row of `action` whose column `column` is `value`.
    static func row(_ rows: [[String]], _ column: String, _ value: String) -> [String: String]? {
        let header = rows[0]
        guard let k = header.firstIndex(of: column) else { return nil }
        return rows.dropFirst().first { $0[k] == value }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func headersAreSeed003sAndEveryRowHasThemAll() throws {
        let b = try Self.sungrow()
        defer { b.remove() }
        let text = Self.csv(b)
        #expect(text.hasPrefix(Self.seedHeaders + "\n"))
        let rows = CSVReader.rows(text)
        #expect(rows[0] == Self.seedHeaders.split(separator: ",").map(String.init))
        #expect(rows.count > 1)
        for r in rows { #expect(r.count == 27, "\(r)") }
    }

    @Test func oneRowPerMessageWithItsAnswer() throws {
        let b = try Self.sungrow()
        defer { b.remove() }
        let rows = CSVReader.rows(Self.csv(b))
        // StopTransaction 544, RemoteStartTransaction, StatusNotification, StartTransaction 667, StopTransaction 670:
        // pipe and websocket copies are one row each, answers go into their call's row.
        #expect(rows.dropFirst().map { $0[1] } == ["StopTransaction", "RemoteStartTransaction", "StatusNotification",
                                                    "StartTransaction", "StopTransaction"])
        let stop = try #require(Self.row(rows, "Request Transaction ID", "670"))
        #expect(stop["Datetime"] == "2024-05-01T16:30:13Z")
        #expect(stop["Charger ID"] == "A23C2706768")
        #expect(stop["Connector ID"] == "2")
        #expect(stop["Request ID Tag"] == "AT-EST-CDPATEVN1-X")
        #expect(stop["Request Meter Stop"] == "11730144")
        #expect(stop["Request Reason"] == "Remote")
        #expect(stop["Request Timestamp"] == "2024-05-01T16:30:11Z")
        #expect(stop["Response ID Tag Info Status"] == "Accepted")
        #expect(stop["Voltage"] == "106.6")
        #expect(stop["Current.Import"] == "0")
        #expect(stop["Power"] == "0.00107")
        let start = try #require(Self.row(rows, "Action", "StartTransaction"))
        #expect(start["Request Transaction ID"] == "667", "the id from the answer")
        #expect(start["Connector ID"] == "1")
        #expect(start["Response ID Tag Info Status"] == "Accepted")
        let rejected = try #require(Self.row(rows, "Request Transaction ID", "544"))
        #expect(rejected["Request Info"]?.hasPrefix("CALLERROR InternalError: An internal error occured") == true)
        #expect(rejected["Power"] == "3.48e-05")
        let status = try #require(Self.row(rows, "Action", "StatusNotification"))
        #expect(status["Request Status"] == "Charging")
        #expect(status["Request Error Code"] == "NoError")
        #expect(status["Request Vendor ID"] == "Sungrow")
    }

    @Test func filtersSelectTheMessages() throws {
        let b = try Self.sungrow()
        defer { b.remove() }
        let grep = CSVReader.rows(Self.csv(b, filter: RecordFilter(pattern: try TextPattern("StopTransaction"))))
        #expect(grep.dropFirst().map { $0[1] } == ["StopTransaction", "StopTransaction"])
        let since = CSVReader.rows(Self.csv(b, filter: RecordFilter(since: ms("2024-05-01"))))
        #expect(since.dropFirst().map { $0[1] } == ["StartTransaction", "StopTransaction"])
        let main = CSVReader.rows(Self.csv(b, filter: RecordFilter(streams: [.mainprocess])))
        #expect(main.count == 1, "MainProcess lines carry no OCPP messages")
    }

    @Test func phaseValuesGoToTheirColumns() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.frames: [SeedExcerpts.tonly]], year: nil)
        defer { b.remove() }
        let rows = CSVReader.rows(Self.csv(b))
        for r in rows { #expect(r.count == 27) }
        let mv = try #require(Self.row(rows, "Action", "MeterValues"))
        #expect(mv["L1 Voltage"] == "230.8")
        #expect(mv["L2 Voltage"] == "230.1")
        #expect(mv["L3 Voltage"] == "230.6")
        #expect(mv["Voltage"] == "")
        #expect(mv["Charger ID"] == "2103252121090001")
        #expect(mv["Request Transaction ID"] == "701")
    }

    /// A folder of several chargers: each log keeps its own BootNotification serial, and a log
    /// without one is named by its file, not given another charger's serial (which one used to
    /// depend on the dictionary order of the run).
    @Test func aLogWithoutSerialInAFolderOfSeveralChargersIsNamedByItsFile() throws {
        func boot(_ t: String, _ serial: String) -> String {
            "2024-05-01 \(t) INFO sent [2,\"b-\(serial)\",\"BootNotification\",{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\",\"chargePointSerialNumber\":\"\(serial)\"}]"
        }
        let status = "2024-05-01 10:00:05.000 INFO sent [2,\"s-1\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}]"
        let b = try DiagnosedBundle(["east/charger.log": [boot("10:00:00.000", "SER-EAST")],
                                     "west/charger.log": [boot("10:00:01.000", "SER-WEST")],
                                     "spare/station7.log": [status]])
        defer { b.remove() }
        let rows = CSVReader.rows(Self.csv(b))
        let ids = Dictionary(rows.dropFirst().map { ($0[1], $0[2]) }, uniquingKeysWith: { a, b in a + "|" + b })
        #expect(ids["StatusNotification"] == "station7")
        #expect(ids["BootNotification"].map { Set($0.split(separator: "|")) } == ["SER-EAST", "SER-WEST"])

        // One charger: its serial names the log that has no BootNotification too.
        let one = try DiagnosedBundle(["east/charger.log": [boot("10:00:00.000", "SER-EAST")], "spare/station7.log": [status]])
        defer { one.remove() }
        let single = CSVReader.rows(Self.csv(one))
        #expect(Self.row(single, "Action", "StatusNotification")?["Charger ID"] == "SER-EAST")
    }
}
