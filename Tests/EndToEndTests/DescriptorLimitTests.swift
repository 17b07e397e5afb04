import Foundation
import Testing

/// A bundle of more files than the descriptor limit allows open at once indexes whole: 1,500 files
/// of 4 lines under `ulimit -n 256` give all 6,000 lines (the count is the test's own plan), on the
/// debug and on the release binary.
@Suite struct DescriptorLimitTests {
    @Test func fifteenHundredFilesUnderUlimit256() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chargelog-fdlimit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("bundle")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let files = 1500, lines = 4
        for f in 0..<files {
            var text = ""
            for l in 0..<lines {
                text += String(format: "2026-03-01T10:%02d:%02d.000Z INFO fdlimit-marker file %d line %d\n", f / 60 % 60, f % 60, f, l)
            }
            try Data(text.utf8).write(to: dir.appendingPathComponent(String(format: "part-%04d.log", f)))
        }
        for binary in E2EBundle.shippedBinaries {
            let (out, errors, status) = try E2EBundle.executeCapturingErrors(
                ["-c", "ulimit -n 256 && exec \"$0\" timeline \"$1\" --grep fdlimit-marker", binary, dir.path],
                binary: "/bin/sh", errorsTo: root.appendingPathComponent("stderr.txt"))
            let shown = out.split(separator: "\n").filter { $0.contains("fdlimit-marker") }
            #expect(status == 0, "\(binary): \(errors.prefix(400))")
            #expect(shown.count == files * lines, "\(binary)")
            #expect(Set(shown.map { $0.split(separator: " ").suffix(4).joined(separator: " ") }).count == files * lines)
            #expect(!errors.contains("Too many open files"), "\(binary)")
        }
    }
}
