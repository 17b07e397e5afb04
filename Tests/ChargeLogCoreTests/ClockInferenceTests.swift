import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// Each file's clock inferred from the UTC payload times of its frames: local-time logs moved onto UTC,
/// stamp-less logs timed from their payloads, a daylight-saving change, a charger whose clock is off,
/// and the near misses that must leave a log as written. Excerpts are copied byte for byte from
/// `../shared/real-logs/` (file and line numbers named); expected times are read off the lines by hand.
@Suite struct ClockInferenceTests {
    /// client_ocpp_sim_201.log lines 1–7: Python `logging`, written at UTC+2 (13:09 local against the
    /// back end's `currentTime` 11:09Z).
    let simulator = #"""
    2025-10-03 13:09:13,380 - ocpp - INFO - 1: send [2,"fc773d18-74b7-49c8-ae40-acf9686f2d8a","BootNotification",{"chargingStation":{"model":"ModelX","vendorName":"AcmeCorp","serialNumber":"afef3d68-1"},"reason":"PowerUp"}]
    2025-10-03 13:09:13,631 - ocpp - INFO - 1: receive message [3,"fc773d18-74b7-49c8-ae40-acf9686f2d8a",{"currentTime":"2025-10-03T11:09:13.630Z","interval":10,"status":"Accepted"}]
    2025-10-03 13:09:13,637 - ocpp - INFO - 1: send [2,"e7242d9a-239e-4dd7-8b26-a41075d57afc","Heartbeat",{}]
    2025-10-03 13:09:13,639 - ocpp - INFO - 1: receive message [3,"e7242d9a-239e-4dd7-8b26-a41075d57afc",{"currentTime":"2025-10-03T11:09:13.638Z"}]
    2025-10-03 13:09:13,640 - ocpp - INFO - 1: send [2,"c2a0c661-3ffc-41d8-90a9-a966eac5bb87","StatusNotification",{"timestamp":"2025-10-03T11:09:13.634133+00:00","connectorStatus":"Available","evseId":1,"connectorId":1}]
    2025-10-03 13:09:13,739 - ocpp - INFO - 1: receive message [3,"c2a0c661-3ffc-41d8-90a9-a966eac5bb87",{}]
    2025-10-03 13:09:13,742 - ocpp - INFO - 1: send [2,"4fe9f07c-31e2-4a89-be3d-21ff1f699ab8","StatusNotification",{"timestamp":"2025-10-03T11:09:13.740991+00:00","connectorStatus":"Available","evseId":2,"connectorId":1}]

    """#

    /// ha_ocpp_carfeeder.log lines 409, 411, 412, 416, 875, 879, 881: Home Assistant at UTC+1 (18:06 local
    /// against the charger's 17:06Z and Home Assistant's own `currentTime` 17:06:56Z).
    let homeAssistant = #"""
    2026-02-16 18:06:46.507 INFO (MainThread) [ocpp] 129.168.1.4:9000: receive message [2,"69934ea5000000340039","StatusNotification",{"connectorId":1,"errorCode":"NoError","info":"","status":"Preparing","vendorId":"","vendorErrorCode":"","timestamp":"2026-02-16T17:06:45.000Z"}]
    2026-02-16 18:06:47.619 INFO (MainThread) [ocpp] 129.168.1.4:9000: send [3,"69934ea5000000340039",{}]
    2026-02-16 18:06:47.619 INFO (MainThread) [ocpp] 129.168.1.4:9000: receive message [2,"69934ea500000035003a","StatusNotification",{"connectorId":0,"errorCode":"NoError","info":"","status":"Available","vendorId":"","vendorErrorCode":"","timestamp":"2026-02-16T17:06:45.000Z"}]
    2026-02-16 18:06:47.624 INFO (MainThread) [ocpp] 129.168.1.4:9000: send [3,"69934ea500000035003a",{}]
    2026-02-16 18:06:56.447 INFO (MainThread) [ocpp] 129.168.1.4:9000: send [3,"69934eaf00000036003e",{"currentTime":"2026-02-16T17:06:56Z","interval":3600,"status":"Accepted"}]
    2026-02-16 18:06:57.459 INFO (MainThread) [ocpp] 129.168.1.4:9000: receive message [2,"69934eb000000038003f","StatusNotification",{"connectorId":1,"errorCode":"NoError","info":"","status":"Preparing","vendorId":"","vendorErrorCode":"","timestamp":"2026-02-16T17:06:56.000Z"}]
    2026-02-16 18:06:57.471 INFO (MainThread) [ocpp] 129.168.1.4:9000: receive message [2,"69934eb0000000390040","StatusNotification",{"connectorId":0,"errorCode":"NoError","info":"","status":"Available","vendorId":"","vendorErrorCode":"","timestamp":"2026-02-16T17:06:56.000Z"}]

