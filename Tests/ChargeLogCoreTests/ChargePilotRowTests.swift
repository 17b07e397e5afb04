import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// ChargePilot OCPP-log download rows (seed 003's columns and examples) read back as OCPP messages.
@Suite("ChargePilot CSV rows as OCPP messages")
struct ChargePilotRowTests {
    static let header = ChargePilotCSV.headers.joined(separator: ",")
    static let rows = [
        "2024-11-26T09:58:52Z,Authorize,Charger 5,,,,,,,,43434,,,,Accepted,,,,,,,,,,,,",
        "2024-11-26T09:58:55Z,StartTransaction,Charger 5,1,,2024-11-26T09:58:54Z,,,,,43434,,4356987,,Accepted,,,,,,,,,,,,",
        "2024-11-26T10:00:49Z,MeterValues,Charger 5,1,,,,,,,,,4356987,,,231.2,230.4,229.9,,15.9,16.0,15.8,47.7,3676,3686,3632,10994",
        "2024-11-26T10:27:13Z,StopTransaction,Charger 5,1,,2024-11-26T10:27:12Z,,,,,43434,1387299,4356987,Local,Accepted,,,,,,,,,,,,",
        "2024-11-26T11:14:02Z,StatusNotification,Charger 5,2,CHARGER_DOOR_OPEN,2024-11-26T11:14:01Z,Faulted,OtherError,\"Door sensor \"\"S2\"\" open,\nservice door left ajar\",HLX,,,,,,,,,,,,,,,,,",
    ]

    static func frames(_ row: String, columns: ChargePilotColumns = .standard) -> [OCPPFrame] {
        FrameExtractor.frames(in: Array(row.utf8), stream: .csv, csvColumns: columns)
    }

    @Test("a StatusNotification row: one CALL with the request columns, quotes and line breaks kept")
    func statusRow() throws {
        let f = Self.frames(Self.rows[4])
        #expect(f.count == 1)
        let call = try #require(f.first)
        #expect(call.channel == .export && call.type == .call && call.action == "StatusNotification")
        #expect(call.uniqueId?.hasPrefix("csv-") == true && call.uniqueId?.count == 12)
        let p = try #require(call.payload)
        #expect(p["connectorId"] == .number("2") && p["status"]?.stringValue == "Faulted")
        #expect(p["errorCode"]?.stringValue == "OtherError" && p["vendorErrorCode"]?.stringValue == "CHARGER_DOOR_OPEN")
        #expect(p["info"]?.stringValue == "Door sensor \"S2\" open,\nservice door left ajar")
        #expect(p["vendorId"]?.stringValue == "HLX" && p["timestamp"]?.stringValue == "2024-11-26T11:14:01Z")
        // Empty columns and fields the action does not have stay out.
        #expect(p["idTag"] == nil && p["meterStop"] == nil && p["meterValue"] == nil)
    }

    @Test("a row's raw text is its bytes without the line end, an invalid byte shown as \\xNN, both messages alike")
    func rawText() throws {
        let row = Self.rows[1]
        let at = row.utf8.distance(from: row.utf8.startIndex, to: try #require(row.range(of: "Charger 5")).upperBound.samePosition(in: row.utf8)!) - 1
        var bytes = Array(row.utf8)
        bytes.insert(0xFF, at: at)
        let f = FrameExtractor.frames(in: bytes + [0x0A], stream: .csv)
        #expect(f.count == 2)
        #expect(f.allSatisfy { $0.rawBytes == bytes })
        #expect(f.first?.raw == Self.rows[1].replacingOccurrences(of: "Charger 5", with: "Charger \\xFF5"))
    }

    @Test("a StartTransaction row: the request, and an answer with the transaction id and the idTag status")
    func startRow() throws {
        let f = Self.frames(Self.rows[1])
        #expect(f.map(\.type) == [.call, .callResult] && f[0].uniqueId == f[1].uniqueId)
        #expect(f[0].payload?["transactionId"] == nil && f[0].payload?["idTag"]?.stringValue == "43434")
        #expect(f[1].payload?["transactionId"] == .number("4356987"))
        #expect(f[1].payload?["idTagInfo"]?["status"]?.stringValue == "Accepted")
        // No answer columns, no answer.
        #expect(Self.frames(Self.rows[4]).count == 1)
    }

    @Test("a MeterValues row: phase, measurand and unit per sampled column; Power keeps no unit")
    func meterRow() throws {
        let p = try #require(Self.frames(Self.rows[2]).first?.payload)
        let samples = try #require(p["meterValue"]?[0]?["sampledValue"]?.arrayValue)
        #expect(samples.count == 11)
        #expect(samples[0] == .object([("value", .string("231.2")), ("measurand", .string("Voltage")), ("phase", .string("L1")), ("unit", .string("V"))]))
        let total = try #require(samples.last)
        #expect(total["measurand"]?.stringValue == "Power.Active.Import" && total["phase"] == nil && total["unit"] == nil)
        #expect(p["meterValue"]?[0]?["timestamp"]?.stringValue == "2024-11-26T10:00:49Z")
    }

    @Test("a narrowed download with ; separators is read by its own header; the header row is no message")
    func narrowedHeader() throws {
        let columns = try #require(ChargePilotColumns(header: "\u{FEFF}Datetime;Action;Request Status;Connector ID"))
        let f = try #require(Self.frames("2024-11-26T09:59:02Z;StatusNotification;Charging;1", columns: columns).first)
        #expect(f.payload?["status"]?.stringValue == "Charging" && f.payload?["connectorId"] == .number("1"))
        #expect(Self.frames(Self.header).isEmpty)
        #expect(Self.frames("not a time,StatusNotification,Charger 5,1").isEmpty)
        #expect(ChargePilotColumns(header: "Time,Message") == nil)
    }

    @Test("a download as a bundle: transactions, stops and the CPO's verdicts; no unanswered-call noise")
    func downloadAnalysed() throws {
        let b = try TempBundle(["ocpp-log.csv": ([Self.header] + Self.rows).joined(separator: "\n") + "\n"])
        defer { b.remove() }
        let a = try b.analysis()
        let t = try #require(a.transaction(id: "4356987"))
        #expect(t.connector == 1 && t.idTag == "43434" && t.auth == "RFID")
        #expect(t.meterStop == 1_387_299 && t.meterStart == nil && t.reason == "Local" && t.stopStatus == "Accepted")
        #expect(t.meterValues == 1 && t.samples.count == 11)
        let findings = FindingRules.findings(a)
        #expect(!findings.contains { $0.kind == .unansweredCall })
        #expect(findings.contains { $0.kind == .fault && $0.connector == 2 })
        // Request and answer share the row's one time: no latency is claimed.
        let start = try #require(a.exchanges.first { $0.action == "StartTransaction" })
        #expect(start.result == .callResult && start.latencyMs == nil)
    }
}
