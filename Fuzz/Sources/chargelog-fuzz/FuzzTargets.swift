import Foundation
@testable import ChargeLogCore

/// One fuzz target: a name and what it does with an input.
struct FuzzTarget: Sendable {
    var name: String
    var run: @Sendable ([UInt8]) -> Void
}

enum FuzzTargets {
    static let all: [FuzzTarget] = formatTargets + [
        FuzzTarget(name: "detector", run: detector),
        FuzzTarget(name: "frames", run: frames),
        FuzzTarget(name: "json", run: json),
        FuzzTarget(name: "chargepilot-row", run: chargePilotRow),
        FuzzTarget(name: "ocmf", run: ocmf),
        FuzzTarget(name: "gzip", run: gzip),
        FuzzTarget(name: "zip", run: zip),
        FuzzTarget(name: "zip-salvage", run: zipSalvage),
        FuzzTarget(name: "year-resolver", run: yearResolver),
        FuzzTarget(name: "stamps", run: stamps),
        FuzzTarget(name: "pipeline", run: pipeline),
        FuzzTarget(name: "index-entry", run: indexEntry),
    ]

    /// `format-<stream>`: every line through the format's `classify`, then each record's lines through
    /// `recordText`, as the scanner and the viewer do.
    static let formatTargets: [FuzzTarget] = (FormatRegistry.all + [PlainTextFormat.self]).map { f in
        FuzzTarget(name: "format-\(f.stream.rawValue)") { bytes in formatRun(f, bytes) }
    }

    static func formatRun<F: LineFormat>(_: F.Type, _ bytes: [UInt8]) {
        var parser = F()
        var record: [ArraySlice<UInt8>] = []
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        _ = F.score(Array(lines.prefix(64)))
        for line in lines {
            let v = line.withUnsafeBufferPointer { parser.classify($0) }
            if v.kind == .continuation && !record.isEmpty {
                record.append(line)
            } else {
                if !record.isEmpty { _ = F.recordText(record) }
                record = [line]
            }
        }
        if !record.isEmpty { _ = F.recordText(record) }
    }

    static func detector(_ bytes: [UInt8]) {
        let names = ["A23C2706768VMainProcess.log", "A23C2706768Vocpp.log", "ccu.log", "x.csv", "tonly.log", ""]
        _ = FormatDetector.detect(sample: bytes, nameHint: names[Int(bytes.first ?? 0) % names.count])
    }

    /// Every carrier: the input as a record of each stream that can hold frames, and the notes the
    /// detail pane makes of each frame.
    static func frames(_ bytes: [UInt8]) {
        for stream in StreamKind.allCases where FrameExtractor.canHoldFrames(stream) {
            for f in FrameExtractor.frames(in: bytes, stream: stream) {
                _ = CodeAnnotations.lines(for: f)
                if let p = f.payload, let a = f.action { _ = OCPPValidator.validate(action: a, request: true, payload: p) }
            }
        }
    }

    /// The JSON parser, the printer, the fingerprint, and what reads numbers out of payloads.
    static func json(_ bytes: [UInt8]) {
        let parsed = JSONParser.parse(bytes)
        payloadDigest(bytes, parsed)
        guard case .success(let v) = parsed else { return }
        _ = JSONPrinter.compact(v)
        _ = JSONFingerprint.pair(v, dropping: "connectorId")
        _ = MeterValueReader.read(v["meterValue"] ?? v, path: "meterValue", fallbackTime: 0)
        _ = HeartbeatInterval.milliseconds(v["interval"] ?? v)
        _ = v.intValue
        _ = v.doubleValue
        for action in ["MeterValues", "BootNotification", "StopTransaction", "TransactionEvent"] {
            _ = OCPPValidator.validate(action: action, request: true, payload: v)
            _ = OCPPValidator.validate(action: action, request: false, payload: v)
        }
    }

    /// Where the pipe copies' byte reader (`PayloadDigest.scan`) answers for the whole input, the strict
    /// parser reads it too, to a value of the same digest: else a pipe copy could take a twin's result
    /// the parsed copy would not have.
    static func payloadDigest(_ bytes: [UInt8], _ parsed: Result<JSONValue, JSONParseError>) {
        let scanned = bytes.withUnsafeBufferPointer { b -> UInt64? in
            guard let (d, end) = PayloadDigest.scan(b, from: 0) else { return nil }
            var k = end
            while k < b.count, b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0A || b[k] == 0x0D { k += 1 }
            return k == b.count ? d : nil
        }
        guard let d = scanned else { return }
        guard case .success(let v) = parsed, PayloadDigest.of(v) == d else {
            fatalError("PayloadDigest.scan read what the parser reads otherwise")
        }
    }