    """#

    /// gresgying_central.txt lines 14, 29, 30, 52 (CRLF removed): no stamp on any line.
    let stampless = #"""
    INFO:ocpp:Gresgying01: send [3,"d9cb13a5-17e5-4fb2-b8c2-5e8758c42dcd",{"currentTime":"2025-08-11T08:32:27.262131Z","interval":300,"status":"Accepted"}]
    INFO:ocpp:Gresgying01: receive message [2,"68ed9119-a9f6-4c61-bd4a-c506362038a7","StatusNotification",{"errorCode":"NoError","connectorId":2,"status":"Preparing","timestamp":"2025-08-11T08:32:39.490Z","vendorErrorCode":"NoError","info":"","vendorId":"Gresgying"}]
    INFO:root:← StatusNotification: connector 2 → status=Preparing, errorCode=NoError
    INFO:ocpp:Gresgying01: receive message [2,"8b100580-5879-4985-b35f-567bda1a9127","StartTransaction",{"idTag":"VID:FCA47A147858","connectorId":2,"meterStart":140703,"timestamp":"2025-08-11T08:33:07.131Z"}]

    """#

    func indexed(_ name: String, _ text: String, clock: ClockOptions = ClockOptions(),
                 mtime: Date? = nil) throws -> (LogIndex, IndexedFile, TempBundle) {
        let b = try TempBundle([name: text], mtimes: mtime.map { [name: $0] } ?? [:])
        let loaded = try BundleLoader.load(paths: [b.dir.path])
        let ix = Indexer.build(loaded, options: IndexOptions(clock: clock))
        return (ix, try #require(ix.file(named: name)), b)
    }

    @Test func pythonSimulatorLogIsLocalTimeTwoHoursAhead() throws {
        let (ix, f, b) = try indexed("ocpp.log", simulator)
        defer { b.remove() }
        #expect(f.clock.basis == .inferredLocal)
        #expect(f.clock.shifts == [ClockDecision.Shift(fromRecord: 0, offset: 2 * 3_600_000)])
        #expect(f.clock.summary.hasPrefix("local time, UTC+02:00, inferred from"))
        #expect(ix.rows.first?.time == "2025-10-03T11:09:13.380Z")
        #expect(ix.rows.last?.time == "2025-10-03T11:09:13.742Z")
        #expect(ix.diagnostics.contains { $0.file == "ocpp.log" && $0.message.contains("local time, UTC+02:00") })
        #expect(f.role == .charger)
    }

    @Test func homeAssistantLogIsLocalTimeOneHourAheadAndWrittenByTheCentralSystem() throws {
        let (ix, f, b) = try indexed("home-assistant.log", homeAssistant)
        defer { b.remove() }
        #expect(f.clock.shifts == [ClockDecision.Shift(fromRecord: 0, offset: 3_600_000)])
        #expect(f.clock.chargerSkew == nil)
        #expect(ix.rows.map(\.time).first == "2026-02-16T17:06:46.507Z")
        #expect(f.role == .central)
        // A received StatusNotification is the charger's, whatever the label says from the writer's side.
        let frames = FrameExtractor.frames(of: f, record: 0)
        #expect(frames.first?.hint.direction == .chargerToCentral)
        let answer = FrameExtractor.frames(of: f, record: 1)
        #expect(answer.first?.hint.direction == .centralToCharger)
    }

    @Test func stamplessLinesTakeTheirPayloadTimesNotTheFileDate() throws {
        let (ix, f, b) = try indexed("central.txt", stampless, mtime: Date(timeIntervalSince1970: 1_780_000_000))
        defer { b.remove() }
        #expect(f.clock.basis == .fromPayloads)
        #expect(f.role == .central)
        // Lines 14, 29 and 52 at their payload times; line 30 halfway between 08:32:39.490 and 08:33:07.131.
        #expect(f.index.times.array == [ms("2025-08-11T08:32:27.262Z"), ms("2025-08-11T08:32:39.490Z"),
                                        ms("2025-08-11T08:32:53.310Z"), ms("2025-08-11T08:33:07.131Z")])
        #expect(!ix.diagnostics.contains { $0.message.contains("modification time") })
        #expect(ix.diagnostics.contains { $0.message.contains("times taken from 3 payload time(s)") })
    }

    @Test func stamplessWithoutFramesStillGoesToTheModificationTimeWithAWarning() throws {
        let when = Date(timeIntervalSince1970: 1_780_000_000)
        let (ix, f, b) = try indexed("notes.txt", "INFO:root:starting\nINFO:root:done\n", mtime: when)
        defer { b.remove() }
        #expect(f.clock.basis == .asWritten)
        #expect(f.index.times.array == [1_780_000_000_000, 1_780_000_000_000])
        #expect(ix.diagnostics.contains { $0.severity == .warning && $0.message.contains("modification time") })
    }

    /// Lines in local time across the end of summer time (UTC+2 until 03:00 local, UTC+1 after), each with a
    /// StatusNotification whose UTC timestamp is 1 s before its line.
    func dstLog() -> String {
        var lines: [String] = []
        let before = ["2024-10-27 01:00:01", "2024-10-27 01:30:01", "2024-10-27 02:00:01", "2024-10-27 02:30:01"]
        let beforeUTC = ["2024-10-26T23:00:00Z", "2024-10-26T23:30:00Z", "2024-10-27T00:00:00Z", "2024-10-27T00:30:00Z"]
        let after = ["2024-10-27 02:10:01", "2024-10-27 02:40:01", "2024-10-27 03:10:01", "2024-10-27 03:40:01"]
        let afterUTC = ["2024-10-27T01:10:00Z", "2024-10-27T01:40:00Z", "2024-10-27T02:10:00Z", "2024-10-27T02:40:00Z"]
        for (l, u) in zip(before + after, beforeUTC + afterUTC) {
            lines.append(#"\#(l),000 - ocpp - INFO - 1: send [2,"\#(u)","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"\#(u)"}]"#)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aDaylightSavingChangeInsideAFileGivesTwoOffsets() throws {
        let (ix, f, b) = try indexed("dst.log", dstLog())
        defer { b.remove() }
        #expect(f.clock.shifts == [ClockDecision.Shift(fromRecord: 0, offset: 7_200_000),
                                   ClockDecision.Shift(fromRecord: 4, offset: 3_600_000)])
        #expect(f.clock.summary.contains("UTC+02:00, then UTC+01:00"))
        // Every line 1 s after its own payload time, so in order on the UTC clock.
        #expect(ix.rows.map(\.time) == ["2024-10-26T23:00:01.000Z", "2024-10-26T23:30:01.000Z", "2024-10-27T00:00:01.000Z",
                                        "2024-10-27T00:30:01.000Z", "2024-10-27T01:10:01.000Z", "2024-10-27T01:40:01.000Z",
                                        "2024-10-27T02:10:01.000Z", "2024-10-27T02:40:01.000Z"])
    }

    /// A charger log at UTC+1 by the back end's `currentTime`, while the charger's own timestamps run 7 min
    /// ahead: the log is shifted by the hour, the charger's clock is reported, not hidden.
    @Test func aChargerClockThatIsOffIsReportedNotTakenForTheZone() throws {
        var lines: [String] = []
        for k in 0..<4 {
            let m = 10 + k * 5
            lines.append(#"2024-03-01 11:\#(m):00,000 - ocpp - INFO - 1: send [2,"s\#(k)","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"2024-03-01T10:\#(m + 7):00Z"}]"#)
            lines.append(#"2024-03-01 11:\#(m):01,000 - ocpp - INFO - 1: send [2,"h\#(k)","Heartbeat",{}]"#)
            lines.append(#"2024-03-01 11:\#(m):01,200 - ocpp - INFO - 1: receive message [3,"h\#(k)",{"currentTime":"2024-03-01T10:\#(m):01.100Z"}]"#)
        }
        let (ix, f, b) = try indexed("charger.log", lines.joined(separator: "\n") + "\n")
        defer { b.remove() }
        #expect(f.clock.shifts == [ClockDecision.Shift(fromRecord: 0, offset: 3_600_000)])
        #expect(f.clock.chargerSkew == Int64(7 * 60_000), "\(String(describing: f.clock.chargerSkew))")
        #expect(ix.diagnostics.contains { $0.severity == .warning && $0.message.contains("the charger's clock is 7 min 0 s ahead") })
    }

    @Test func stampsThatAgreeWithThePayloadsAreConfirmedUTC() throws {
        let text = simulator.replacingOccurrences(of: "2025-10-03 13:", with: "2025-10-03 11:")
        let (ix, f, b) = try indexed("utc.log", text)
        defer { b.remove() }
        #expect(f.clock.basis == .confirmedUTC)
        #expect(f.clock.shifts.isEmpty)
        #expect(ix.rows.first?.time == "2025-10-03T11:09:13.380Z")
    }

    /// Near miss: differences that are no whole quarter hour, or disagree, move nothing (and say so).
    @Test func payloadTimesThatDisagreeLeaveTheStampsAsWritten() throws {
        var lines: [String] = []
        for (k, late) in [7, 42, 131, 3, 58].enumerated() {
            lines.append(#"2024-03-01 11:00:0\#(k),000 - ocpp - INFO - 1: send [2,"q\#(k)","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"2024-03-01T10:\#(String(format: "%02d", 60 - late % 60 - 1)):00Z"}]"#)
        }
        let (_, f, b) = try indexed("queued.log", lines.joined(separator: "\n") + "\n")
        defer { b.remove() }
        #expect(f.clock.basis == .asWritten)
        #expect(f.clock.shifts.isEmpty)
        #expect(f.clock.note?.contains("not shifted") == true)
        #expect(f.index.time(0) == ms("2024-03-01T11:00:00Z"))
    }

    /// Near miss: two frame times are not enough evidence to move a log.
    @Test func tooFewPayloadTimesLeaveTheStampsAsWritten() throws {
        let two = simulator.split(separator: "\n").prefix(2).joined(separator: "\n") + "\n"
        let (_, f, b) = try indexed("short.log", two)
        defer { b.remove() }
        #expect(f.clock.basis == .asWritten)
        #expect(f.index.time(0) == ms("2025-10-03T13:09:13.380Z"))
    }

    /// Near miss: the Sungrow proxy writes `+0000`: its stamps are taken as written even where a payload
    /// time disagrees.
    @Test func aFormatThatStatesItsZoneIsNotInferred() throws {
        let proxy = (0..<4).map { k in
            #"2024-05-01 14:4\#(k):14.595 +0000 INFO WebSocketTransmitter - Sending: [2,"w\#(k)","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"2024-05-01T12:4\#(k):14Z"}]"#
        }.joined(separator: "\n") + "\n"
        let (_, f, b) = try indexed("2168Vocpp/A23C2706768Vocpp.log", proxy)
        defer { b.remove() }
        #expect(f.stream == .ocpp)
        #expect(f.clock == .asWritten)
        #expect(f.index.time(0) == ms("2024-05-01T14:40:14.595Z"))
    }

    @Test func tzOverridesInferenceForAllFilesOrOne() throws {
        let all = try indexed("ocpp.log", simulator, clock: ClockOptions(zones: [try ZoneOverride(parsing: "+03:00")]))
        defer { all.2.remove() }
        #expect(all.1.clock.basis == .userZone("+03:00"))
        #expect(all.1.index.time(0) == ms("2025-10-03T10:09:13.380Z"))

        let other = try indexed("ocpp.log", simulator, clock: ClockOptions(zones: [try ZoneOverride(parsing: "other.log=+05:00")]))
        defer { other.2.remove() }
        #expect(other.1.clock.basis == .inferredLocal)
        #expect(other.1.index.time(0) == ms("2025-10-03T11:09:13.380Z"))

        // A zone name follows its daylight-saving rules: Berlin is UTC+2 on 3 October 2025.
        let named = try indexed("ocpp.log", simulator, clock: ClockOptions(zones: [try ZoneOverride(parsing: "ocpp.log=Europe/Berlin")]))
        defer { named.2.remove() }
        #expect(named.1.index.time(0) == ms("2025-10-03T11:09:13.380Z"))
    }

    @Test func noClockInferenceTakesStampsAsWritten() throws {
        let (_, f, b) = try indexed("ocpp.log", simulator, clock: ClockOptions(inference: false))
        defer { b.remove() }
        #expect(f.clock == .asWritten)
        #expect(f.index.time(0) == ms("2025-10-03T13:09:13.380Z"))
    }

    @Test func zoneAndRoleArgumentsParseOrSayWhatIsWrong() throws {
        #expect(try ZoneOverride(parsing: "-05:30").zone == .fixed(-(5 * 3_600_000 + 30 * 60_000)))
        #expect(try ZoneOverride(parsing: "+0100").zone == .fixed(3_600_000))
        #expect(try ZoneOverride(parsing: "a.log=UTC").file == "a.log")
        #expect(throws: ChargeLogError.self) { try ZoneOverride(parsing: "+25:00") }
        #expect(throws: ChargeLogError.self) { try ZoneOverride(parsing: "Mars/Olympus") }
        #expect(throws: ChargeLogError.self) { try ZoneOverride(parsing: "=+01:00") }
        #expect(try RoleOverride(parsing: "central").role == .central)
        #expect(try RoleOverride(parsing: "x.log=charger").file == "x.log")
        #expect(throws: ChargeLogError.self) { try RoleOverride(parsing: "backend") }
    }

    @Test func roleOverrideTurnsTheDirection() throws {
        let (_, f, b) = try indexed("ocpp.log", simulator, clock: ClockOptions(roles: [try RoleOverride(parsing: "central")]))
        defer { b.remove() }
        #expect(f.role == .central)
        #expect(FrameExtractor.frames(of: f, record: 2).first?.hint.direction == .centralToCharger)
    }

    /// The offsets vote: rounded to quarter hours, within 2 min, the most agreed one wins.
    @Test func offsetVotesRoundToQuarterHours() {
        func sample(_ r: Int, _ diff: Int64) -> ClockSample {
            ClockSample(record: r, lineTime: 1_000_000_000_000 + diff, payload: PayloadTime(time: 1_000_000_000_000, clock: .central))
        }
        // India: UTC+05:30, with latencies of a few seconds.
        let india = (0..<5).map { sample($0, 19_800_000 + Int64($0) * 1500) }
        #expect(ClockInference.offsets(india) == [ClockDecision.Shift(fromRecord: 0, offset: 19_800_000)])
        // 2 min 30 s off a quarter hour is no vote.
        let off = (0..<5).map { sample($0, 3_600_000 + 150_000) }
        #expect(ClockInference.offsets(off) == nil)
    }

    /// A time-of-day log (`[12:24:30:733] Send: …`, no date anywhere) at UTC+2: the payload times give the
    /// date and the zone.
    @Test func aTimeOfDayLogTakesItsDateFromThePayloads() throws {
        let text = (0..<4).map { k in
            #"[12:2\#(k):30:733] Send: [2,"t\#(k)","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"2024-08-21T10:2\#(k):30Z"}]"#
        }.joined(separator: "\n") + "\n"
        let (ix, f, b) = try indexed("tod.log", text)
        defer { b.remove() }
        #expect(f.stream == .timeofday)
        #expect(f.clock.datedFromPayloads != nil)
        #expect(f.clock.summary.hasPrefix("time of day only, the date from the payload times; local time, UTC+02:00"))
        #expect(ix.rows.first?.time == "2024-08-21T10:20:30.733Z")
        #expect(!ix.diagnostics.contains { $0.message.contains("placed on 1970-01-01") })
    }
}
