/// The reading order of the files of one folder or archive: by path, with the rotated halves of a log
/// grouped at the log's own place and ordered oldest first. This order is the tie-break of the merged
/// timeline, so it depends on names only (byte order, no locale).
///
/// Recognised rotations of `X.log` (a trailing `.gz` is ignored for grouping):
/// - `X.log.N` (1 to 3 digits, logrotate): higher N is older, so `X.log.2`, `X.log.1`, then `X.log`;
///   `X.log.0` counts as newer than `.1`.
/// - `X_N.log` (Sungrow: `A23C2706768VMainProcess_0.log` is the older half of `A23C2706768VMainProcess.log`),
///   only when `X.log` (or `X.log.gz`) is in the same folder; higher N is older.
/// Other names (dated names such as `ocpp-2024-05-01.log` included) sort by name, which is oldest first.
enum RotationOrder {
    struct Key: Comparable {
        /// Path of the log the file belongs to, as bytes.
        var group: [UInt8]
        /// 0 for the live file, higher for older rotations.
        var age: Int
        /// The full path, to order anything left.
        var path: [UInt8]

        static func < (a: Key, b: Key) -> Bool {
            if a.group != b.group { return a.group.lexicographicallyPrecedes(b.group) }
            if a.age != b.age { return a.age > b.age }
            return a.path.lexicographicallyPrecedes(b.path)
        }
    }

    /// The indices of `paths` (relative, `/`-separated) in reading order.
    static func order(_ paths: [String]) -> [Int] {
        let stripped = Set(paths.map(stripGz))
        let keys = paths.map { key($0, siblings: stripped) }
        return paths.indices.sorted { keys[$0] < keys[$1] }
    }

    static func key(_ path: String, siblings: Set<String>) -> Key {
        let plain = stripGz(path)
        let (folder, name) = DuplicateDownloads.split(plain)
        let prefix = folder.isEmpty ? "" : folder + "/"
        if let (base, n) = dotNumber(name) {
            return Key(group: Array((prefix + base).utf8), age: n + 1, path: Array(path.utf8))
        }
        if let (base, n) = underscoreNumber(name), siblings.contains(prefix + base) {
            return Key(group: Array((prefix + base).utf8), age: n + 1, path: Array(path.utf8))
        }
        return Key(group: Array(plain.utf8), age: 0, path: Array(path.utf8))
    }

    static func stripGz(_ path: String) -> String {
        path.lowercased().hasSuffix(".gz") ? String(path.dropLast(3)) : path
    }

    /// `X.log.2` → (`X.log`, 2).
    static func dotNumber(_ name: String) -> (String, Int)? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let digits = name[name.index(after: dot)...]
        guard (1...3).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        let base = String(name[..<dot])
        // `X.log.2`, not `2.5` or `v1.2`: the base must itself have an extension that is not a number.
        guard let baseDot = base.lastIndex(of: "."), base.index(after: baseDot) < base.endIndex,
              !base[base.index(after: baseDot)...].allSatisfy({ $0.isNumber }) else { return nil }
        return (base, n)
    }

    /// `X_0.log` → (`X.log`, 0).
    static func underscoreNumber(_ name: String) -> (String, Int)? {
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        let stem = name[..<dot], ext = name[dot...]
        guard let underscore = stem.lastIndex(of: "_"), underscore != stem.startIndex else { return nil }
        let digits = stem[stem.index(after: underscore)...]
        guard (1...3).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        return (String(stem[..<underscore]) + String(ext), n)
    }
}
