import Foundation
import Testing

/// `chargelog timeline --follow` prints what a growing file gains, and re-reads a rotated one.
@Suite struct FollowTests {
    @Test func followPrintsAppendedLinesAndRotation() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cl-follow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("ocpp.log")
        try "2024-05-01 14:42:14.595 +0000 INFO PipeSession - Pipe Ready\n".write(to: log, atomically: true, encoding: .utf8)

        let p = Process()
        p.executableURL = try Binary.chargelog()
        p.arguments = ["timeline", log.path, "--follow", "--interval", "0.1", "--stop-after", "3"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        Thread.sleep(forTimeInterval: 0.8)
        let h = try FileHandle(forWritingTo: log)
        h.seekToEndOfFile()
        h.write(Data("2024-05-01 14:42:15.764 +0000 INFO WebSocketTransmitter - Received: [3,\"db8\",{}]\n2024-05-01 14:42:16.0".utf8))
        try h.close()
        Thread.sleep(forTimeInterval: 0.6)
        // Rotation: a new file under the same name.
        try FileManager.default.moveItem(at: log, to: dir.appendingPathComponent("ocpp.log.1"))
        try "2024-05-01 15:00:00.000 +0000 INFO PipeSession - after rotation\n".write(to: log, atomically: true, encoding: .utf8)
        p.waitUntilExit()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(out)")
        #expect(lines.first?.hasSuffix("Pipe Ready") == true)
        #expect(lines.dropFirst().first?.contains("Received: [3,\"db8\",{}]") == true)
        // The half-written line never printed; the rotated file's line did.
        #expect(!out.contains("14:42:16.0"))
        #expect(lines.last?.hasSuffix("after rotation") == true)
    }
}

enum Binary {
    /// The `chargelog` built next to the test runner, or `CHARGELOG_BIN`.
    static func chargelog() throws -> URL {
        if let p = ProcessInfo.processInfo.environment["CHARGELOG_BIN"] { return URL(fileURLWithPath: p) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let c = dir.appendingPathComponent("chargelog")
            if FileManager.default.isExecutableFile(atPath: c.path) { return c }
            dir = dir.deletingLastPathComponent()
        }
        let fallback = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/chargelog")
        return fallback
    }
}
