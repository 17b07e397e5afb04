import ArgumentParser
import ChargeLogCore
import ChargeLogText
import Foundation

/// `chargelog timeline`: the merged records, filtered, as text, NDJSON or CSV.
struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the merged timeline of all streams.",
        discussion: """
        NDJSON fields: time (ISO-8601 UTC, ms, Z), stream, file, line (1-based), text.
        Example (the seed notebook's connection filter):
          chargelog timeline BUNDLE --grep 'OCPP_Connection_Fail|OCPP_Connection_Restore' --format csv
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, ndjson, csv }

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var filter: TimelineFilterOptions
    @Option(help: "Output format: text, ndjson or csv.") var format: Format = .text
    @Flag(name: .customLong("no-mask"), help: "Do not mask secrets (Authorization headers, URL passwords, password keys).")
    var noMask = false
    @Flag(help: "Keep reading files that grow, like tail -f (handles rotation and truncation); Ctrl-C stops.")
    var follow = false
    @Option(help: "With --follow: seconds between checks.") var interval: Double = 0.5
    @Option(help: "With --follow: stop after this many seconds (for scripts and tests).") var stopAfter: Double?

    func validate() throws {
        guard interval.isFinite, interval >= 0.01, interval <= 3600 else { throw ValidationError("--interval takes seconds from 0.01 to 3600") }
        if let s = stopAfter, !(s.isFinite && s >= 0) { throw ValidationError("--stop-after takes a number of seconds") }
    }

    func run() throws {
        try bundle.validatePaths()
        let loaded: LoadedBundle
        loaded = try bundle.load()
        defer { loaded.cleanUp() }
        let live = LiveIndexer(loaded, options: try bundle.indexOptions(), follow: follow)
        let zone = try bundle.displayZone()
        let f = try filter.make(zone: zone)
        // The pattern's literal is looked for in the raw bytes while the files are indexed.
        let prescan = f.pattern.flatMap { LiteralPrescan.start(loaded.files.map(\.diskPath), pattern: $0) }
        var index = live.build()
        for d in index.diagnostics where d.severity >= .warning { stderr(d.line) }
        let out = FileOutputStream.stdout
        if format == .csv { out.line("time,stream,file,line,text") }
        print(index, refs: nil, filter: f, zone: zone, out: out, prescan: prescan)
        out.flush()
        guard follow else { return }
        // Records already printed, per file.
        var seen = Dictionary(uniqueKeysWithValues: index.files.map { ($0.source.diskPath, $0.recordCount) })
        let deadline = stopAfter.map { Date().addingTimeInterval($0) }
        while deadline.map({ Date() < $0 }) ?? true {
            Thread.sleep(forTimeInterval: interval)
            guard let next = live.poll() else { continue }
            index = next
            var fresh: [RecordRef] = []
            for file in index.files {
                // A file read again from its start (rotated or truncated) prints all of it.
                let from = live.lastRescanned.contains(file.source.diskPath) ? 0 : seen[file.source.diskPath] ?? 0
                if from < file.recordCount { fresh += (from..<file.recordCount).map { RecordRef(file: file.id, record: $0) } }
                seen[file.source.diskPath] = file.recordCount
            }
            fresh.sort { index.position(of: $0) < index.position(of: $1) }
            print(index, refs: fresh, filter: f, zone: zone, out: out)
            out.flush()
        }
    }

    /// Prints the whole index, or only `refs`.
    func print(_ index: LogIndex, refs: [RecordRef]?, filter f: RecordFilter, zone: DisplayZone, out: FileOutputStream,
               prescan: LiteralPrescan? = nil) {
        if let refs {
            for r in refs { emit(index, index.info(of: r), index.text(of: r), f, zone, out) }
            return
        }
        if let pattern = f.pattern {
            // The records whose text matches, found over the file bytes (`RecordSearch`); the same
            // records the per-record test keeps, in timeline order.
            var rest = f
            rest.pattern = nil
            for p in RecordSearch.matchingPositions(index, pattern, prescan: prescan) {
                let ref = index.ref(at: p)
                let info = index.info(of: ref, position: p)
                guard rest.accepts(info) else { continue }
                emit(index, info, index.text(of: ref), rest, zone, out)
            }
            return
        }
        index.forEach { p, ref in
            // The index-only checks first: no text is read for a record outside the window or streams.
            let info = index.info(of: ref, position: p)
            guard f.accepts(info) else { return }
            emit(index, info, index.text(of: ref), f, zone, out)
        }
    }

    func emit(_ index: LogIndex, _ info: RecordInfo, _ rawText: String, _ f: RecordFilter, _ zone: DisplayZone, _ out: FileOutputStream) {
        guard f.accepts(info), f.accepts(text: rawText) else { return }
        let text = noMask ? rawText : SecretMasker.mask(rawText)
        switch format {
        case .ndjson:
            out.line(TimelineRow.ndjson(info, text: text))
        case .csv:
            out.line(CSVText.row([CivilTime.iso8601(info.time), info.stream.rawValue, info.file, String(info.line), text]))
        case .text:
            out.line(TimelineLine.text(info, text: text, zone: zone))
        }
    }
}

/// Filters shared by the timeline-like subcommands.
struct TimelineFilterOptions: ParsableArguments {
    @Option(help: "Only records at or after this time (e.g. 2024-05-01 or '2024-05-01 14:42'; UTC, or the --display-tz zone, unless it names one).") var since: String?
    @Option(help: "Only records before this time (as --since).") var until: String?
    @Option(help: "Only these streams, comma-separated: \(StreamKind.allCases.map(\.rawValue).joined(separator: ","))")
    var stream: String?
    @Option(help: "Only records whose text matches this regular expression.") var grep: String?

    func make(zone: DisplayZone = .utc) throws -> RecordFilter {
        var f = RecordFilter()
        if let s = since {
            guard let t = zone.parseUserTime(s) else {
                throw CLIError(ChargeLogError.invalidArgument(name: "--since", value: s, expected: "a time like 2024-05-01 14:42").message)
            }
            f.since = t
        }
        if let s = until {
            guard let t = zone.parseUserTime(s) else {
                throw CLIError(ChargeLogError.invalidArgument(name: "--until", value: s, expected: "a time like 2024-05-01 14:42").message)
            }
            f.until = t
        }
        if let s = stream {
            var set = Set<StreamKind>()
            for name in s.split(separator: ",") {
                guard let k = StreamKind(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                    throw CLIError(ChargeLogError.invalidArgument(name: "--stream", value: String(name),
                        expected: StreamKind.allCases.map(\.rawValue).joined(separator: ", ")).message)
                }
                set.insert(k)
            }
            f.streams = set
        }
        if let g = grep {
            do { f.pattern = try TextPattern(g) } catch {
                throw CLIError(ChargeLogError.invalidArgument(name: "--grep", value: g, expected: "a regular expression").message)
            }
        }
        return f
    }
}
