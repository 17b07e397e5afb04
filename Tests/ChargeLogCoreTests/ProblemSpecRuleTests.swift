import Testing
@testable import ChargeLogCore

/// The specification's rules on statuses and sessions: transitions the state table forbids, starts
/// without authorisation or boot, sessions without meter values, very short sessions. Each on a log in
/// the TONLY bare-frame carrier (seed 004) or the 2.0.1 simulator carrier, with a near miss.
@Suite struct ProblemSpecRuleTests {
    static func status(_ c: Int, _ s: String) -> String { #"{"connectorId":\#(c),"status":"\#(s)","errorCode":"NoError"}"# }
    static let authorize = #"{"idTag":"TAG-1"}"#
    static let accepted = #"{"idTagInfo":{"status":"Accepted"}}"#
    static func start(meter: Int = 0, at time: String = "08:02:30") -> String {
        #"{"connectorId":1,"idTag":"TAG-1","meterStart":\#(meter),"timestamp":"2024-01-15T\#(time)Z"}"#
    }
    static func stop(meter: Int, at time: String, reason: String = "EVDisconnected") -> String {
        #"{"transactionId":42,"idTag":"TAG-1","meterStop":\#(meter),"timestamp":"2024-01-15T\#(time)Z","reason":"\#(reason)"}"#
    }
    static let started = #"{"transactionId":42,"idTagInfo":{"status":"Accepted"}}"#

    /// Boot, Authorize, a session on connector 1 from 08:02:30 to `stopAt` with `meterStop` Wh.
    static func session(stopAt: String = "08:30:00", meterStop: Int = 12_000, authorize: Bool = true,
                        meterValuesEvery: Int? = nil) -> FrameLog {
        var log = FrameLog()
        log.call("08:00:00", "1", "BootNotification", FrameLog.boot, answer: FrameLog.bootAnswer())
        if authorize { log.call("08:02:00", "2", "Authorize", Self.authorize, answer: Self.accepted) }
        log.call("08:02:30", "3", "StartTransaction", Self.start(), answer: Self.started)
        if let every = meterValuesEvery {
            var minute = 3
            while minute < 30 {
                let t = String(format: "08:%02d:30", minute)
                log.call(t, "mv\(minute)", "MeterValues",
                         #"{"connectorId":1,"transactionId":42,"meterValue":[{"timestamp":"2024-01-15T\#(t)Z","sampledValue":[{"value":"\#(minute * 400)","measurand":"Energy.Active.Import.Register","unit":"Wh"}]}]}"#)
                minute += every
            }
        }
        log.call(stopAt, "4", "StopTransaction", Self.stop(meter: meterStop, at: stopAt), answer: Self.accepted)
        return log
    }

    // MARK: status transitions

    @Test func availableToFinishingIsNotAllowed() throws {
        // Open OCPP Trace fixture "status-transition-violation": Available, then Finishing (A6 is not in the table).
        var log = FrameLog()
        log.call("08:00:00", "1", "BootNotification", FrameLog.boot, answer: FrameLog.bootAnswer())
        log.call("08:02:00", "2", "StatusNotification", Self.status(1, "Available"))
        log.call("08:07:30", "3", "Heartbeat", "{}", answer: #"{"currentTime":"2024-01-15T08:07:30.500Z"}"#)
        log.call("08:12:00", "4", "StatusNotification", Self.status(1, "Finishing"))
        let b = try log.bundle()
        defer { b.remove() }
        let found = b.of(.statusTransition)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.connector == 1)
        #expect(f.explanation.contains("from Available (08:02:00) to Finishing (08:12:00)"))
        #expect(f.explanation.contains("1.6 StatusNotification state table"))
        #expect(b.texts(f)[0].contains("Finishing") && b.texts(f)[1].contains("Available"))
    }

    @Test func allowedChangesAndAChangeAcrossABootAreNotFlagged() throws {
        var log = FrameLog()
        log.call("08:00:00", "1", "BootNotification", FrameLog.boot, answer: FrameLog.bootAnswer())
        for (k, s) in ["Available", "Preparing", "Charging", "SuspendedEV", "Charging", "Finishing", "Available", "Faulted", "Available"].enumerated() {
            log.call(String(format: "08:%02d:00", k + 1), "s\(k)", "StatusNotification", Self.status(1, s))
        }
        // Charging → (reboot) → Preparing would be C2, not allowed — but a boot lies between.
        log.call("09:00:00", "c", "StatusNotification", Self.status(2, "Charging"))
        log.call("09:01:00", "b", "BootNotification", FrameLog.boot, answer: FrameLog.bootAnswer())
        log.call("09:02:00", "p", "StatusNotification", Self.status(2, "Preparing"))
        let b = try log.bundle()
        defer { b.remove() }
        #expect(b.of(.statusTransition).isEmpty)
    }

    @Test func v201OccupiedToReservedIsNotAllowedOccupiedToUnavailableIs() throws {
        func sn(_ t: String, _ id: String, _ evse: Int, _ s: String) -> [String] {
            [OCPP201TransactionTests.sim(t, #"[2,"\#(id)","StatusNotification",{"timestamp":"2025-10-03T\#(t)Z","connectorStatus":"\#(s)","evseId":\#(evse),"connectorId":1}]"#),
             OCPP201TransactionTests.sim(t, #"[3,"\#(id)",{}]"#, send: false)]
        }
        let lines = sn("10:00:00", "a", 1, "Available") + sn("10:01:00", "b", 1, "Occupied") + sn("10:02:00", "c", 1, "Reserved")
            + sn("10:00:00", "d", 2, "Available") + sn("10:01:00", "e", 2, "Occupied") + sn("10:02:00", "f", 2, "Unavailable")
        let b = try DiagnosedBundle(["sim/ocpp.log": lines])
        defer { b.remove() }
        let found = b.of(.statusTransition)
        #expect(found.map(\.explanation) == ["EVSE 1/1 went from Occupied (10:01:00) to Reserved (10:02:00), a change the 2.0.1 connector status model does not allow"])
    }

    // MARK: starts

    @Test func startWithoutAnyAuthorisation() throws {
        let b = try Self.session(authorize: false).bundle()
        defer { b.remove() }
        let found = b.of(.startWithoutAuthorization)
        #expect(found.count == 1)
        #expect(found.first?.transactionId == "42")
        #expect(found.first?.explanation.contains("idTag TAG-1 with no accepted Authorize") == true)
    }

    @Test func authorisedOrListedStartIsFine() throws {
        let authorised = try Self.session(authorize: true).bundle()
        defer { authorised.remove() }
        #expect(authorised.of(.startWithoutAuthorization).isEmpty)
        // The tag is in the local list the back end sent: the charger may authorise it itself.
        var log = Self.session(authorize: false)
        log.lines.insert(contentsOf: {
            var l = FrameLog()
            l.callFromCentral("08:01:00", "ll", "SendLocalList",
                              #"{"listVersion":3,"updateType":"Full","localAuthorizationList":[{"idTag":"TAG-1","idTagInfo":{"status":"Accepted"}}]}"#,
                              answer: #"{"status":"Accepted"}"#)
            return l.lines
        }(), at: 2)
        let listed = try log.bundle()
        defer { listed.remove() }
        #expect(listed.of(.startWithoutAuthorization).isEmpty)
    }

    @Test func startThatOpensTheLogHasNoBoot() throws {
        // Open OCPP Trace fixture "unexpected-start": the StartTransaction is the first message.
        var log = FrameLog()
        log.call("22:00:00", "1", "StartTransaction", Self.start(at: "22:00:00"), answer: Self.started)
        log.call("22:01:30", "2", "StopTransaction", Self.stop(meter: 100, at: "22:01:30"), answer: Self.accepted)
        let b = try log.bundle()
        defer { b.remove() }
        #expect(b.of(.startWithoutBoot).map(\.transactionId) == ["42"])
        #expect(b.of(.startWithoutBoot).first?.severity == .warning)
    }

    @Test func trafficBeforeTheStartMeansTheLogBeganEarlier() throws {
        // As the e2e Sungrow bundle: the back end's RemoteStartTransaction comes first.
        var log = FrameLog()
        log.callFromCentral("21:59:00", "r1", "RemoteStartTransaction", #"{"connectorId":1,"idTag":"TAG-1"}"#, answer: #"{"status":"Accepted"}"#)
        log.call("22:00:00", "1", "StartTransaction", Self.start(at: "22:00:00"), answer: Self.started)
        let b = try log.bundle()
        defer { b.remove() }
        #expect(b.of(.startWithoutBoot).isEmpty)
    }

    @Test func bootBeforeTheStartIsFine() throws {
        let b = try Self.session().bundle()
        defer { b.remove() }
        #expect(b.of(.startWithoutBoot).isEmpty)
    }

    // MARK: meter values

    @Test func configuredSampleIntervalButNoMeterValues() throws {
        var log = Self.session()
        var cfg = FrameLog()
        cfg.callFromCentral("08:01:00", "cfg", "ChangeConfiguration", #"{"key":"MeterValueSampleInterval","value":"60"}"#,
                            answer: #"{"status":"Accepted"}"#)
        log.lines.insert(contentsOf: cfg.lines, at: 2)
        let b = try log.bundle()
        defer { b.remove() }
        let found = b.of(.missingMeterValues)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.explanation.contains("lasted 27 min 30 s without a meter value, though ChangeConfiguration MeterValueSampleInterval asks for one every 1 min") == true)
    }

    @Test func meterValuesPresentOrSessionTooShortForTheInterval() throws {
        var log = Self.session(meterValuesEvery: 5)
        var cfg = FrameLog()
        cfg.callFromCentral("08:01:00", "cfg", "ChangeConfiguration", #"{"key":"MeterValueSampleInterval","value":"60"}"#,
                            answer: #"{"status":"Accepted"}"#)
        log.lines.insert(contentsOf: cfg.lines, at: 2)
        let sampled = try log.bundle()
        defer { sampled.remove() }
        #expect(sampled.of(.missingMeterValues).isEmpty)
        // 90 s with a 60 s interval: under two intervals.
        var short = Self.session(stopAt: "08:04:00")
        short.lines.insert(contentsOf: cfg.lines, at: 2)
        let brief = try short.bundle()
        defer { brief.remove() }
        #expect(brief.of(.missingMeterValues).isEmpty)
    }

    @Test func noIntervalConfiguredLongSessionWithoutMeterValuesIsInformation() throws {
        // Open OCPP Trace fixture "meter-value-gap": 18:02:30 → 18:30:00, no MeterValues, no interval set.
        let b = try Self.session().bundle()
        defer { b.remove() }
        #expect(b.of(.missingMeterValues).map(\.severity) == [.info])
    }

    // MARK: short sessions

    @Test func eightSecondSessionIsShort() throws {
        // As the Open OCPP Trace fixture "short-session" (8 s), with 50 Wh.
        let b = try Self.session(stopAt: "08:02:38", meterStop: 50).bundle()
        defer { b.remove() }
        let found = b.of(.shortSession)
        #expect(found.count == 1)
        #expect(found.first?.explanation.contains("lasted 8 s and delivered 50 Wh (under a minute, under 0.1 kWh") == true)
    }

    @Test func longSessionWithEnergyIsNotShort() throws {
        let b = try Self.session(stopAt: "08:30:00", meterStop: 12_000).bundle()
        defer { b.remove() }
        #expect(b.of(.shortSession).isEmpty)
    }
}
