import ChargeLogUI
import Foundation
import Testing

/// The snapshot helper is an oracle only if a test run cannot write it: a missing snapshot fails
/// and nothing is written (recording is `scripts/record-snapshots.sh`, refused under `CI=true`).
@Suite struct SnapshotPolicyTests {
    @Test func aMissingSnapshotFailsAndIsNotWritten() throws {
        guard !Snapshot.recording else { return }
        let name = "no-such-snapshot-\(UUID().uuidString)"
        var grid = CellGrid(rows: 1, cols: 10)
        grid.write("hello", row: 0, col: 0)
        withKnownIssue { Snapshot.assert(grid, name) }
        let url = Snapshot.directory.appendingPathComponent(name + ".txt")
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func aDifferingSnapshotFails() throws {
        guard !Snapshot.recording else { return }
        // An existing snapshot (recorded and reviewed by hand) against a grid that says something else.
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: Snapshot.directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted().first).replacingOccurrences(of: ".txt", with: "")
        var grid = CellGrid(rows: 1, cols: 10)
        grid.write("not it", row: 0, col: 0)
        withKnownIssue { Snapshot.assert(grid, name) }
    }

    @Test func theRecordingScriptIsRefusedUnderCI() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/record-snapshots.sh")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [script.path]
        var env = ProcessInfo.processInfo.environment
        env["CI"] = "true"
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 2)
        #expect(message.contains("refused under CI=true"))
    }
}
