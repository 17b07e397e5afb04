import Foundation
import Testing
import TestSupport

/// `--format-file` through the built binary: a wallbox log shape no built-in format reads opens with
/// its times; a broken format file is named on stderr-free `stats` output and the log still opens.
@Suite("chargelog --format-file")
struct FormatFileCLITests {
    static let log = """
        05.01.2024 10:00:00.123 <I> ocpp: TX [2,"1","Heartbeat",{}]
        05.01.2024 10:00:00.456 <I> ocpp: RX [3,"1",{"currentTime":"2024-01-05T10:00:00.400Z"}]
        05.01.2024 10:00:06.000 <E> relay: stuck

        """

    /// The README's example format file.
    static let format = #"""
        { "wallbox_log": {
            "regex": { "std": { "pattern": "^(?<timestamp>\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}) <(?<level>[EWID])> (?<module>\\w+): (?<body>.*)$" } },
            "timestamp-format": ["%d.%m.%Y %H:%M:%S.%L"],
            "level": { "error": "E", "warning": "W", "info": "I", "debug": "D" } } }
        """#

    func folder(_ files: [String: String]) throws -> String {
        let dir = NSTemporaryDirectory() + "chargelog-fmt-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    @Test("a format file makes a new shape open with its times and its exchange")
    func formatFileOpensTheLog() throws {
        let logs = try folder(["wallbox.log": Self.log])
        let formats = try folder(["wallbox.json": Self.format, "broken.json": "{ \"x\": "])
        defer { try? FileManager.default.removeItem(atPath: logs); try? FileManager.default.removeItem(atPath: formats) }
        let (timeline, status) = try OCPPCLITests.run(["timeline", logs, "--format", "ndjson", "--format-file", formats + "/wallbox.json"])
        #expect(status == 0)
        let times = try JSONOracle.lines(timeline).compactMap { $0["time"] as? String }
        #expect(times == ["2024-01-05T10:00:00.123Z", "2024-01-05T10:00:00.456Z", "2024-01-05T10:00:06.000Z"])
        let (exchanges, _) = try OCPPCLITests.run(["exchanges", logs, "--format", "ndjson", "--format-file", formats + "/wallbox.json"])
        let x = try JSONOracle.lines(exchanges).first ?? [:]
        #expect(x["action"] as? String == "Heartbeat" && x["latencyMs"] as? Int == 333)
        let (stats, statsStatus) = try OCPPCLITests.run(["stats", logs, "--format-file", formats + "/broken.json",
                                                         "--format-file", formats + "/wallbox.json"])
        #expect(statsStatus == 0)
        #expect(stats.contains("format wallbox_log (format file \(formats)/wallbox.json)"))
        #expect(stats.contains("error: \(formats)/broken.json: format file not used: not valid JSON"))
    }
}
