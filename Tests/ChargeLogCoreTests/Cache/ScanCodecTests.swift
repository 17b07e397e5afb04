import Foundation
import Testing
@testable import ChargeLogCore

/// An entry decodes only for the key it was written for, and every kind of damage is refused.
@Suite struct ScanCodecTests {
    static func entry() -> CachedScanEntry {
        var out = ScanOutput()
        for i in 0..<1000 {
            // A jump of 30 days starts a second time segment.
            out.index.append(offset: UInt64(i * 40), time: 1_713_600_000_000 + Int64(i) * 1000 + (i >= 600 ? 30 * 86_400_000 : 0),
                             packed: UInt8(i % 7))
            if i % 100 == 5 { out.index.addExtraLines(2) }
        }
        out.index.endOffset = 40_000
        out.stats.lines = 1020
        out.stats.outOfOrder = 3
        out.stats.unterminatedLastLine = true
        out.yearless = true
        out.untimedOnly = false
        out.anchors = [(record: 10, delta: 24)]
        return CachedScanEntry(stream: .mainprocess, userFormat: nil, output: out)
    }

    @Test func anEntryComesBackAsItWasWritten() throws {
        let e = Self.entry()
        guard case .entry(let back) = ScanCodec.decode(ScanCodec.encode(e, key: "k"), key: "k") else {
            Issue.record("not decoded"); return
        }
        #expect(back.stream == .mainprocess)
        #expect(back.userFormat == nil)
        #expect(back.output.index.count == 1000)
        #expect(back.output.index.times.array == e.output.index.times.array)
        #expect(back.output.index.times.segmentStart.count == 2)
        #expect((0...1000).map(back.output.index.offset) == (0...1000).map(e.output.index.offset))
        #expect((0..<1000).map(back.output.index.lineNumber) == (0..<1000).map(e.output.index.lineNumber))
        #expect(back.output.index.packed == e.output.index.packed)
        #expect(back.output.stats == e.output.stats)
        #expect(back.output.yearless && !back.output.untimedOnly && !back.output.timeOfDayOnly)
        #expect(back.output.anchors.map(\.record) == [10] && back.output.anchors.map(\.delta) == [24])
    }

    @Test func anotherKeyIsStaleNotAHit() {
        guard case .stale = ScanCodec.decode(ScanCodec.encode(Self.entry(), key: "file a size 1"), key: "file a size 2") else {
            Issue.record("decoded for another key"); return
        }
    }

    @Test func everySingleFlippedByteIsRefused() {
        let bytes = ScanCodec.encode(Self.entry(), key: "k")
        // Every 97th byte, and the checksum itself.
        for i in stride(from: 0, to: bytes.count, by: 97).map({ $0 }) + [bytes.count - 1] {
            var b = bytes
            b[i] ^= 0x01
            if case .entry = ScanCodec.decode(b, key: "k") { Issue.record("byte \(i) flipped was accepted") }
        }
    }

    @Test func truncatedEntriesAreRefused() {
        let bytes = ScanCodec.encode(Self.entry(), key: "k")
        for n in [0, 4, 12, 100, bytes.count / 2, bytes.count - 1] {
            if case .entry = ScanCodec.decode(Array(bytes.prefix(n)), key: "k") { Issue.record("\(n) bytes accepted") }
        }
    }

    @Test func partsThatDoNotFitTogetherAreRefusedEvenWithAValidChecksum() {
        var e = Self.entry()
        e.output.index.packed.removeLast()
        var bytes = ScanCodec.encode(e, key: "k")
        guard case .damaged = ScanCodec.decode(bytes, key: "k") else { Issue.record("accepted"); return }
        // Near miss: the same entry whole decodes.
        bytes = ScanCodec.encode(Self.entry(), key: "k")
        guard case .entry = ScanCodec.decode(bytes, key: "k") else { Issue.record("refused"); return }
    }

    @Test func offsetsThatDoNotGrowAreRefusedEvenWithAValidChecksum() {
        var e = Self.entry()
        e.output.index.offsetsLow.swapAt(10, 11)
        guard case .damaged = ScanCodec.decode(ScanCodec.encode(e, key: "k"), key: "k") else { Issue.record("accepted"); return }
        var past = Self.entry()
        past.output.index.endOffset = UInt64(past.output.index.offsetsLow.last!)
        guard case .damaged = ScanCodec.decode(ScanCodec.encode(past, key: "k"), key: "k") else { Issue.record("accepted"); return }
    }

    @Test func timesAndCountsThatWouldOverflowAreRefused() {
        var e = Self.entry()
        e.output.stats.lines = Int.max
        guard case .damaged = ScanCodec.decode(ScanCodec.encode(e, key: "k"), key: "k") else { Issue.record("accepted"); return }
        var t = Self.entry()
        t.output.index.times = TimeColumn(deltas: [Int32](repeating: 0, count: 1000), segmentStart: [0], segmentBase: [Int64.max - 5])!
        guard case .damaged = ScanCodec.decode(ScanCodec.encode(t, key: "k"), key: "k") else { Issue.record("accepted"); return }
    }
}
