/// The `stats` report: per file format, records, time range, year source, what was skipped and why;
/// per OCPP connection the version taken and its evidence.
public struct StatsReport: Sendable {
    public let index: LogIndex
    public let loadDiagnostics: [Diagnostic]
    /// Per connection (log, channel) the OCPP version and what it was decided from.
    public var ocppVersions: [(connection: OCPPConnection, inference: OCPPVersionInference)] = []
    /// Set when the versions were not worked out (the OCPP logs are too large for `stats` to analyse):
    /// their size in bytes.
    public var ocppVersionsSkippedBytes: UInt64? = nil

    /// Up to this many bytes of OCPP-carrying files, `stats` runs the OCPP analysis to name each
    /// connection's version; beyond it, indexing alone stays the cost of `stats`.
    public static let versionInferenceLimit: UInt64 = 100_000_000

    /// The bytes of the files that may carry OCPP frames.
    public static func ocppBytes(_ index: LogIndex) -> UInt64 {
        index.files.filter { FrameExtractor.canHoldFrames($0.stream) }.reduce(0) { $0 + $1.source.size }
    }

    public init(index: LogIndex, loadDiagnostics: [Diagnostic]) {
        self.index = index
        self.loadDiagnostics = loadDiagnostics
    }

    var totalBytes: UInt64 { index.files.reduce(0) { $0 + $1.source.size } }

    /// The diagnostics grouped once: per indexed file (in their order), and the rest (skipped files,
    /// bundle notes). One pass, so a zip of 20,000 entries does not filter all messages per file.
    func grouped() -> (byFile: [String: [Diagnostic]], others: [Diagnostic]) {
        let fileNames = Set(index.files.map(\.displayPath))
        var byFile: [String: [Diagnostic]] = [:]
        var others: [Diagnostic] = []
        for d in index.diagnostics {
            if fileNames.contains(d.file) { byFile[d.file, default: []].append(d) } else { others.append(d) }
        }
        return (byFile, others)
    }

    public func text() -> String {
        var out = ""
        let (byFile, others) = grouped()
        for f in index.files {
            let range = f.timeRange.map { "\(CivilTime.display($0.lowerBound, millis: false)) .. \(CivilTime.display($0.upperBound, millis: false))" } ?? "no records"
            out += "\(f.displayPath)\n"
            out += "  format \(f.formatName)\(f.formatFile.map { " (format file \($0))" } ?? ""), \(f.recordCount) records, \(f.stats.lines) lines, \(f.source.size) bytes\n"
            out += "  time   \(range) UTC" + (f.stream.carriesYear ? "" : " (year from \(f.yearSource))") + "\n"
            out += "  clock  \(f.clock.summary)" + (f.role.map { ", written by the \($0 == .central ? "central system" : "charger")" } ?? "") + "\n"
            for d in byFile[f.displayPath] ?? [] {
                out += "  \(d.severity.rawValue): \(d.message)\n"
            }
        }
        if !ocppVersions.isEmpty {
            out += "OCPP version per connection:\n"
            for v in ocppVersions { out += "  \(v.inference.summary)  [\(v.connection)]\n" }
        } else if let skipped = ocppVersionsSkippedBytes {
            out += "OCPP version per connection: not worked out for \(format2(Double(skipped) / 1_000_000)) MB of OCPP logs (it takes the whole OCPP analysis); `chargelog summary` and the viewer's files dialog (!) name them\n"
        }
        if !others.isEmpty {
            out += "skipped / notes:\n"
            for d in others { out += "  \(d.line)\n" }
        }
        let mb = Double(totalBytes) / 1_000_000
        let secs = index.indexingSeconds
        let span = index.timeRange.map { "\(CivilTime.display($0.lowerBound, millis: false)) .. \(CivilTime.display($0.upperBound, millis: false)) UTC" } ?? "-"
        out += "total: \(index.files.count) files, \(index.count) records, \(String(format2(mb))) MB, span \(span)\n"
        out += "indexed in \(format3(secs)) s (\(format2(secs > 0 ? mb / secs : 0)) MB/s), index memory \(format2(Double(index.memoryBytes) / 1_000_000)) MB\n"
        if let c = index.cache { out += "on-disk index (\(c.directory)): \(c.summary)\n" }
        return out
    }

    public func json() -> String {
        let (byFile, skipped) = grouped()
        let files = index.files.map { f -> String in
            let diags = byFile[f.displayPath] ?? []
            return JSONText.object([
                ("file", JSONText.quote(f.displayPath)),
                ("format", JSONText.quote(f.formatName)),
                ("records", String(f.recordCount)),
                ("lines", String(f.stats.lines)),
                ("bytes", String(f.source.size)),
                ("first", JSONText.value(f.timeRange.map { CivilTime.iso8601($0.lowerBound) })),
                ("last", JSONText.value(f.timeRange.map { CivilTime.iso8601($0.upperBound) })),
                ("yearSource", JSONText.quote(f.yearSource.description)),
                ("clock", JSONText.quote(f.clock.summary)),
                ("clockOffsetsMs", "[" + f.clock.shifts.map { String($0.offset) }.joined(separator: ",") + "]"),
                ("chargerClockSkewMs", f.clock.chargerSkew.map(String.init) ?? "null"),
                ("writer", JSONText.value(f.role?.rawValue)),
                ("unparsedLines", String(f.stats.unparsedLines)),
                ("outOfOrder", String(f.stats.outOfOrder)),
                ("impossibleStamps", String(f.stats.impossibleStamps)),
                ("messages", "[" + diags.map { JSONText.quote($0.severity.rawValue + ": " + $0.message) }.joined(separator: ",") + "]"),
            ])
        }
        return JSONText.object([
            ("files", "[" + files.joined(separator: ",") + "]"),
            ("skipped", "[" + skipped.map { JSONText.object([("file", JSONText.quote($0.file)), ("severity", JSONText.quote($0.severity.rawValue)), ("message", JSONText.quote($0.message))]) }.joined(separator: ",") + "]"),
            ("ocppVersions", "[" + ocppVersions.map { v in
                JSONText.object([("connection", JSONText.quote(v.connection.description)), ("version", JSONText.quote(v.inference.version)),
                                 ("source", JSONText.quote(v.inference.source.rawValue)), ("evidence", JSONText.quote(v.inference.evidence))])
            }.joined(separator: ",") + "]"),
            ("ocppVersionsNotWorkedOutBytes", ocppVersionsSkippedBytes.map(String.init) ?? "null"),
            ("totalFiles", String(index.files.count)),
            ("totalRecords", String(index.count)),
            ("totalBytes", String(totalBytes)),
            ("indexingSeconds", format3(index.indexingSeconds)),
            ("onDiskIndex", index.cache.map { c in
                JSONText.object([("directory", JSONText.quote(c.directory)), ("read", String(c.read)), ("written", String(c.written)),
                                 ("replaced", String(c.replaced)), ("notWritten", String(c.notWritten)), ("notKept", String(c.notKept))])
            } ?? "null"),
        ])
    }

    func format2(_ d: Double) -> String { fixed(d, 2) }
    func format3(_ d: Double) -> String { fixed(d, 3) }
    func fixed(_ d: Double, _ places: Int) -> String {
        var p = 1.0
        for _ in 0..<places { p *= 10 }
        let v = (d * p).rounded() / p
        var s = String(v)
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if decimals < places { s += String(repeating: "0", count: places - decimals) }
        }
        return s
    }
}
