import ArgumentParser
import ChargeLogCore

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

    func run() throws {
        let (loaded, index) = try bundle.open()
        defer { loaded.cleanUp() }
        let f = try filter.make()
        let out = FileOutputStream.stdout
        if format == .csv { out.line("time,stream,file,line,text") }
        index.forEach { p, ref in
            let info = index.info(of: ref, position: p)
            guard f.accepts(info) else { return }
            var text = index.text(of: ref)
            guard f.accepts(text: text) else { return }
            if !noMask { text = SecretMasker.mask(text) }
            switch format {
            case .ndjson:
                out.line(TimelineRow.ndjson(info, text: text))
            case .csv:
                out.line(CSVText.row([CivilTime.iso8601(info.time), info.stream.rawValue, info.file, String(info.line), text]))
            case .text:
                out.line(TimelineRow.text(info, text: text))
            }
        }
        out.flush()
    }
}

/// Filters shared by the timeline-like subcommands.
struct TimelineFilterOptions: ParsableArguments {
    @Option(help: "Only records at or after this time (e.g. 2024-05-01 or '2024-05-01 14:42', UTC).") var since: String?
    @Option(help: "Only records before this time (UTC).") var until: String?
    @Option(help: "Only these streams, comma-separated: \(StreamKind.allCases.map(\.rawValue).joined(separator: ","))")
    var stream: String?
    @Option(help: "Only records whose text matches this regular expression.") var grep: String?

    func make() throws -> RecordFilter {
        var f = RecordFilter()
        if let s = since {
            guard let t = CivilTime.parseUserTime(s) else {
                throw CLIError(ChargeLogError.invalidArgument(name: "--since", value: s, expected: "a time like 2024-05-01 14:42").message)
            }
            f.since = t
        }
        if let s = until {
            guard let t = CivilTime.parseUserTime(s) else {
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
