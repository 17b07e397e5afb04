import Dispatch
import Foundation

/// Options for building the index.
public struct IndexOptions: Sendable {
    /// `--year`: the year of year-less stamps, overriding all inference.
    public var year: Int?
    /// Threads for indexing files in parallel (default: all cores).
    public var threads: Int
    /// `--tz`, `--no-clock-inference`, `--role`.
    public var clock: ClockOptions
    /// `--format-file`: user-defined format files (lnav-style JSON).
    public var formatFiles: [String] = []
    /// The folder of user-defined formats (`FormatFiles.defaultDirectory()` for the CLI); nil: none.
    public var formatDirectory: String? = nil
    /// The on-disk index (`--no-cache`: nil). Used when building an index, not while following.
    public var cache: IndexCache? = nil
    /// For tests: called on the worker thread just before a file is read (to hold one back).
    public var beforeScan: (@Sendable (InputFile) -> Void)? = nil

    public init(year: Int? = nil, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                clock: ClockOptions = ClockOptions()) {
        self.year = year
        self.threads = max(1, threads)
        self.clock = clock
    }
}

/// Builds the merged index of a loaded bundle: each file streamed through its detected format in
/// parallel (largest first, on all cores), years resolved across the bundle, then one k-way merge.
public enum Indexer {
    public typealias Progress = @Sendable (_ bytesDone: UInt64, _ bytesTotal: UInt64) -> Void

    /// An index of the files read so far, while larger ones are still being read (`LogIndex.stillIndexing`).
    public typealias Provisional = @Sendable (LogIndex) -> Void

    /// With `provisional`, a first index of the files already read is handed over (once, from a worker
    /// thread) as soon as a core has no file left to take while a quarter or more of the bytes are still
    /// being read: the viewer shows its first screen from it.
    public static func build(_ bundle: LoadedBundle, options: IndexOptions = IndexOptions(),
                             progress: Progress? = nil, provisional: Provisional? = nil) -> LogIndex {
        LiveIndexer(bundle, options: options, follow: false).build(progress: progress, provisional: provisional)
    }

    /// Messages for a clock decision that moved the file's times, or that found a charger clock off.
    static func describe(_ c: ClockDecision, file: String) -> [Diagnostic] {
        var d: [Diagnostic] = []
        if c.basis == .inferredLocal || (c.moved && c.basis != .fromPayloads) {
            d.append(Diagnostic(.info, file: file, "clock: \(c.summary); times shown in UTC"))
        }
        if let skew = c.chargerSkew {
            d.append(Diagnostic(.warning, file: file,
                "the charger's clock is \(ClockDecision.durationText(skew)) \(skew > 0 ? "ahead of" : "behind") UTC (its payload times against \(c.basis == .fromPayloads ? "the central system's" : "the log's corrected") clock)"))
        }
        if let n = c.note { d.append(Diagnostic(.info, file: file, "clock: \(n)")) }
        return d
    }

    /// Messages for what the scan found wrong in a file.
    static func describe(_ s: FileStats, file: String, following: Bool = false) -> [Diagnostic] {
        var d: [Diagnostic] = []
        if s.lines == 0 { d.append(Diagnostic(.warning, file: file, "empty file")) }
        if s.unparsedLines > 0 {
            d.append(Diagnostic(.info, file: file, "\(s.unparsedLines) line(s) do not fit the format; kept raw with their neighbour's time"))
        }
        if s.impossibleStamps > 0 {
            d.append(Diagnostic(.warning, file: file, "\(s.impossibleStamps) line(s) carry an impossible date, time or zone (such as 2024-02-30, Feb/29 in a common year, +99:99); kept raw, marked unparsed"))
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
            d.append(Diagnostic(.info, file: file, following
                ? "last line has no line end yet; shown once it is complete"
                : "last line has no line end (half-written or still growing); kept"))
        }
        if s.yearRollovers > 0 {
            d.append(Diagnostic(.info, file: file, "crosses New Year \(s.yearRollovers) time(s); year advanced at each"))
        }
        return d
    }
}

