import ChargeLogCore
import Foundation

/// Generates a realistic Sungrow IDC180E bundle of a requested size with known content: in the output
/// folder, the bundle folder `A23C2706768/` holding the folders of an unzipped portal download
/// (`2168Vqt/A23C2706768VMainProcess_0.log`, ...; or their zips), and next to it `manifest.json`
/// listing every planted transaction, OCPP exchange, scenario and problem (`GeneratedManifest`).
/// The manifest stays outside the bundle folder so that opening the bundle reads logs only.
///
/// The first (scripted) day plants every situation of the seed catalogue; the size is then reached
/// by routine days of sessions, heartbeats, status reports, meter values and CCU chatter.
/// Deterministic: the same options give the same bytes.
public enum BundleGenerator {
    /// Stream folders and file names, as the portal names them.
    public static let layout: [(folder: String, file: String, stream: StreamKind)] = [
        ("2168Vqt", "A23C2706768VMainProcess_0.log", .mainprocess),
        ("2168Vqt", "A23C2706768VMainProcess.log", .mainprocess),
        ("2168Vocpp", "A23C2706768Vocpp.log", .ocpp),
        ("2168Vccu", "A23C2706768Vccu.log", .ccu),
        ("2168Vfault", "A23C2706768Vfault.log", .fault),
        ("2168Vupdate", "A23C2706768Vupdate.log", .update),
    ]

    public static let manifestName = "manifest.json"
    /// The bundle folder inside the output folder (the charger's serial, as the seed's notebook names it).
    public static let bundleFolder = ChargerSimulation.serial

    /// Where the bundle (the folder to open) lands inside an output folder.
    public static func bundlePath(in directory: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(bundleFolder).path
    }

    /// Where the manifest lands inside an output folder.
    public static func manifestPath(in directory: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(manifestName).path
    }

    /// Writes the bundle into `directory/A23C2706768` and the manifest into `directory/manifest.json`
    /// (folders created if needed; existing files replaced).
    @discardableResult
    public static func generate(into directory: String, options: GeneratorOptions) throws(ChargeLogError)
        -> GeneratedManifest {
        try run(into: directory, options: options).manifest
    }

