import ChargeLogUI
import Foundation
import Testing

/// Text snapshots of rendered screens, stored in `Tests/ChargeLogUITests/Snapshots/NAME.txt`.
/// `CHARGELOG_RECORD_SNAPSHOTS=1 swift test` re-records them; a missing snapshot is recorded and
/// the test fails once, so a new snapshot is always looked at.
enum Snapshot {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Snapshots")
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["CHARGELOG_RECORD_SNAPSHOTS"] == "1" }

    /// `transform` replaces what differs between runs (a temporary path) before comparing.
    static func assert(_ grid: CellGrid, _ name: String, transform: (String) -> String = { $0 },
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = transform(grid.text()) + "\n"
        let url = directory.appendingPathComponent(name + ".txt")
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if recording || expected == nil {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if expected == nil && !recording {
                Issue.record("snapshot \(name) did not exist; recorded it, check it and run again", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected, expected != actual else { return }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : "") != (i < a.count ? a[i] : "") {
            diff.append("row \(i)\n  expected: \(i < e.count ? e[i] : "")\n  actual:   \(i < a.count ? a[i] : "")")
        }
        let shown: String = Array(diff.prefix(8)).joined(separator: "\n")
        Issue.record("snapshot \(name) differs (CHARGELOG_RECORD_SNAPSHOTS=1 re-records):\n\(shown)", sourceLocation: sourceLocation)
    }
}
