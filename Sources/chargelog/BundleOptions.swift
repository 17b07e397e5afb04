import ArgumentParser
import ChargeLogCore

/// Paths and the options every subcommand shares for opening a bundle.
struct BundleOptions: ParsableArguments {
    @Argument(help: "Bundle folders, .zip or .gz archives, or plain log files.")
    var paths: [String] = []

    @Option(help: "Year of year-less stamps (MainProcess, CCU, fault, update), overriding inference.")
    var year: Int?

    @Option(name: .customLong("tz"), help: ArgumentHelp(
        "The zone the logs' stamps are written in, overriding clock inference: +01:00, Europe/Berlin, UTC; FILE=ZONE for one file (repeatable).",
        valueName: "zone"))
    var zones: [String] = []

    @Option(name: .customLong("display-tz"), help: ArgumentHelp(
        "Show times in this zone instead of UTC: local, +02:00, Europe/Berlin (text output and the viewer; JSON and CSV stay UTC).",
        valueName: "zone"))
    var displayTZ: String?

    /// `--display-tz`, UTC when not given.
    func displayZone() throws -> DisplayZone {
        guard let displayTZ else { return .utc }
        do { return try DisplayZone(parsing: displayTZ) } catch { throw CLIError(error.message) }
    }

    @Flag(help: "Take every stamp as written (UTC) instead of inferring local time from the OCPP payload times.")
    var noClockInference = false

    @Option(help: ArgumentHelp("Who wrote a log, when its frames cannot tell: charger or central; FILE=ROLE for one file (repeatable).",
                               valueName: "role"))
    var role: [String] = []

    @Option(name: .customLong("format-file"),
            help: "A user-defined log format (lnav-style JSON); repeatable. Also read: every *.json in $XDG_CONFIG_HOME/chargelog/formats/ (~/.config/chargelog/formats/).")
    var formatFiles: [String] = []

    @Flag(help: "Neither read nor write the on-disk index ($XDG_CACHE_HOME/chargelog/index, ~/.cache/chargelog/index); every file is read again.")
    var noCache = false

    /// The index options these flags give: `--year`, clocks and writers, the format files and the user's format folder.
    func indexOptions() throws -> IndexOptions {
        var o: IndexOptions
        do {
            o = IndexOptions(year: year, clock: ClockOptions(inference: !noClockInference,
                                                             zones: try zones.map(ZoneOverride.init(parsing:)),
                                                             roles: try role.map(RoleOverride.init(parsing:))))
        } catch {
            throw CLIError(error.message)
        }
        o.formatFiles = formatFiles
        o.formatDirectory = FormatFiles.defaultDirectory()
        if !noCache, let dir = IndexCache.defaultDirectory() { o.cache = IndexCache(directory: dir) }
        return o
    }

    @Option(name: .customLong("max-inflate"),
            help: "Most one .gz file or zip entry may inflate to (8G, 500M, bytes); default 20× its compressed size, at least 32 MiB, at most 4 GiB.")
    var maxInflate: String?

    func validate() throws {
        if let year, !CivilTime.years.contains(year) { throw ValidationError("--year must be a year from 1 to 9999") }
        if let maxInflate, InflateLimit.parse(maxInflate) == nil {
            throw ValidationError("--max-inflate takes a size such as 8G, 500M, 64K or a number of bytes (not \"\(maxInflate)\")")
        }
    }

    func validatePaths() throws {
        if paths.isEmpty { throw ValidationError("give at least one bundle folder, archive or log file") }
    }

    var inflateLimit: InflateLimit { maxInflate.flatMap(InflateLimit.parse) ?? .standard }

    /// Opens the paths (inflating archives into the work folder, which every exit path removes).
    func load() throws -> LoadedBundle {
        ExitCleanup.install()
        do { return try BundleLoader.load(paths: paths, inflateLimit: inflateLimit) } catch { throw CLIError(error.message) }
    }

    /// Loads and indexes the bundle; prints diagnostics to stderr when asked.
    func open(printDiagnostics: Bool = true) throws -> (LoadedBundle, LogIndex) {
        try validatePaths()
        let bundle = try load()
        let index = Indexer.build(bundle, options: try indexOptions())
        if printDiagnostics {
            for d in index.diagnostics where d.severity >= .warning { stderr(d.line) }
        }
        if index.isEmpty && index.files.allSatisfy({ $0.recordCount == 0 }) {
            bundle.cleanUp()
            throw CLIError(ChargeLogError.nothingReadable(paths).message)
        }
        return (bundle, index)
    }
}

/// An error message for the user, printed without a stack of types.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

func stderr(_ s: String) {
    var e = StandardError()
    print(s, to: &e)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileOutputStream.stderr.write(string)
    }
}
