import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The on-disk index: per file the compact columns of its scan, so that re-opening an unchanged bundle
/// reads a few bytes per record instead of every line. One entry per file (`CacheKey`), written whole to a
/// temporary name and renamed; an entry that does not check is ignored, the file read again and the entry
/// rewritten. Bounded: past `maxBytes` the least recently used entries go. `--no-cache` turns it off,
/// `chargelog cache clear` empties it.
public struct IndexCache: Sendable {
    public let directory: String
    /// The most the folder may hold; the least recently used entries are removed past it.
    public var maxBytes: UInt64
    /// Files smaller than this are scanned as fast as an entry is checked, so they are not kept.
    public var minFileBytes: UInt64

    public static let defaultMaxBytes: UInt64 = 1 << 30
    public static let defaultMinFileBytes: UInt64 = 1 << 20
    static let suffix = ".idx"

    public init(directory: String, maxBytes: UInt64 = defaultMaxBytes, minFileBytes: UInt64 = defaultMinFileBytes) {
        self.directory = directory
        self.maxBytes = maxBytes
        self.minFileBytes = minFileBytes
    }

    /// `$XDG_CACHE_HOME/chargelog/index`, else `$HOME/.cache/chargelog/index`; nil when neither is set.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let x = environment["XDG_CACHE_HOME"], x.hasPrefix("/") { return x + "/chargelog/index" }
        if let h = environment["HOME"], !h.isEmpty { return h + "/.cache/chargelog/index" }
        return nil
    }

    /// What a key's slot holds.
    enum Lookup {
        case hit(CachedScanEntry)
        case miss
        /// An entry written for other bytes of the file, or by another build of chargelog.
        case stale
        case damaged(String)
    }

    func load(_ key: CacheKey) -> Lookup {
        let path = directory + "/" + key.slot
        guard let reader = try? FileReader(path: path) else { return .miss }
        let size = reader.currentSize
        guard size <= UInt64(Int.max) else { return .damaged("too large") }
        let bytes = reader.read(0 ..< size)
        guard UInt64(bytes.count) == size else { return .damaged("could not be read whole") }
        switch ScanCodec.decode(bytes, key: key.text) {
        case .entry(let e):
            // Its modification time is its last use: trimming removes the least recently used first.
            _ = utimes(path, nil)
            return .hit(e)
        case .stale: return .stale
        case .damaged(let why): return .damaged(why)
        }
    }

    /// Writes an entry; returns why it could not be written, if it could not.
    func store(_ entry: CachedScanEntry, key: CacheKey) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return "cannot create \(directory): \(error.localizedDescription)"
        }
        let bytes = ScanCodec.encode(entry, key: key.text)
        guard UInt64(bytes.count) <= maxBytes else {
            return "its entry (\(NumberText.bytes(UInt64(bytes.count)))) is larger than the whole cache may be (\(NumberText.bytes(maxBytes)))"
        }
        let final = directory + "/" + key.slot
        let temporary = final + ".tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        do throws(ChargeLogError) {
            let w = try FileWriter(path: temporary)
            try w.write(bytes)
            w.close()
        } catch {
            unlink(temporary)
            return error.message
        }
        guard rename(temporary, final) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot rename into \(directory): \(why)"
        }
        return nil
    }

    /// The entries, with their size and last use (ms).
    func entries() -> [(path: String, bytes: UInt64, used: Int64)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.compactMap { name in
            guard name.hasSuffix(Self.suffix) || name.contains(Self.suffix + ".tmp-") else { return nil }
            let path = directory + "/" + name
            guard let id = StatIdentity(path: path) else { return nil }
            return (path, id.size, id.modified / 1_000_000)
        }
    }

    /// Removes the least recently used entries until the folder holds at most `maxBytes`
    /// (and temporary files a crashed writer left, once they are an hour old).
    func trim(now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) {
        var all = entries()
        for e in all where e.path.contains(".tmp-") && now - e.used > 3_600_000 { unlink(e.path) }
        all.removeAll { $0.path.contains(".tmp-") }
        var total = all.reduce(UInt64(0)) { $0 + $1.bytes }
        guard total > maxBytes else { return }
        for e in all.sorted(by: { $0.used < $1.used }) {
            guard total > maxBytes else { break }
            if unlink(e.path) == 0 { total -= e.bytes }
        }
    }

    /// Entries and bytes held now.
    public func usage() -> (entries: Int, bytes: UInt64) {
        let all = entries().filter { !$0.path.contains(".tmp-") }
        return (all.count, all.reduce(0) { $0 + $1.bytes })
    }

    /// Removes every entry; returns how many and how many bytes.
    public func clear() throws(ChargeLogError) -> (entries: Int, bytes: UInt64) {
        var removed = 0
        var bytes: UInt64 = 0
        for e in entries() {
            guard unlink(e.path) == 0 || errno == ENOENT else {
                throw .unreadable(path: e.path, reason: "cannot remove: \(String(cString: strerror(errno)))")
            }
            removed += 1
            bytes += e.bytes
        }
        return (removed, bytes)
    }
}
