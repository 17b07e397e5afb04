import Testing
@testable import ChargeLogCore

/// `EndedSessions`: a session of the same idTag (without one: of the same connector) that ended
/// within the window, on the payload clock or the log clock.
@Suite struct EndedSessionsTests {
    /// A transaction stopped at `stop` (payload clock) whose stop record has log time `logStop`.
    static func tx(_ id: String, tag: String?, connector: Int?, stop: Int64?, logStop: Int64?) -> OCPPTransaction {
        OCPPTransaction(transactionId: id, connector: connector, evse: nil, idTag: tag, auth: "", start: nil, stop: stop,
                        meterStart: nil, meterStop: nil, reason: nil, stopStatus: nil, stopIdTagStatus: nil, meterValues: 0,
                        samples: [], signedValues: [], internalId: nil, startedBeforeLog: false, startRef: nil,
                        stopRef: logStop.map { RecordRef(file: 0, record: Int($0)) }, remoteStartRef: nil, remoteStopRef: nil,
                        authorizeRef: nil, firstLogTime: 0, lastLogTime: 0, issues: [])
    }

    /// Log times are the stop record numbers, so a test states them directly.
    static func ended(_ txs: [OCPPTransaction]) -> EndedSessions { EndedSessions(txs, logTime: { Int64($0.record) }) }

    @Test func aSessionOfTheSameTagEndedInTheWindowIsFound() {
        let e = Self.ended([Self.tx("a", tag: "T1", connector: 1, stop: 1_000, logStop: 5_000),
                            Self.tx("b", tag: "T2", connector: 1, stop: 2_000, logStop: 6_000)])
        // Payload clock: a ended at 1 000; both window edges count.
        #expect(e.any(tag: "T1", connector: 9, clock: .payload, in: 1_000...1_500) { $0 == 0 })
        #expect(e.any(tag: "T1", connector: 9, clock: .payload, in: 500...1_000) { $0 == 0 })
        // Log clock: a ended at 5 000.
        #expect(e.any(tag: "T1", connector: 9, clock: .log, in: 4_000...5_000) { _ in true })
        // Near misses: just outside the window, another tag, or rejected by the caller.
        #expect(!e.any(tag: "T1", connector: 1, clock: .payload, in: 1_001...2_000) { _ in true })
        #expect(!e.any(tag: "T1", connector: 1, clock: .log, in: 1_000...4_999) { _ in true })
        #expect(!e.any(tag: "T3", connector: 1, clock: .payload, in: 0...10_000) { _ in true })
        #expect(!e.any(tag: "T1", connector: 1, clock: .payload, in: 0...10_000) { _ in false })
    }

    @Test func withoutATagTheConnectorDecidesWhateverTheOthersTag() {
        let e = Self.ended([Self.tx("a", tag: "T1", connector: 2, stop: nil, logStop: 3_000),
                            Self.tx("b", tag: nil, connector: nil, stop: 3_000, logStop: 3_000),
                            Self.tx("open", tag: nil, connector: 2, stop: nil, logStop: nil)])
        // A stop without a payload time ends at its log time on the payload clock too.
        #expect(e.any(tag: nil, connector: 2, clock: .payload, in: 2_000...3_000) { $0 == 0 })
        // No connector matches no connector; an open session (no stop record) never counts.
        #expect(e.any(tag: nil, connector: nil, clock: .log, in: 3_000...3_000) { $0 == 1 })
        #expect(!e.any(tag: nil, connector: 2, clock: .payload, in: 0...10_000) { $0 == 2 })
        #expect(!e.any(tag: nil, connector: 1, clock: .log, in: 0...10_000) { _ in true })
    }
}
