import Foundation
import Testing
@testable import ChargeLogCore
import TestSupport

/// User-defined formats: an lnav-style format file makes a log shape chargelog does not know open
/// with its times and levels; a broken file is named with its problem and the rest still opens.
@Suite struct FormatFileTests {
    /// A wallbox controller's log in a shape no built-in format reads (day-first dates, one-letter levels).
    static let log = """
        05.01.2024 10:00:00.123 <I> ocpp: TX [2,"1","Heartbeat",{}]
        05.01.2024 10:00:00.456 <I> ocpp: RX [3,"1",{"currentTime":"2024-01-05T10:00:00.400Z"}]
        05.01.2024 10:00:05.000 <W> meter: reading late
          retry 1 of 3
        05.01.2024 10:00:06.000 <E> relay: stuck

        """

    static let format = #"""
        {
          "$schema": "https://lnav.org/schemas/format-v1.schema.json",
          "wallbox_log": {
            "title": "Wallbox controller log",
            "regex": {
              "std": { "pattern": "^(?<timestamp>\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}) <(?<level>[EWID])> (?<module_name>\\w+): (?<body>.*)$" }
            },
            "timestamp-format": ["%d.%m.%Y %H:%M:%S.%L"],
            "level": { "error": "E", "warning": "W", "info": "I", "debug": "D" },
            "value": { "module_name": { "kind": "string", "identifier": true } },
            "sample": [ { "line": "05.01.2024 10:00:00.123 <I> ocpp: TX [2,\"1\",\"Heartbeat\",{}]", "level": "info" } ]
          }
        }
        """#

    /// A folder outside the bundle holding format files.
    func formatFolder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chargelog-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    func index(_ bundle: TempBundle, files: [String] = [], directory: String? = nil) throws -> LogIndex {
        var o = IndexOptions(threads: 1)
        o.formatFiles = files
        o.formatDirectory = directory
        return Indexer.build(try BundleLoader.load(paths: [bundle.dir.path]), options: o)
    }

    @Test func unknownShapeOpensWithItsTimesAndLevels() throws {
        let b = try TempBundle(["wallbox.log": Self.log])
        let formats = try formatFolder(["wallbox.json": Self.format])
        defer { b.remove(); try? FileManager.default.removeItem(at: formats) }

        // Without the format file only the frames are recognised, and no line has a time.
        let before = try #require(try index(b).file(named: "wallbox.log"))
        #expect(before.stream == .frames)
        #expect((0..<before.recordCount).allSatisfy { before.index.flags($0).contains(.inferredTime) })

        let ix = try index(b, files: [formats.appendingPathComponent("wallbox.json").path])
        let f = try #require(ix.file(named: "wallbox.log"))
        #expect(f.stream == .custom && f.formatName == "wallbox_log" && f.formatFile?.hasSuffix("wallbox.json") == true)
        #expect(f.recordCount == 4)   // the indented line continues the third record
        #expect((0..<4).map { CivilTime.iso8601(f.index.time($0)) }
                == ["2024-01-05T10:00:00.123Z", "2024-01-05T10:00:00.456Z", "2024-01-05T10:00:05.000Z", "2024-01-05T10:00:06.000Z"])
        #expect((0..<4).map { f.index.level($0) } == [.info, .info, .warn, .error])
        #expect(f.text(2) == "05.01.2024 10:00:05.000 <W> meter: reading late\n  retry 1 of 3")
        // OCPP frames in the body, with the TX / RX way.
        let frames = (0..<2).flatMap { FrameExtractor.frames(of: f, record: $0) }
        #expect(frames.map(\.type) == [.call, .callResult] && frames.map(\.hint) == [.sent, .received])
        // The lnav `value` key is accepted and said to be unused.
        #expect(ix.diagnostics.contains { $0.severity == .info && $0.message.contains("not used by chargelog: value") })
        // stats names the format and its file.
        let stats = StatsReport(index: ix, loadDiagnostics: []).text()
        #expect(stats.contains("format wallbox_log (format file "))
    }

    @Test func formatFolderIsReadAndXDGDecidesWhereItIs() throws {
        let b = try TempBundle(["wallbox.log": Self.log])
        let config = try formatFolder(["chargelog/formats/vendors/wallbox.json": Self.format])
        defer { b.remove(); try? FileManager.default.removeItem(at: config) }
        let dir = FormatFiles.defaultDirectory(environment: ["XDG_CONFIG_HOME": config.path, "HOME": "/nonexistent"])
        #expect(dir == config.path + "/chargelog/formats")
        #expect(FormatFiles.defaultDirectory(environment: ["HOME": "/home/tech"]) == "/home/tech/.config/chargelog/formats")
        let ix = try index(b, directory: dir)
        #expect(ix.file(named: "wallbox.log")?.formatName == "wallbox_log")
    }

    @Test func brokenFormatFilesAreNamedAndTheRestStillOpens() throws {
        let b = try TempBundle(["wallbox.log": Self.log, "proxy.log": "2024-04-27 12:41:12.903 +0000 INFO PipeSession - Pipe Ready\n"])
        let formats = try formatFolder([
            "badjson.json": "{ \"x\": { \"regex\": ",
            "mixed.json": #"""
                {
                  "no_stamp": { "regex": { "std": { "pattern": "^(?<ts>\\S+) (?<body>.*)$" } } },
                  "typo": { "regx": { "std": { "pattern": "^(?<timestamp>\\S+)" } } },
                  "bad_regex": { "regex": { "std": { "pattern": "^(?<timestamp>[0-9+ (.*)$" } } },
                  "bad_sample": { "regex": { "std": { "pattern": "^(?<timestamp>\\d+) (?<body>.*)$" } },
                                  "sample": [ { "line": "not a number first" } ] },
                  "bad_stamp_format": { "regex": { "std": { "pattern": "^(?<timestamp>\\d+) (?<body>.*)$" } },
                                        "timestamp-format": ["%Y-%Q"] },
                  "wallbox_log": \#(Self.format.components(separatedBy: "\"wallbox_log\":")[1].dropLast(2))
                }
                """#,
        ])
        defer { b.remove(); try? FileManager.default.removeItem(at: formats) }
        let missing = formats.appendingPathComponent("missing.json").path
        let ix = try index(b, files: [formats.appendingPathComponent("badjson.json").path, missing,
                                      formats.appendingPathComponent("mixed.json").path])
        let errors = ix.diagnostics.filter { $0.severity == .error }
        func error(_ file: String, _ text: String) -> Bool {
            errors.contains { $0.file.hasSuffix(file) && $0.message.contains(text) }
        }
        #expect(error("badjson.json", "format file not used: not valid JSON") && error("badjson.json", "line 1, column"))
        #expect(error("missing.json", "no such file"))
        #expect(error("mixed.json", "format 'no_stamp' not used: pattern 'std' has no (?<timestamp>…) group"))
        #expect(error("mixed.json", "format 'typo' not used: unknown key 'regx'"))
        #expect(error("mixed.json", "format 'bad_regex' not used: pattern 'std' is not a valid regular expression"))
        #expect(error("mixed.json", "format 'bad_sample' not used: sample 1 does not match"))
        #expect(error("mixed.json", "format 'bad_stamp_format' not used: timestamp-format '%Y-%Q'") && error("mixed.json", "%Q"))
        #expect(errors.count == 7)
        // The good format of the same file, and the other files of the bundle, still work.
        #expect(ix.file(named: "wallbox.log")?.formatName == "wallbox_log")
        #expect(ix.file(named: "proxy.log")?.stream == .ocpp)
        let stats = StatsReport(index: ix, loadDiagnostics: []).text()
        #expect(stats.contains("mixed.json: format 'typo' not used: unknown key 'regx'"))
    }

    @Test func userFormatWinsATieAndFilePatternRestrictsIt() throws {
        // A format file written for the Home Assistant shape wins over the built-in one on a tie…
        let ha = #"""
            { "my_ha": { "regex": { "std": { "pattern": "^(?P<timestamp>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}) (?P<level>[A-Z]+) \\((?P<thread>[^)]+)\\) \\[(?P<logger>[^\\]]+)\\] (?P<body>.*)$" } },
                         "file-pattern": "home-assistant" } }
            """#
        let (formats, notes) = FormatFile.parse(Array(ha.utf8), path: "my_ha.json")
        #expect(notes.isEmpty && formats.count == 1)
        let sample = Array("2026-02-16 18:06:46.507 INFO (MainThread) [ocpp] 129.168.1.4:9000: send [3,\"6\",{}]\n".utf8)
        let hit = FormatDetector.detect(sample: sample, nameHint: "config/home-assistant.log", userFormats: formats)
        #expect(hit.stream == .custom && hit.userFormat == "my_ha")
        // … and only on files its `file-pattern` names.
        #expect(FormatDetector.detect(sample: sample, nameHint: "debug.log", userFormats: formats).stream == .homeassistant)
    }

    @Test func timestampFormats() throws {
        func parse(_ f: String, _ s: String) throws -> TimestampPattern.Parsed? { try TimestampPattern(f).parse(Array(s.utf8)) }
        #expect(try parse("%d.%m.%Y %H:%M:%S.%L", "05.01.2024 10:00:00.123")?.ms == ms("2024-01-05T10:00:00.123Z"))
        #expect(try parse("%d/%b/%Y:%H:%M:%S %z", "05/Jan/2024:10:00:00 +0100")?.ms == ms("2024-01-05T09:00:00Z"))
        #expect(try parse("%Y-%m-%dT%H:%M:%S.%f%z", "2024-01-05T10:00:00.123456Z")?.ms == ms("2024-01-05T10:00:00.123Z"))
        #expect(try parse("%m/%d/%Y %I:%M:%S %p", "01/05/2024 01:30:00 PM")?.ms == ms("2024-01-05T13:30:00Z"))
        #expect(try parse("%s.%L", "1704448800.250")?.ms == ms("2024-01-05T10:00:00.250Z"))
        #expect(try parse("%i", "1704448800123")?.ms == ms("2024-01-05T10:00:00.123Z"))
        let syslog = try #require(try parse("%b %e %H:%M:%S", "Jan  5 10:00:00"))
        #expect(syslog.yearless && CivilTime.iso8601(syslog.ms) == "2000-01-05T10:00:00.000Z")
        let clock = try #require(try parse("%H:%M:%S", "10:00:01"))
        #expect(clock.timeOfDayOnly && clock.ms == 36_001_000)
        #expect(try parse("%d.%m.%Y %H:%M:%S", "5.1.2024 10:00:00 trailing") == nil)
        #expect(throws: ChargeLogError.self) { try TimestampPattern("%Y-%m-%d") }   // no time in it
        #expect(throws: ChargeLogError.self) { try TimestampPattern("%H:%M:%Q") }   // unknown directive
        // Without a timestamp-format: ISO, syslog, a time of day, epoch.
        #expect(TimestampPattern.parseAny(Array("2024-01-05 10:00:00,5".utf8))?.ms == ms("2024-01-05T10:00:00.500Z"))
        #expect(TimestampPattern.parseAny(Array("Jan 15 10:00:00".utf8))?.yearless == true)
        #expect(TimestampPattern.parseAny(Array("1704448800".utf8))?.ms == ms("2024-01-05T10:00:00Z"))
    }

    @Test func namedGroupsAreRenamedForICU() {
        let (p, names) = NamedGroups.rewrite(#"^(?<c_ip>\S+) (?P<timestamp>[^\]]+) (?<=x)(?<!y)[(?<no>)] \(?<not>"#)
        #expect(names == ["c_ip": "g0", "timestamp": "g1"])
        #expect(p == #"^(?<g0>\S+) (?<g1>[^\]]+) (?<=x)(?<!y)[(?<no>)] \(?<not>"#)
    }
}
