import ChargeLogCore
import Foundation

extension ViewerModel {
    /// The rows `:write` and `c` take: the marked ones, or else every row the filter shows.
    func rowsToSave() -> (refs: [RecordRef], what: String) {
        guard let index, let t = timeline else { return ([], "") }
        if !marks.isEmpty {
            return (marks.sorted { index.position(of: $0) < index.position(of: $1) }, "marked")
        }
        return ((0..<t.count).map { index.ref(at: t.position(ofRow: $0)) }, filter.isEmpty ? "" : "filtered")
    }

    /// `:write PATH`: the marked (or filtered) rows to a file — `.csv` as the ChargePilot OCPP-log
    /// download, `.ndjson` as `chargelog export --format ndjson`, anything else as the raw lines;
    /// secrets masked as in the exports. The status line says how many rows went where.
    func writeRows(to rawPath: String) {
        let path = (rawPath.trimmingCharacters(in: .whitespaces) as NSString).expandingTildeInPath
        guard !path.isEmpty else {
            say(ChargeLogError.invalidArgument(name: ":write", value: "", expected: "a file path (.csv, .ndjson or any other name for raw lines)").message, error: true)
            return
        }
        if let t = timeline, !t.isComplete, marks.isEmpty {
            say("the filter is still scanning: :write again when it is done", error: true)
            return
        }
        let (refs, what) = rowsToSave()
        guard let index, !refs.isEmpty else { say("no rows to write", error: true); return }
        let ext = (path as NSString).pathExtension.lowercased()
        var lines: [String] = []
        let shape: String
        if ext == "csv" || ext == "ndjson" {
            guard let analysis = (insights as? OCPPInsights)?.analysis else {
                say("writing .\(ext) needs the OCPP analysis, not ready yet; another name writes the raw lines", error: true)
                return
            }
            var selected = Set(refs)
            // A proxied message is one exported row; either hop's copy selects it.
            for r in refs { if let h = analysis.hopCopy(of: r) { selected.insert(h) } }
            var filter = RecordFilter()
            filter.records = selected
            if ext == "csv" {
                ChargePilotCSV.write(analysis, filter: filter) { lines.append($0) }
                shape = "ChargePilot CSV, \(max(0, lines.count - 1)) OCPP message row(s)"
            } else {
                RecordNDJSON.write(analysis, filter: filter) { lines.append($0) }
                shape = "NDJSON, \(lines.count) document(s)"
            }
        } else {
            lines = refs.map { SecretMasker.mask(index.text(of: $0)) }
            shape = "raw lines"
        }
        var body = lines.joined(separator: ext == "csv" ? "\r\n" : "\n")
        if !lines.isEmpty { body += ext == "csv" ? "\r\n" : "\n" }
        let folder = (path as NSString).deletingLastPathComponent
        var isDir: ObjCBool = false
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) || !isDir.boolValue {
            say(ChargeLogError.cannotWrite(path: path, reason: "no folder \(folder)").message, error: true)
            return
        }
        do {
            try Data(body.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            say(ChargeLogError.cannotWrite(path: path, reason: error.localizedDescription).message, error: true)
            return
        }
        let rows = "\(refs.count) \(what.isEmpty ? "" : what + " ")row(s)"
        say("wrote \(rows) to \(path) (\(shape), secrets masked)")
    }

    /// Why the OSC 52 copy may not arrive, from the terminal's name and whether tmux sits between.
    static func clipboardCaveat(_ env: [String: String]) -> String? {
        let term = env["TERM"] ?? ""
        if env["TMUX"] != nil {
            return "inside tmux the copy arrives only with `set -g set-clipboard on`"
        }
        if term.isEmpty || ["dumb", "vt100", "vt220", "linux", "ansi"].contains(term) || term.hasPrefix("screen") {
            return "TERM=\(term.isEmpty ? "(unset)" : term) may not support OSC 52"
        }
        return nil
    }
}
