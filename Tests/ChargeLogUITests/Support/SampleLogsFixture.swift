import ChargeLogCore
@testable import ChargeLogUI
import Foundation
import TestSupport

/// A viewer model on one of the repository's `SampleLogs`, analysed by the real OCPP engine and
/// diagnostics (what `SampleLogs/README.md` describes is what the tests expect).
struct SampleLogsFixture {
    let loaded: LoadedBundle
    let index: LogIndex
    let model: ViewerModel

    static var folder: URL { PackagePaths.sampleLogs }

    init(_ name: String = "IDC180E-A23C2706768", rows: Int = 24, cols: Int = 80,
         options: IndexOptions = IndexOptions(threads: 1)) throws {
        loaded = try BundleLoader.load(paths: [Self.folder.appendingPathComponent(name).path])
        index = Indexer.build(loaded, options: options)
        model = ViewerModel(rows: rows, cols: cols, bundleName: name)
        model.attach(index: index, insights: PlainInsights(index: index))
        model.replaceInsights(OCPPInsights(analysis: OCPPAnalysis.build(index)))
        model.message = nil
        model.finishPendingWork()
    }

    @discardableResult
    func press(_ keys: Key...) -> [ViewerEffect] {
        var effects: [ViewerEffect] = []
        for k in keys {
            effects += model.handle(k)
            model.finishPendingWork()
        }
        return effects
    }

    func type(_ text: String) { for k in Key.typing(text) { press(k) } }

    var cursorText: String { model.cursorPosition.map { index.text(at: $0) } ?? "" }

    func position(containing s: String) -> Int? { (0..<index.count).first { index.text(at: $0).contains(s) } }

    func remove() { loaded.cleanUp() }
}