    /// The first line as the download's header (or the standard columns), the rest as rows.
    static func chargePilotRow(_ bytes: [UInt8]) {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let columns = lines.first.flatMap { ChargePilotColumns(header: LosslessText.decode(Array($0))) } ?? .standard
        for line in lines.dropFirst() {
            for f in line.withUnsafeBufferPointer({ ChargePilotRow.frames($0, columns: columns) }) {
                _ = CodeAnnotations.lines(for: f)
            }
        }
    }

    /// The P-256 public key of the private key 1 (the curve's generator point, SEC 2 §2.4.2): a valid
    /// key, so that verification runs on every document.
    static let ocmfKey = try? OCMFPublicKey(parsing: "3059301306072a8648ce3d020106082a8648ce3d03010703420004"
        + "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"
        + "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5")

    static func ocmf(_ bytes: [UInt8]) {
        guard case .success(let doc) = OCMFDocument.parse(String(decoding: bytes, as: UTF8.self)) else { return }
        for r in doc.readings { _ = (r.kindDescription, r.timeSyncDescription, r.statusDescription, r.isImportRegister) }
        if let key = ocmfKey { _ = OCMFVerifier.verify(doc, key: key) }
    }

    static func gzip(_ bytes: [UInt8]) {
        FuzzFiles.withInput(bytes) { path, work in
            _ = GzipInflater.inflate(diskPath: path, display: "x.log.gz", work: work, limit: FuzzFiles.limit)
        }
    }

    static func zip(_ bytes: [UInt8]) {
        FuzzFiles.withInput(bytes) { path, work in
            _ = ZipExtractor.newestEntryDate(path)
            _ = ZipExtractor.extract(diskPath: path, display: "x.zip", work: work, limit: FuzzFiles.limit) { _ in nil }
        }
    }

    static func zipSalvage(_ bytes: [UInt8]) {
        FuzzFiles.withInput(bytes) { path, work in
            guard let reader = try? FileReader(path: path) else { return }
            _ = ZipSalvager.salvage(reader, display: "x.zip", work: work, limit: FuzzFiles.limit) { _ in nil }
        }
    }

    /// The first 8 bytes choose the year evidence (user year, current year, modification time, a dated
    /// span); the rest is a year-less MainProcess log, scanned, decided and shifted.
    static func yearResolver(_ bytes: [UInt8]) {
        let (head, body) = FuzzFiles.split(bytes, head: 8)
        FuzzFiles.withInput(body) { path, _ in
            guard let reader = try? FileReader(path: path) else { return }
            var scan = FileScanner.scan(MainProcessFormat.self, reader: reader)
            let year = Int(Int16(bitPattern: UInt16(head[0]) << 8 | UInt16(head[1])))
            let resolver = YearResolver(userYear: head[2] & 1 == 0 ? nil : year * 1_000_003, currentYear: 1900 + Int(head[3]) * 2)
            let mtime = Int64(Int32(bitPattern: UInt32(head[4]) << 24 | UInt32(head[5]) << 16 | UInt32(head[6]) << 8 | UInt32(head[7]))) * 100_000
            let file = InputFile(displayPath: "m.log", diskPath: path, modificationTime: head[2] & 2 == 0 ? nil : mtime, size: UInt64(body.count))
            let dated: [ClosedRange<Int64>] = head[2] & 4 == 0 ? [] : [min(mtime, 0)...max(mtime, 0)]
            let d = resolver.decide(scan: scan, file: file, dated: dated)
            YearResolver.apply(d, to: &scan.index)
            scan.index.times.forEach { _, t in _ = CivilTime.iso8601(t) }
        }
    }

    /// The stamp parsers on their own, with the time printed back.
    static func stamps(_ bytes: [UInt8]) {
        let s = bytes[...]
        if let r = ISOStamp.parse(s) { _ = CivilTime.iso8601(r.ms) }
        if let r = YearlessStamp.parse(s) { _ = CivilTime.display(r.ms) }
        _ = YearlessStamp.parseBracketed(s)
        _ = ImpossibleStamp.starts(s)
        _ = OCPPTime.parse(String(decoding: bytes, as: UTF8.self))
        _ = CivilTime.parseUserTime(String(decoding: bytes, as: UTF8.self))
    }