/// Indexes a bundle and, in follow mode, keeps every file's scan open so that growth is read
/// incrementally (`poll()`), like `tail -f`; a truncated or replaced (rotated) file is rescanned.
/// Not `Sendable`, so the compiler keeps it on the one thread that drives it (the CLI loop or the
/// viewer's follow thread); what crosses threads is the `LogIndex` it returns.
public final class LiveIndexer {
    struct Tracked {
        var input: InputFile
        var stream: StreamKind
        var session: any ResumableScan
        var reader: FileReader
        var identity: FileIdentity
        /// The user-defined format it was read with, if any.
        var userFormat: UserFormat? = nil
        var decision: YearResolver.Decision?
        /// Records already moved to their decided year.
        var shiftedCount = 0
        var yearSource = YearSource.ownDates
        /// How the line times were put on UTC, and who wrote the file.
        var clock = ClockResolver.Result(decision: .asWritten, role: nil)
        /// Records already moved onto UTC.
        var clockedCount = 0
        /// What the on-disk index did for it (nil: not used, or the file is too small to keep).
        var cacheOutcome: CacheOutcome? = nil
    }

    /// The on-disk index as one open uses it: the store, and the salt its keys carry.
    struct CacheUse: Sendable {
        var store: IndexCache
        var salt: String
        var workDirectory: String?
    }

    let options: IndexOptions
    let follow: Bool
    let bundle: LoadedBundle
    var tracked: [Tracked?] = []
    var failures: [Diagnostic] = []
    var lastIndex: LogIndex?
    /// Disk paths of the files the last `poll()` read again from their start (rotated or truncated).
    public private(set) var lastRescanned: Set<String> = []

    /// The user-defined formats of `options` (loaded once; their problems are in `failures`).
    let userFormats: [UserFormat]

    public init(_ bundle: LoadedBundle, options: IndexOptions = IndexOptions(), follow: Bool) {
        self.bundle = bundle
        self.options = options
        self.follow = follow
        let loaded = FormatFiles.load(files: options.formatFiles, directory: options.formatDirectory)
        userFormats = loaded.formats
        failures = loaded.diagnostics
    }

    /// An indexer over files already scanned (the provisional index).
    private init(scanned: [Tracked], options: IndexOptions, userFormats: [UserFormat]) {
        bundle = LoadedBundle(files: scanned.map(\.input), diagnostics: [], workDirectory: nil)
        var o = options
        o.cache = nil
        self.options = o
        follow = false
        self.userFormats = userFormats
        tracked = scanned
    }

    /// The index of the files of `slots` scanned so far, when a quarter or more of the bytes are still
    /// being read; their years and clocks decided from what they show (the rest of the bundle may
    /// change that: the full index decides again).
    static func provisional(files: [InputFile], slots: Slots<Result<Tracked, ChargeLogError>>, options: IndexOptions,
                            userFormats: [UserFormat]) -> LogIndex? {
        var done: [Tracked] = []
        var pending: [String] = []
        var doneBytes: UInt64 = 0, total: UInt64 = 0
        for (i, f) in files.enumerated() {
            total += f.size
            switch slots.get(i) {
            case .success(let t)?: done.append(t); doneBytes += f.size
            case .failure?: doneBytes += f.size
            case nil: pending.append(f.displayPath)
            }
        }
        guard !done.isEmpty, !pending.isEmpty, total - doneBytes >= total / 4 else { return nil }
        let early = LiveIndexer(scanned: done, options: options, userFormats: userFormats)
        early.resolveYears()
        early.resolveClocks()
        return early.assemble(seconds: 0, stillIndexing: pending)
    }

