/// A folder downloaded twice from the charger portal arrives as `2168Vqt.zip`, `2168Vqt (1).zip`,
/// `2168Vqt(2).zip`: the same stream. Within one folder, only the newest copy is kept; the others are
/// reported. Newest: by modification time; when those lie within two seconds of each other (a fresh
/// git checkout or a copy tool that resets times), by the newest date inside the copy (zip entry
/// dates), then by the highest copy number (the later download).
enum DuplicateDownloads {
    struct Copy {
        /// The name without the copy number: `2168Vqt.zip`.
        var original: String
        /// 0 for the name without a number.
        var number: Int
    }

    /// `2168Vqt (1).zip` → (`2168Vqt.zip`, 1); `A.log.gz` → (`A.log.gz`, 0). The number must come
    /// right before the extension(s), optionally after one space.
    static func parse(_ name: String) -> Copy {
        // The regex costs about 80 µs a name; most names have no `(n)` at all (a zip of 20,000 entries).
        guard name.utf8.contains(UInt8(ascii: "(")),
              let m = name.wholeMatch(of: /(.+?) ?\(([0-9]{1,4})\)((?:\.[^.\s()]+)*)/), let n = Int(m.2) else {
            return Copy(original: name, number: 0)
        }
        return Copy(original: String(m.1) + String(m.3), number: n)
    }

    /// One decision per input item, in input order: kept, or skipped in favour of another item.
    enum Decision: Equatable { case keep, skip(keptIndex: Int) }

    /// `items`: relative paths (`/`-separated) and modification times. Copies are only compared within
    /// the same folder.
    static func decide(_ items: [(path: String, modificationTime: Int64?)],
                       contentDate: (Int) -> Int64? = { _ in nil }) -> [Decision] {
        var groups: [String: [Int]] = [:]
        for (i, item) in items.enumerated() {
            let (folder, name) = split(item.path)
            groups[folder + "/" + parse(name).original, default: []].append(i)
        }
        var decisions = Array(repeating: Decision.keep, count: items.count)
        for members in groups.values where members.count > 1 {
            let newest = members.max { a, b in
                let ta = items[a].modificationTime ?? .min, tb = items[b].modificationTime ?? .min
                if ta != tb && (ta == .min || tb == .min || abs(ta - tb) > 2000) { return ta < tb }
                let ca = contentDate(a) ?? .min, cb = contentDate(b) ?? .min
                if ca != cb { return ca < cb }
                let na = parse(split(items[a].path).name).number, nb = parse(split(items[b].path).name).number
                if na != nb { return na < nb }
                return items[a].path > items[b].path
            }!
            for m in members where m != newest { decisions[m] = .skip(keptIndex: newest) }
        }
        return decisions
    }

    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }
}