    /// The whole program on one file: load (plain, gz or zip by its bytes), index, analyse, diagnose,
    /// summarise, and the stats report. The first byte picks the file's name (a detection hint).
    static func pipeline(_ bytes: [UInt8]) {
        let names = ["A23C2706768VMainProcess.log", "A23C2706768Vocpp.log", "A23C2706768Vccu.log", "ocpp-log.csv", "tonly.log",
                     "A23C2706768Vfault.log", "A23C2706768Vupdate.log", "module.log"]
        let name = names[Int(bytes.first ?? 0) % names.count]
        FuzzFiles.withInput(Array(bytes.dropFirst()), name: name) { path, _ in
            guard let bundle = try? BundleLoader.load(paths: [path], inflateLimit: FuzzFiles.limit) else { return }
            defer { bundle.cleanUp() }
            let index = Indexer.build(bundle, options: IndexOptions(threads: 1))
            _ = StatsReport(index: index, loadDiagnostics: bundle.diagnostics).json()
            let analysis = OCPPAnalysis.build(index, threads: 1)
            // The proxy's pipe copies taken from their twins say what parsing every copy says.
            if let d = AnalysisAnswers.difference(analysis, OCPPAnalysis.build(index, threads: 1, pipeShortcut: false)) {
                fatalError("the pipe-copy shortcut differs from the plain scan: \(d)")
            }
            let findings = FindingRules.findings(analysis)
            let summary = BundleSummary.build(analysis)
            _ = summary.text()
            _ = summary.json()
            for f in findings { _ = FindingText.duration(f.durationMs ?? 0) }
            for i in 0..<min(index.count, 200) { _ = index.text(at: i); _ = CivilTime.iso8601(index.time(at: i)) }
        }
    }
}

extension FuzzTargets {
    /// The on-disk index entry: the input (after its first 4 bytes) scanned as a MainProcess log, its
    /// entry decoded back exactly; then the entry with the input's bytes written over it at the offset the
    /// first 4 bytes name, its checksum made valid again so the decoder's own checks are reached. Whatever
    /// it accepts is read through every accessor the index has.
    static func indexEntry(_ bytes: [UInt8]) {
        let (head, body) = FuzzFiles.split(bytes, head: 4)
        FuzzFiles.withInput(body) { path, _ in
            guard let reader = try? FileReader(path: path) else { return }
            let scan = FileScanner.scan(MainProcessFormat.self, reader: reader)
            let entry = CachedScanEntry(stream: .mainprocess, userFormat: nil, output: scan)
            var encoded = ScanCodec.encode(entry, key: "fuzz")
            guard case .entry(let back) = ScanCodec.decode(encoded, key: "fuzz"),
                  back.output.index.times.array == scan.index.times.array,
                  back.output.stats == scan.stats else { fatalError("an entry did not decode to what was encoded") }
            // Overwrite part of the entry (checksum aside) with the input and make the checksum fit.
            let at = Int(UInt32(head[0]) << 24 | UInt32(head[1]) << 16 | UInt32(head[2]) << 8 | UInt32(head[3]))
            let room = encoded.count - 4
            guard room > 0 else { return }
            let start = at % room
            for (k, b) in body.prefix(64).enumerated() where start + k < room { encoded[start + k] = b }
            let crc = Checksum.crc32(Array(encoded[..<room]))
            withUnsafeBytes(of: crc.littleEndian) { encoded.replaceSubrange(room..., with: $0) }
            guard case .entry(let e) = ScanCodec.decode(encoded, key: "fuzz") else { return }
            let ix = e.output.index
            for i in 0..<ix.count {
                _ = (ix.byteRange(i), ix.time(i), ix.flags(i), ix.level(i), ix.lineNumber(i), ix.lineCount(i))
            }
            _ = ix.times.array
        }
    }
}

/// The per-process scratch file the file-based targets read, and their work folder.
enum FuzzFiles {
    /// Inflation is bounded small so that an iteration stays fast.
    static let limit = InflateLimit(bytes: 4 << 20)
    static let dir: String = {
        let d = FileManager.default.temporaryDirectory.path + "/chargelog-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()

    /// The input's first `n` bytes (zero-padded) as choices, the rest as the file.
    static func split(_ bytes: [UInt8], head n: Int) -> (head: [UInt8], body: [UInt8]) {
        var head = Array(bytes.prefix(n))
        head += [UInt8](repeating: 0, count: n - head.count)
        return (head, Array(bytes.dropFirst(n)))
    }

    static func withInput(_ bytes: [UInt8], name: String = "input", _ body: (String, WorkDirectory) -> Void) {
        let path = dir + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let work = WorkDirectory()
        body(path, work)
        if let w = work.path { WorkFolders.shared.remove(w) }
        try? FileManager.default.removeItem(atPath: path)
    }
}
