import ArgumentParser
import ChargeLogCore
import ChargeLogUI
import Foundation

/// `chargelog bench-follow` (hidden, for `Benchmarks/run.sh`): follow mode on a bundle the benchmark
/// copied. Appends a block of the largest file's own last lines to it (it changes the files: never
/// run on the only copy), then times what the viewer does: the poll that reads the new bytes, the
/// screen model refreshed and drawn, and the OCPP analysis of the grown bundle as the viewer runs it
/// (with the scan memo of the analysis before the append), beside a full pass for comparison.
struct BenchFollow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-follow", abstract: "Measure follow mode (benchmark helper; appends to the files).", shouldDisplay: false)

    @OptionGroup var bundle: BundleOptions
    @Option(help: "Bytes to append to the largest file.") var append = 1 << 20

    func run() throws {
        try bundle.validatePaths()
        let loaded = try bundle.load()
        defer { loaded.cleanUp() }
        let live = LiveIndexer(loaded, options: try bundle.indexOptions(), follow: true)
        let index = live.build()
        let model = ViewerModel(rows: 50, cols: 200, bundleName: "bench")
        model.attach(index: index, insights: PlainInsights(index: index))
        _ = model.startFollowing()
        _ = model.render()
        let memo = ScanMemo()
        _ = OCPPAnalysis.build(index, memo: memo)
        guard let largest = loaded.files.max(by: { $0.size < $1.size }) else { throw CLIError("no files") }
        // The file's last `append` bytes, from a line start: lines of the same format.
        let reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: largest.diskPath))
        let size = try reader.seekToEnd()
        try reader.seek(toOffset: size > UInt64(append) ? size - UInt64(append) : 0)
        var block = [UInt8](try reader.readToEnd() ?? Data())
        try reader.close()
        if let nl = block.firstIndex(of: 0x0A), size > UInt64(append) { block.removeFirst(nl + 1) }
        let writer = try FileHandle(forWritingTo: URL(fileURLWithPath: largest.diskPath))
        try writer.seekToEnd()
        try writer.write(contentsOf: Data(block))
        try writer.close()

        let t0 = Date()
        guard let grown = live.poll() else { throw CLIError("the appended bytes were not seen") }
        let polled = Date().timeIntervalSince(t0)
        model.refresh(index: grown, insights: PlainInsights(index: grown))
        _ = model.render()
        let screen = Date().timeIntervalSince(t0)
        let t1 = Date()
        let analysis = OCPPAnalysis.build(grown, memo: memo)
        let analysed = Date().timeIntervalSince(t1)
        let use = memo.lastUse
        let t3 = Date()
        _ = OCPPInsights.diagnosed(analysis)
        let diagnosed = Date().timeIntervalSince(t3)
        let t2 = Date()
        let full = OCPPAnalysis.build(grown)
        let fullSeconds = Date().timeIntervalSince(t2)
        guard full.messages.count == analysis.messages.count, full.exchanges.count == analysis.exchanges.count,
              full.transactions.map(\.transactionId) == analysis.transactions.map(\.transactionId) else {
            throw CLIError("the follow analysis differs from a full pass")
        }
        print("appended_bytes \(block.count)")
        print("records \(index.count) -> \(grown.count)")
        print("follow_poll_ms \(String(format: "%.1f", polled * 1000))")
        print("follow_screen_ms \(String(format: "%.1f", screen * 1000))")
        print("follow_analysis_s \(String(format: "%.3f", analysed)) (\(use.scanned) ranges scanned, \(use.reused) from the memo: \(analysis.messages.count) messages; steps: \(analysis.phases.description))")
        print("follow_insights_s \(String(format: "%.3f", diagnosed)) (findings, scenarios and problems of the grown bundle)")
        print("full_analysis_s \(String(format: "%.3f", fullSeconds))")
    }
}