    /// `generate`, also returning how many lines had to be clamped to keep a file in time order
    /// (always 0 unless the simulation has a bug; the tests check it).
    static func run(into directory: String, options: GeneratorOptions) throws(ChargeLogError)
        -> (manifest: GeneratedManifest, clampedLines: Int) {
        guard (1...4).contains(options.connectors) else {
            throw .invalidArgument(name: "connectors", value: String(options.connectors), expected: "1 to 4")
        }
        let fm = FileManager.default
        let base = URL(fileURLWithPath: bundlePath(in: directory))
        func path(_ i: Int) -> String { base.appendingPathComponent(layout[i].folder).appendingPathComponent(layout[i].file).path }
        do {
            for entry in layout {
                try fm.createDirectory(at: base.appendingPathComponent(entry.folder), withIntermediateDirectories: true)
            }
        } catch {
            throw .unreadable(path: directory, reason: "cannot create the bundle folders: \(error.localizedDescription)")
        }

        // MainProcess goes into the rotated file first and is split in two halves at the end.
        let logs = ChargerSimulation.Logs(
            ocpp: TimedLog(style: .proxy, sink: try FileSink(path: path(2))),
            main: TimedLog(style: .mainProcess, sink: try FileSink(path: path(0)), keepTimes: true),
            ccu: TimedLog(style: .ccu, sink: try FileSink(path: path(3))),
            fault: TimedLog(style: .bracketed, sink: try FileSink(path: path(4))),
            update: TimedLog(style: .bracketed, sink: try FileSink(path: path(5))))

        let start: Int64
        var minimumEnd = Int64.min
        if options.crossNewYear {
            let year = CivilTime.components(options.startDay).year
            start = CivilTime.millis(year: year, month: 12, day: 31, hour: 20, minute: 10, second: 4, millis: 517)
            minimumEnd = CivilTime.millis(year: year + 1, month: 1, day: 1, hour: 3, minute: 0, second: 0, millis: 0)
        } else {
            start = options.startDay + (5 * 3600 + 58 * 60 + 12) * 1000 + 345
        }
        let sim = ChargerSimulation(options: options, logs: logs, start: start)
        sim.minimumEnd = minimumEnd
        sim.startCatalogue(at: start)
        sim.run()

        // Files, halves of MainProcess, modification times.
        let mainSplit = try splitRotated(older: path(0), newer: path(1), times: logs.main.times)
        let first = logs.all.map(\.firstRecord).min() ?? start
        let last = logs.all.map(\.lastRecord).max() ?? start
        let mtime: Int64
        if options.crossNewYear {
            // Another, later year than any line: only the bundle's own evidence can date the streams.
            let y = CivilTime.components(last).year + 1
            mtime = CivilTime.millis(year: y, month: 3, day: 14, hour: 9, minute: 26, second: 53, millis: 0)
        } else {
            mtime = last - last % 1000 + 9 * 60_000 + 3000
        }
        var files: [GeneratedManifest.File] = []
        let ranges: [(UInt64, Int, Int64, Int64)] = [
            mainSplit.older, mainSplit.newer,
            (logs.ocpp.bytes, logs.ocpp.sink.lines, logs.ocpp.firstRecord, logs.ocpp.lastRecord),
            (logs.ccu.bytes, logs.ccu.sink.lines, logs.ccu.firstRecord, logs.ccu.lastRecord),
            (logs.fault.bytes, logs.fault.sink.lines, logs.fault.firstRecord, logs.fault.lastRecord),
            (logs.update.bytes, logs.update.sink.lines, logs.update.firstRecord, logs.update.lastRecord),
        ]
        for (i, r) in ranges.enumerated() {
            try setModificationTime(path(i), mtime)
            files.append(GeneratedManifest.File(
                path: layout[i].folder + "/" + layout[i].file, stream: layout[i].stream.rawValue, bytes: r.0,
                lines: r.1, first: CivilTime.iso8601(r.2), last: CivilTime.iso8601(r.3),
                modificationTime: CivilTime.iso8601(mtime)))
        }

        let transactions = sim.recorder.finish(heartbeatInterval: sim.heartbeatInterval)
        let manifest = GeneratedManifest(
            formatVersion: GeneratedManifest.formatVersion, options: options, bundleFolder: bundleFolder, serial: ChargerSimulation.serial,
            vendor: ChargerSimulation.vendor, model: ChargerSimulation.model,
            firmware: ["IDC180E-1000_V1.5.2", sim.firmware],
            heartbeatIntervalSeconds: Int(sim.heartbeatInterval / 1000),
            start: CivilTime.iso8601(first), end: CivilTime.iso8601(last), files: files,
            transactions: transactions, scenarios: sim.recorder.scenarios, problems: sim.recorder.problems,
            exchanges: sim.recorder.exchanges)
        try ManifestWriter.write(manifest, to: manifestPath(in: directory))
        if options.zip {
            try BundleZipper.zipFolders(in: base, folders: Array(Set(layout.map(\.folder))).sorted(), mtime: mtime)
        }
        return (manifest, logs.all.reduce(0) { $0 + $1.clamped })
    }

    /// Splits the rotated MainProcess log at the first line end past half its size: the older half
    /// stays in `older` (`..._0.log`), the newer half moves to `newer`. Returns (bytes, lines, first, last) of each.
    static func splitRotated(older: String, newer: String, times: [Int64]) throws(ChargeLogError)
        -> (older: (UInt64, Int, Int64, Int64), newer: (UInt64, Int, Int64, Int64)) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: older)) } catch {
            throw .unreadable(path: older, reason: error.localizedDescription)
        }
        let total = data.count
        var cut = total
        var linesBefore = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            while i < total {
                if b[i] == 0x0A {
                    linesBefore += 1
                    if i + 1 >= total / 2 { cut = i + 1; break }
                }
                i += 1
            }
        }
        do {
            try data[cut...].write(to: URL(fileURLWithPath: newer))
            try data[..<cut].write(to: URL(fileURLWithPath: older))
        } catch {
            throw .unreadable(path: newer, reason: "cannot write: \(error.localizedDescription)")
        }
        let n = times.count
        let k = min(linesBefore, n)
        let olderRange = (UInt64(cut), k, times.first ?? 0, k > 0 ? times[k - 1] : 0)
        let newerRange = (UInt64(total - cut), n - k, k < n ? times[k] : 0, times.last ?? 0)
        return (olderRange, newerRange)
    }

    static func setModificationTime(_ path: String, _ ms: Int64) throws(ChargeLogError) {
        do {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(ms) / 1000)],
                                                  ofItemAtPath: path)
        } catch {
            throw .unreadable(path: path, reason: "cannot set its modification time: \(error.localizedDescription)")
        }
    }
}
