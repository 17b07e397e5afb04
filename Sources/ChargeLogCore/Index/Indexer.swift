import Dispatch
import Foundation

/// Options for building the index.
public struct IndexOptions: Sendable {
    /// `--year`: the year of year-less stamps, overriding all inference.
    public var year: Int?
    /// Threads for indexing files in parallel (default: all cores).
    public var threads: Int

    public init(year: Int? = nil, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.year = year
        self.threads = max(1, threads)
    }
}

/// Builds the merged index of a loaded bundle: each file streamed through its detected format in
/// parallel (largest first, on all cores), years resolved across the bundle, then one k-way merge.
public enum Indexer {
    public typealias Progress = @Sendable (_ bytesDone: UInt64, _ bytesTotal: UInt64) -> Void

    public static func build(_ bundle: LoadedBundle, options: IndexOptions = IndexOptions(),
                             progress: Progress? = nil) -> LogIndex {
        let started = DispatchTime.now().uptimeNanoseconds
        let files = bundle.files
        let results = ResultSlots(count: files.count)
        let total = files.reduce(UInt64(0)) { $0 + $1.size }
        let done = ByteCounter()
        // Largest files first so the two cores finish together.
        let order = files.indices.sorted { files[$0].size > files[$1].size }
        let next = ByteCounter()
        DispatchQueue.concurrentPerform(iterations: min(options.threads, max(1, files.count))) { _ in
            while true {
                let k = Int(next.add(1)) - 1
                guard k < order.count else { return }
                let i = order[k]
                results.set(i, scanOne(files[i]))
                let d = done.add(files[i].size)
                progress?(d, total)
            }
        }

        var diagnostics = bundle.diagnostics
        var scanned: [(InputFile, StreamKind, FileScanner.Output, FileReader)] = []
        for (i, f) in files.enumerated() {
            switch results.get(i) {
            case .failure(let e):
                diagnostics.append(Diagnostic(.error, file: f.displayPath, "skipped: \(e.message)"))
            case .success(let (stream, out, reader)):
                scanned.append((f, stream, out, reader))
            case nil:
                break
            }
        }

        // Years: full-dated files first, then header-anchored ones join the evidence.
        let resolver = YearResolver(userYear: options.year, currentYear: CivilTime.components(Int64(Date().timeIntervalSince1970 * 1000)).year)
        var dated: [ClosedRange<Int64>] = []
        func widen(_ r: ClosedRange<Int64>?) { if let r { dated.append(r) } }
        for s in scanned where !s.2.yearless && !s.2.untimedOnly { widen(YearResolver.range(s.2.index.times)) }
        var decisions: [Int: YearResolver.Decision] = [:]
        for (k, s) in scanned.enumerated() where s.2.yearless && !s.2.anchors.isEmpty && options.year == nil {
            let d = resolver.decide(scan: s.2, file: s.0, dated: dated)
            decisions[k] = d
            var ix = s.2.index
            YearResolver.apply(d, to: &ix)
            widen(YearResolver.range(ix.times))
        }

        var indexed: [IndexedFile] = []
        for (k, s) in scanned.enumerated() {
            var (source, stream, out, reader) = s
            var yearSource = YearSource.ownDates
            if out.yearless {
                let d = decisions[k] ?? resolver.decide(scan: out, file: source, dated: dated)
                YearResolver.apply(d, to: &out.index)
                yearSource = d.source
                let year = CivilTime.components(out.index.count > 0 ? out.index.times[0] : 0).year
                if d.source == .modificationTime || d.source == .assumed {
                    diagnostics.append(Diagnostic(.warning, file: source.displayPath,
                        "stamps carry no year and nothing in the bundle dates them; year \(year) taken from \(d.source)"))
                }
            }
            if out.untimedOnly && out.index.count > 0 {
                let t = source.modificationTime ?? 0
                out.index.times = out.index.times.mapped { _, _ in t }
                diagnostics.append(Diagnostic(.warning, file: source.displayPath,
                    "no line carries a time; all \(out.index.count) lines placed at the file's modification time"))
            }
            diagnostics.append(contentsOf: describe(out.stats, file: source.displayPath))
            indexed.append(IndexedFile(id: indexed.count, source: source, stream: stream, index: out.index,
                                       stats: out.stats, yearSource: yearSource, reader: reader))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return LogIndex(files: indexed, diagnostics: diagnostics, indexingSeconds: seconds)
    }

    static func scanOne(_ file: InputFile) -> Result<(StreamKind, FileScanner.Output, FileReader), ChargeLogError> {
        let reader: FileReader
        do { reader = try FileReader(path: file.diskPath) } catch { return .failure(error) }
        let sample = reader.read(0..<UInt64(64 * 1024))
        let detection = FormatDetector.detect(sample: sample, nameHint: file.displayPath)
        // Estimate the record count from the sample's line length, so the index arrays are sized once.
        let sampleLines = max(1, sample.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
        let estimate = sample.isEmpty ? 0 : Int(Double(file.size) / (Double(sample.count) / Double(sampleLines)) * 1.05) + 16
        let out = FileScanner.scan(FormatRegistry.format(for: detection.stream), reader: reader, expectedRecords: estimate)
        return .success((detection.stream, out, reader))
    }

    /// Messages for what the scan found wrong in a file.
    static func describe(_ s: FileStats, file: String) -> [Diagnostic] {
        var d: [Diagnostic] = []
        if s.lines == 0 { d.append(Diagnostic(.warning, file: file, "empty file")) }
        if s.unparsedLines > 0 {
            d.append(Diagnostic(.info, file: file, "\(s.unparsedLines) line(s) do not fit the format; kept raw with their neighbour's time"))
        }
        if s.outOfOrder > 0 {
            d.append(Diagnostic(.info, file: file, "\(s.outOfOrder) stamp(s) go backwards; kept in file order and flagged"))
        }
        if s.linesWithNUL > 0 {
            d.append(Diagnostic(.warning, file: file, "\(s.linesWithNUL) line(s) contain NUL bytes; kept, shown as ^@"))
        }
        if s.linesWithInvalidUTF8 > 0 {
            d.append(Diagnostic(.warning, file: file, "\(s.linesWithInvalidUTF8) line(s) contain invalid UTF-8; bytes shown as \\xNN"))
        }
        if s.hugeLines > 0 {
            d.append(Diagnostic(.info, file: file, "\(s.hugeLines) line(s) over 1 MiB (longest \(s.longestLine) bytes); kept whole"))
        }
        if s.unterminatedLastLine {
            d.append(Diagnostic(.info, file: file, "last line has no line end (half-written or still growing); kept"))
        }
        if s.yearRollovers > 0 {
            d.append(Diagnostic(.info, file: file, "crosses New Year \(s.yearRollovers) time(s); year advanced at each"))
        }
        return d
    }
}

/// Thread-safe slots for per-file results.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<(StreamKind, FileScanner.Output, FileReader), ChargeLogError>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<(StreamKind, FileScanner.Output, FileReader), ChargeLogError>) {
        lock.lock(); slots[i] = r; lock.unlock()
    }
    func get(_ i: Int) -> Result<(StreamKind, FileScanner.Output, FileReader), ChargeLogError>? {
        lock.lock(); defer { lock.unlock() }
        return slots[i]
    }
}

/// A thread-safe counter.
final class ByteCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: UInt64 = 0
    @discardableResult
    func add(_ n: UInt64) -> UInt64 { lock.lock(); defer { lock.unlock() }; value += n; return value }
}
