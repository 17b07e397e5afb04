import Foundation
import Testing
@testable import ChargeLogCore
import ChargeLogText
import TestSupport

/// The merged timeline: time order across files, file order for ties, a file's own order kept.
@Suite struct TimelineMergeTests {
    @Test func tiesKeepFileOrderAndBackwardsStampsStayInPlace() throws {
        let a = """
        2024-05-01 10:00:00.000 +0000 INFO A - a1
        2024-05-01 10:00:02.000 +0000 INFO A - a2
        2024-05-01 10:00:01.000 +0000 INFO A - a3 goes backwards
        2024-05-01 10:00:03.000 +0000 INFO A - a4
        """
        let b = """
        2024-05-01 10:00:00.000 +0000 INFO B - b1
        2024-05-01 10:00:02.500 +0000 INFO B - b2
        """
        let bundle = try TempBundle(["a.log": a, "b.log": b])
        defer { bundle.remove() }
        let ix = try bundle.index()
        let names = ix.rows.map { String($0.text.split(separator: " ").last!) }
        #expect(ix.rows.map { $0.text.components(separatedBy: " - ").last! } == ["a1", "b1", "a2", "a3 goes backwards", "b2", "a4"])
        _ = names
        let flagged = (0..<ix.count).filter { ix.info(at: $0).flags.contains(.outOfOrder) }
        #expect(flagged.map { ix.text(at: $0).hasSuffix("backwards") } == [true])
    }

    @Test func unparsedLinesKeepTheirNeighboursTimeAndAMarker() throws {
        let main = """
        Apr/30 20:02:13 UTC --  OCPP_Connection_Restore
        this line lost its stamp
        Apr/30 20:03:18 UTC --  OCPP_Connection_Fail
        """
        let bundle = try TempBundle(["main.log": main])
        defer { bundle.remove() }
        let ix = try bundle.index(year: 2024)
        #expect(ix.count == 3)
        let info = ix.info(at: 1)
        #expect(info.flags.contains(.unparsed) && info.flags.contains(.inferredTime))
        #expect(info.time == ms("2024-04-30T20:02:13Z") && info.line == 2)
        #expect(TimelineLine.marker(info.flags) == "!")
    }

    @Test func multiLineRecordsKeepLineNumbersAndByteRanges() throws {
        let frames = """
        [2021-11-09 16:20:35:000] start
        [2,"2021119162036620","RemoteStartTransaction",{"connectorId":1,
        "transactionId":701}]
        [3,"2021119162036620",{"status":"Accepted"}]
        """
        let bundle = try TempBundle(["tonly.log": frames])
        defer { bundle.remove() }
        let ix = try bundle.index()
        #expect(ix.count == 3)
        #expect(ix.info(at: 1).line == 2 && ix.info(at: 1).lineCount == 2 && ix.info(at: 1).flags.contains(.multiLine))
        #expect(ix.info(at: 2).line == 4)
        #expect(ix.text(at: 1) == "[2,\"2021119162036620\",\"RemoteStartTransaction\",{\"connectorId\":1,\n\"transactionId\":701}]")
        let raw = ix.rawBytes(at: 2)
        #expect(String(decoding: raw, as: UTF8.self) == "[3,\"2021119162036620\",{\"status\":\"Accepted\"}]")
    }

    @Test func timeFilterAndPositionLookup() throws {
        let bundle = try TempBundle(["a.log": """
        2024-05-01 10:00:00.000 +0000 INFO A - one
        2024-05-01 11:00:00.000 +0000 INFO A - two
        2024-05-01 12:00:00.000 +0000 INFO A - three
        """])
        defer { bundle.remove() }
        let ix = try bundle.index()
        #expect(ix.firstPosition(atOrAfter: ms("2024-05-01T10:30:00Z")) == 1)
        #expect(ix.position(of: ix.ref(at: 2)) == 2)
        let f = RecordFilter(since: ms("2024-05-01T11:00:00Z"), until: ms("2024-05-01T12:00:00Z"))
        #expect((0..<ix.count).filter { f.accepts(ix.info(at: $0)) }.map { ix.text(at: $0).hasSuffix("two") } == [true])
    }
}
