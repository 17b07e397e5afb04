import ChargeLogCore
@testable import ChargeLogUI
import Foundation
import Testing

/// The files dialog (`!`) says which files' indexes came from the on-disk index, and what it did.
@Suite struct FilesDialogCacheTests {
    @Test func aReopenedBundleSaysItsIndexWasReadFromDisk() throws {
        let dir = NSTemporaryDirectory() + "chargelog-ui-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = IndexOptions(threads: 1)
        options.cache = IndexCache(directory: dir, minFileBytes: 0)
        let first = try SampleLogsFixture(rows: 200, cols: 160, options: options)
        first.remove()
        let n = first.index.files.count
        first.press(.char("!"))
        let before = first.model.render().text()
        #expect(!before.contains("index read from the on-disk index"))
        #expect(before.contains("on-disk index (\(dir)): \(n) scanned and written"))
        let again = try SampleLogsFixture(rows: 200, cols: 160, options: options)
        defer { again.remove() }
        again.press(.char("!"))
        let text = again.model.render().text()
        #expect(text.components(separatedBy: ", index read from the on-disk index").count - 1 == n)
        #expect(text.contains("on-disk index (\(dir)): \(n) file(s) read from it"))
    }
}
