import ChargeLogUI
import Foundation
import Testing

/// Text snapshots of rendered screens, stored in `Tests/ChargeLogUITests/Snapshots/NAME.txt`.
/// A test run never writes a snapshot: a missing one fails. Recording is the explicit command
/// `scripts/record-snapshots.sh` (it sets `CHARGELOG_RECORD_SNAPSHOTS=1`), and it is refused
/// under `CI=true`, so a snapshot is always a file someone looked at and committed.
enum Snapshot {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Snapshots")
    }

    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var recording: Bool { environment["CHARGELOG_RECORD_SNAPSHOTS"] == "1" }
    static var underCI: Bool { ["true", "1"].contains(environment["CI"]?.lowercased() ?? "") }

    /// `transform` replaces what differs between runs (a temporary path) before comparing.
    static func assert(_ grid: CellGrid, _ name: String, transform: (String) -> String = { $0 },
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = transform(grid.text()) + "\n"
        let url = directory.appendingPathComponent(name + ".txt")
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if recording {
            guard !underCI else {
                Issue.record("snapshot \(name): recording is refused under CI=true", sourceLocation: sourceLocation)
                return
            }
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected else {
            Issue.record("snapshot \(name) does not exist (Tests/ChargeLogUITests/Snapshots/\(name).txt); record it with scripts/record-snapshots.sh, read it, and commit it",
                         sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : "") != (i < a.count ? a[i] : "") {
            diff.append("row \(i)\n  expected: \(i < e.count ? e[i] : "")\n  actual:   \(i < a.count ? a[i] : "")")
        }
        let shown: String = Array(diff.prefix(8)).joined(separator: "\n")
        Issue.record("snapshot \(name) differs (scripts/record-snapshots.sh re-records):\n\(shown)", sourceLocation: sourceLocation)
    }
}
