import HeapModule

/// One generated log file. The simulation hands it lines at any time at or after "now"; it keeps
/// them in a min-heap by (time, arrival) and writes those at or before the simulation's clock, so
/// every file comes out in time order while sessions write their lines ahead of time.
final class TimedLog {
    /// How a line is stamped.
    enum Style {
        /// `2024-05-01 14:42:14.595 +0000 INFO ...` (the level word is part of the text).
        case proxy
        /// `Apr/30 20:02:13 UTC --  ...`
        case mainProcess
        /// `[April/28 08:48:46.384 UTC]...` (fault, update).
        case bracketed
        /// `[April/28 08:48:46.384 UTC][D00 23:20:20.544] ...`
        case ccu
    }

    enum Kind: UInt8 {
        case stamped
        /// An empty line (block separator in the fault and update logs).
        case blank
        /// A CCU record cut in two after the hour of its uptime stamp.
        case splitCCU
    }

    struct Pending: Comparable {
        var time: Int64
        var seq: Int
        var kind: Kind
        /// CCU uptime in ms.
        var aux: Int64
        var text: String

        static func < (a: Pending, b: Pending) -> Bool { (a.time, a.seq) < (b.time, b.seq) }
        static func == (a: Pending, b: Pending) -> Bool { a.time == b.time && a.seq == b.seq }
    }

    let style: Style
    let sink: FileSink
    private var heap = Heap<Pending>()
    private var seq = 0
    private var line: [UInt8] = []
    /// Time of the last line written (ms, for ordering).
    private var lastWritten: Int64 = .min
    /// First and last record time as the file shows it (MainProcess: whole seconds).
    private(set) var firstRecord: Int64 = .max
    private(set) var lastRecord: Int64 = .min
    /// Lines that arrived stamped before a line already written (a generator bug; tests expect 0).
    private(set) var clamped = 0

    /// Each record's time, in file order (kept only when asked: MainProcess, to split it in halves).
    private(set) var times: [Int64] = []
    private let keepTimes: Bool

    init(style: Style, sink: FileSink, keepTimes: Bool = false) {
        self.style = style
        self.sink = sink
        self.keepTimes = keepTimes
        line.reserveCapacity(1 << 14)
    }

    var bytes: UInt64 { sink.bytes }

    func add(_ time: Int64, _ text: String) { push(Pending(time: time, seq: 0, kind: .stamped, aux: 0, text: text)) }

    func blank(_ time: Int64) { push(Pending(time: time, seq: 0, kind: .blank, aux: 0, text: "")) }

    func ccu(_ time: Int64, uptime: Int64, _ text: String, split: Bool = false) {
        push(Pending(time: time, seq: 0, kind: split ? .splitCCU : .stamped, aux: uptime, text: text))
    }

    private func push(_ p: Pending) {
        var p = p
        p.seq = seq
        seq += 1
        heap.insert(p)
    }

    /// Writes every pending line stamped at or before `time`.
    func flush(through time: Int64) {
        while let first = heap.min, first.time <= time {
            write(heap.removeMin())
        }
    }

    /// Writes everything and closes the file.
    func finish() {
        flush(through: .max)
        sink.close()
    }

    private func write(_ p: Pending) {
        var t = p.time
        if t < lastWritten {
            clamped += 1
            t = lastWritten
        }
        lastWritten = t
        let shown = style == .mainProcess ? t - t % 1000 : t
        if shown < firstRecord { firstRecord = shown }
        lastRecord = shown
        if keepTimes { times.append(shown) }
        line.removeAll(keepingCapacity: true)
        if p.kind == .blank {
            sink.line(line)
            return
        }
        switch style {
        case .proxy:
            StampText.proxy(t, into: &line)
            line.append(0x20)
        case .mainProcess:
            StampText.mainProcess(t, into: &line)
        case .bracketed:
            StampText.bracketed(t, into: &line)
        case .ccu:
            StampText.bracketed(t, into: &line)
            if p.kind == .splitCCU {
                // `[D00 23:` | `[... UTC]20:20.624] text`
                var up: [UInt8] = []
                StampText.uptime(p.aux, into: &up)
                let cut = 8  // after `[Ddd hh:`
                line.append(contentsOf: up[0..<cut])
                sink.line(line)
                line.removeAll(keepingCapacity: true)
                StampText.bracketed(t + 1, into: &line)
                line.append(contentsOf: up[cut...])
                line.append(0x20)
                line.append(contentsOf: p.text.utf8)
                sink.line(line)
                return
            }
            StampText.uptime(p.aux, into: &line)
            line.append(0x20)
        }
        line.append(contentsOf: p.text.utf8)
        sink.line(line)
    }
}