    /// The initial index.
    public func build(progress: Indexer.Progress? = nil, provisional: Indexer.Provisional? = nil) -> LogIndex {
        let started = DispatchTime.now().uptimeNanoseconds
        // The merged order stores a file's number in two bytes.
        let files = Array(bundle.files.prefix(MergedOrder.maxFiles))
        if bundle.files.count > files.count {
            failures.append(Diagnostic(.error, file: bundle.files[files.count].displayPath,
                "the bundle holds \(bundle.files.count) files, more than the \(MergedOrder.maxFiles) one index can hold; this one and the \(bundle.files.count - files.count - 1) after it skipped"))
        }
        let slots = Slots<Result<Tracked, ChargeLogError>>(count: files.count)
        let total = files.reduce(UInt64(0)) { $0 + $1.size }
        let done = Counter(), next = Counter(), early = Counter()
        let options = self.options
        let follow = self.follow
        let userFormats = self.userFormats
        let cache = follow ? nil : options.cache.flatMap { store in
            CacheSalt.make(userFormats: userFormats).map { CacheUse(store: store, salt: $0, workDirectory: bundle.workDirectory) }
        }
        // Largest files first so the cores finish together.
        let order = files.indices.sorted { files[$0].size > files[$1].size }
        DispatchQueue.concurrentPerform(iterations: min(options.threads, max(1, files.count))) { _ in
            while true {
                let k = Int(next.add(1)) - 1
                guard k < order.count else {
                    // This core has nothing left to take: show what is read while the others finish.
                    if let provisional, early.add(1) == 1,
                       let index = Self.provisional(files: files, slots: slots, options: options, userFormats: userFormats) {
                        provisional(index)
                    }
                    return
                }
                let i = order[k]
                options.beforeScan?(files[i])
                slots.set(i, Self.open(files[i], follow: follow, userFormats: userFormats, cache: cache))
                progress?(done.add(files[i].size), total)
            }
        }
        tracked = []
        for (i, f) in files.enumerated() {
            switch slots.get(i) {
            case .failure(let e):
                failures.append(Diagnostic(.error, file: f.displayPath, "skipped: \(e.message)"))
                tracked.append(nil)
            case .success(let t):
                tracked.append(t)
            case nil:
                tracked.append(nil)
            }
        }
        if let cache, tracked.contains(where: { $0?.cacheOutcome?.wroteEntry == true }) {
            cache.store.trim()
        }
        resolveYears()
        resolveClocks()
        return assemble(seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    /// Follow mode: reads what the files gained since the last call. Returns a new index when anything
    /// changed, nil otherwise.
    public func poll() -> LogIndex? {
        let started = DispatchTime.now().uptimeNanoseconds
        var changed = false
        lastRescanned = []
        for i in tracked.indices {
            guard var t = tracked[i] else { continue }
            let now = FileIdentity(path: t.input.diskPath)
            if now.inode != t.identity.inode || now.size < t.session.scannedTo {
                // Rotated (a new file under the name) or truncated: read it again from the start.
                guard case .success(var fresh) = Self.open(t.input, follow: true, userFormats: userFormats) else { continue }
                fresh.decision = t.decision
                fresh.yearSource = t.yearSource
                fresh.clock = t.clock
                tracked[i] = fresh
                lastRescanned.insert(t.input.diskPath)
                applyYear(&tracked[i]!)
                applyClock(&tracked[i]!)
                changed = true
                continue
            }
            guard now.size > t.session.scannedTo else { continue }
            let before = t.session.output.index.count
            t.session.advance(reader: t.reader, final: false)
            t.identity = now
            if t.session.output.index.count != before { changed = true }
            tracked[i] = t
            applyYear(&tracked[i]!)
            applyClock(&tracked[i]!)
        }
        guard changed else { return nil }
        return assemble(seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    /// Records reserved up front at most (about 40 MB of index).
    static let maxReserve = 1 << 22

    static func open(_ file: InputFile, follow: Bool, userFormats: [UserFormat] = [],
                     cache: CacheUse? = nil) -> Result<Tracked, ChargeLogError> {
        let reader: FileReader
        do { reader = try FileReader(path: file.diskPath) } catch { return .failure(error) }
        var key: CacheKey?
        var outcome: CacheOutcome?
        if let cache, file.size >= cache.store.minFileBytes {
            let workCopy = cache.workDirectory.map { file.diskPath.hasPrefix($0 + "/") } ?? false
            key = CacheKey.of(file, reader: reader, workCopy: workCopy, salt: cache.salt)
            if key == nil { outcome = .notWritten("the file could not be read for its identity") }
            if let key {
                switch cache.store.load(key) {
                case .hit(let e):
                    let user = e.userFormat.flatMap { name in userFormats.first { $0.name == name } }
                    if e.output.index.endOffset == reader.currentSize, (e.userFormat == nil) == (user == nil) {
                        let scan = CachedScan(output: e.output) { freshSession(file, reader: reader, userFormats: userFormats).session }
                        return .success(Tracked(input: file, stream: e.stream, session: scan, reader: reader,
                                                identity: FileIdentity(path: file.diskPath), userFormat: user,
                                                cacheOutcome: .read))
                    }
                    outcome = .replaced("its entry does not fit the file")
                case .miss: break
                case .stale: outcome = .replaced("the file changed since its entry was written")
                case .damaged(let why): outcome = .replaced("its entry was damaged (\(why))")
                }
            }
        }
        let made = freshSession(file, reader: reader, userFormats: userFormats)
        let stream = made.stream, user = made.user
        var session = made.session
        session.advance(reader: reader, final: !follow)
        if !follow { session.output.index.shrink() }
        if let cache, let key {
            // Kept only when the file did not change while it was read.
            if key.stillHolds(file.diskPath) {
                let entry = CachedScanEntry(stream: stream, userFormat: user?.name, output: session.output)
                if let failure = cache.store.store(entry, key: key) { outcome = .notWritten(failure) }
                else if outcome == nil { outcome = .written }
            } else {
                outcome = .notWritten("the file changed while it was read")
            }
        }
        return .success(Tracked(input: file, stream: stream, session: session, reader: reader,
                                identity: FileIdentity(path: file.diskPath), userFormat: user, cacheOutcome: outcome))
    }

    /// Detects the file's format and makes the session that scans it, its arrays sized from a sample.
    static func freshSession(_ file: InputFile, reader: FileReader, userFormats: [UserFormat])
        -> (stream: StreamKind, session: any ResumableScan, user: UserFormat?) {
        let sample = reader.read(0..<UInt64(64 * 1024))
        let detection = FormatDetector.detect(sample: sample, nameHint: file.displayPath, userFormats: userFormats)
        // Estimate the record count from the sample's line length, so the index arrays are sized once;
        // from the bytes really on disk, and at most `maxReserve` (a file of newlines grows the arrays
        // as it is read instead of reserving gigabytes up front).
        let sampleLines = max(1, sample.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
        let size = min(file.size, reader.currentSize)
        let estimate = sample.isEmpty ? 0
            : min(Self.maxReserve, CheckedNumber.clamp(Double(size) / (Double(sample.count) / Double(sampleLines)) * 1.05, to: 0...Int.max / 2) + 16)
        let user = detection.userFormat.flatMap { name in userFormats.first { $0.name == name } }
        let session: any ResumableScan
        if let user {
            session = detection.ansi ? FileScanner.session(parser: ANSIStripped(inner: UserLineFormat(user)), expectedRecords: estimate)
                                     : FileScanner.session(parser: UserLineFormat(user), expectedRecords: estimate)
        } else {
            session = FileScanner.session(FormatRegistry.scanFormat(for: detection.stream, ansi: detection.ansi),
                                          expectedRecords: estimate)
        }
        return (detection.stream, session, user)
    }

    /// Decides the year of every year-less file: full-dated files first, then header-anchored ones
    /// join the evidence for the rest.
    func resolveYears() {
        let resolver = YearResolver(userYear: options.year,
                                    currentYear: CivilTime.components(Int64(Date().timeIntervalSince1970 * 1000)).year)
        var dated: [ClosedRange<Int64>] = []
        for t in tracked.compactMap({ $0 }) where !t.session.output.yearless && !t.session.output.untimedOnly
            && !t.session.output.timeOfDayOnly {
            if let r = YearResolver.range(t.session.output.index.times) { dated.append(r) }
        }
        let anchoredFirst = tracked.indices.sorted { a, b in
            (tracked[a].map { !$0.session.output.anchors.isEmpty } ?? false) && !(tracked[b].map { !$0.session.output.anchors.isEmpty } ?? false)
        }
        for i in anchoredFirst {
            guard var t = tracked[i], t.session.output.yearless else { continue }
            let d = resolver.decide(scan: t.session.output, file: t.input, dated: dated)
            t.decision = d
            t.yearSource = d.source
            tracked[i] = t
            applyYear(&tracked[i]!)
            if d.source == .headers, let r = YearResolver.range(tracked[i]!.session.output.index.times) { dated.append(r) }
        }
    }

    /// Decides every file's clock and writer from its frames (in parallel), then moves its times onto UTC.
    func resolveClocks() {
        struct Job: Sendable {
            var index: FileIndex, reader: FileReader, stream: StreamKind, untimedOnly: Bool, dateless: Bool, path: String
        }
        let jobs = tracked.map { t in
            t.map { Job(index: $0.session.output.index, reader: $0.reader, stream: $0.stream,
                        untimedOnly: $0.session.output.untimedOnly, dateless: $0.session.output.timeOfDayOnly,
                        path: $0.input.displayPath) }
        }
        let results = Slots<ClockResolver.Result>(count: jobs.count)
        let next = Counter()
        let options = self.options.clock
        DispatchQueue.concurrentPerform(iterations: min(self.options.threads, max(1, jobs.count))) { _ in
            while true {
                let i = Int(next.add(1)) - 1
                guard i < jobs.count else { return }
                guard let j = jobs[i] else { continue }
                results.set(i, ClockResolver.resolve(index: j.index, reader: j.reader, stream: j.stream,
                                                     untimedOnly: j.untimedOnly, dateless: j.dateless, displayPath: j.path,
                                                     options: options))
            }
        }
        for i in self.tracked.indices where self.tracked[i] != nil {
            if let r = results.get(i) { self.tracked[i]!.clock = r }
            applyClock(&self.tracked[i]!)
        }
    }

    /// Moves the records not yet on UTC there (all of them the first time; while following, the new ones,
    /// or a payload-timed file whole, its anchors found again).
    func applyClock(_ t: inout Tracked) {
        let n = t.session.output.index.count
        guard t.clockedCount < n else { return }
        if t.clockedCount > 0, t.clock.decision.basis == .fromPayloads {
            let out = t.session.output
            t.clock = ClockResolver.resolve(index: out.index, reader: t.reader, stream: t.stream, untimedOnly: out.untimedOnly,
                                            dateless: out.timeOfDayOnly, displayPath: t.input.displayPath, options: options.clock)
            t.clockedCount = 0
        }
        var ix = t.session.output.index
        ClockResolver.apply(t.clock, to: &ix, from: t.clockedCount)
        t.session.output.index = ix
        t.clockedCount = n
    }

    /// Moves the records not yet shifted to their decided year (all of them the first time; only
    /// the new ones while following).
    func applyYear(_ t: inout Tracked) {
        guard let d = t.decision, t.session.output.yearless else { return }
        let from = t.shiftedCount
        let n = t.session.output.index.count
        guard from < n else { return }
        var shifted = d
        if from > 0 { shifted.segments = [(0, d.segments.last?.delta ?? 0)] }
        var ix = t.session.output.index
        let lost = YearResolver.apply(shifted, to: &ix, from: from)
        t.session.output.index = ix
        t.session.output.stats.impossibleStamps += lost
        t.session.output.stats.unparsedLines += lost
        t.shiftedCount = n
    }

    func assemble(seconds: Double, stillIndexing: [String] = []) -> LogIndex {
        var diagnostics = bundle.diagnostics + failures
        var indexed: [IndexedFile] = []
        var cacheReport = follow || CacheSalt.build == nil ? nil : options.cache.map { CacheReport(directory: $0.directory) }
        for case let t? in tracked {
            cacheReport?.count(t.cacheOutcome)
            switch t.cacheOutcome {
            case .replaced(let why):
                diagnostics.append(Diagnostic(.info, file: t.input.displayPath, "on-disk index: \(why); read the file again and rewrote it"))
            case .notWritten(let why):
                diagnostics.append(Diagnostic(.info, file: t.input.displayPath, "on-disk index not written: \(why)"))
            default: break
            }
            var out = t.session.output
            if out.yearless, let d = t.decision, d.source == .modificationTime || d.source == .assumed {
                let year = CivilTime.components(out.index.count > 0 ? out.index.times[0] : 0).year
                diagnostics.append(Diagnostic(.warning, file: t.input.displayPath,
                    "stamps carry no year and nothing in the bundle dates them; year \(year) taken from \(d.source)"))
            }
            let clock = t.clock.decision
            if out.timeOfDayOnly && !clock.moved {
                diagnostics.append(Diagnostic(.warning, file: t.input.displayPath,
                    "stamps carry only a time of day and neither a header line nor payload times give the date; placed on 1970-01-01"))
            }
            if out.untimedOnly && out.index.count > 0 && clock.basis == .fromPayloads {
                diagnostics.append(Diagnostic(.info, file: t.input.displayPath,
                    "no line carries a time; times taken from \(clock.evidence) payload time(s) of its frames, lines between interpolated"))
            } else if out.untimedOnly && out.index.count > 0 {
                let when = t.input.modificationTime ?? 0
                out.index.times = out.index.times.mapped { _, _ in when }
                diagnostics.append(Diagnostic(.warning, file: t.input.displayPath,
                    "no line carries a time; all \(out.index.count) lines placed at the file's modification time"))
            }
            diagnostics.append(contentsOf: Indexer.describe(out.stats, file: t.input.displayPath, following: follow))
            diagnostics.append(contentsOf: Indexer.describe(clock, file: t.input.displayPath))
            indexed.append(IndexedFile(id: indexed.count, source: t.input, stream: t.stream, index: out.index,
                                       stats: out.stats, yearSource: out.yearless ? t.yearSource : .ownDates,
                                       clock: clock, role: t.clock.role, reader: t.reader,
                                       userFormat: t.userFormat.map { ($0.name, $0.file) }, cacheOutcome: t.cacheOutcome))
        }
        let index = LogIndex(files: indexed, diagnostics: diagnostics, indexingSeconds: seconds, cache: cacheReport,
                             stillIndexing: stillIndexing)
        lastIndex = index
        return index
    }
}

/// Inode and size of a path, to notice rotation and truncation (zero when it cannot be read).
struct FileIdentity: Equatable {
    var inode: UInt64
    var size: UInt64
    init(path: String) {
        let s = StatIdentity(path: path)
        inode = s?.inode ?? 0
        size = s?.size ?? 0
    }
}

/// Thread-safe result slots.
final class Slots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: T) { lock.lock(); slots[i] = v; lock.unlock() }
    func get(_ i: Int) -> T? { lock.lock(); defer { lock.unlock() }; return slots[i] }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: UInt64 = 0
    @discardableResult
    func add(_ n: UInt64) -> UInt64 { lock.lock(); defer { lock.unlock() }; value += n; return value }
}
