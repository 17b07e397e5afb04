import Foundation

/// How each given path is named in display paths.
///
/// - One folder given: files are shown relative to it, without the folder's name
///   (`chargelog bundle/` shows `2168Vqt.zip/A23C2706768VMainProcess.log`).
/// - Several paths given: each is prefixed by its own name (`bundleA/2168Vqt.zip/...`,
///   `bundleB/2168Vqt.zip/...`), with parent folders added until the names differ (`a/logs`, `b/logs`).
/// - A file or archive is always shown by its name (`2168Vqt.zip/A23C2706768VMainProcess.log`).
enum InputLabels {
    static func labels(for paths: [String], isFolder: [Bool]) -> [String] {
        let components = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.pathComponents.filter { $0 != "/" } }
        var depth = Array(repeating: 1, count: paths.count)
        func label(_ i: Int) -> String {
            let c = components[i]
            return c.isEmpty ? "/" : c.suffix(depth[i]).joined(separator: "/")
        }
        var labels = paths.indices.map(label)
        while true {
            var seen: [String: [Int]] = [:]
            for (i, l) in labels.enumerated() { seen[l, default: []].append(i) }
            var grew = false
            for group in seen.values where group.count > 1 {
                // Identical paths stay identical; only distinct paths with one name get longer labels.
                guard Set(group.map { components[$0] }).count > 1 else { continue }
                for i in group where depth[i] < components[i].count { depth[i] += 1; grew = true }
            }
            if !grew { break }
            labels = paths.indices.map(label)
        }
        if paths.count == 1 && isFolder[0] { return [""] }
        return labels
    }
}
