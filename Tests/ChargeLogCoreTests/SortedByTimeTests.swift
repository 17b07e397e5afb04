import Testing
@testable import ChargeLogCore

/// The one time-window search: inclusive bounds, empty windows, and a stamp out of order ending the
/// window where it stands (the times are the test's own).
@Suite struct SortedByTimeTests {
    let times: [Int64] = [10, 20, 20, 30, 40, 50]

    @Test func inclusiveWindow() {
        #expect(SortedByTime.range(times, from: 20, to: 40) { $0 } == 1..<5)
        #expect(SortedByTime.range(times, from: 11, to: 29) { $0 } == 1..<3)
        #expect(SortedByTime.range(times, from: 0, to: 100) { $0 } == 0..<6)
    }

    @Test func emptyWindows() {
        #expect(SortedByTime.range(times, from: 21, to: 29) { $0 }.isEmpty)
        #expect(SortedByTime.range(times, from: 60, to: 70) { $0 } == 6..<6)
        #expect(SortedByTime.range(times, from: 0, to: 5) { $0 } == 0..<0)
        #expect(SortedByTime.range([Int64](), from: 0, to: 5) { $0 } == 0..<0)
        #expect(SortedByTime.range(times, from: 40, to: 30) { $0 }.isEmpty)
    }

    @Test func aStampOutOfOrderEndsTheWindow() {
        let t: [Int64] = [10, 20, 90, 30, 40]
        #expect(SortedByTime.range(t, from: 15, to: 50) { $0 } == 1..<2)
    }
}
