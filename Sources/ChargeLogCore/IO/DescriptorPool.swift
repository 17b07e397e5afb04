import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Holds the open descriptors of every `FileReader`, at most `capacity` at a time: a reader's file is
/// opened when it is read and stays open while there is room; past the bound the descriptor used
/// least recently (and not being read right now) is closed, and opened again by path when needed.
/// So a bundle of any number of files indexes under a small `ulimit -n` (256) instead of losing the
/// files past the limit.
///
/// A file opened again must be the same file (device and inode as at the first open): one replaced
/// under its name while closed reads as unreadable (`ESTALE`), never as another file's bytes.
final class DescriptorPool: @unchecked Sendable {
    struct Identity: Equatable { var device: UInt64, inode: UInt64 }
    /// Why `open(2)` failed.
    struct OpenFailure: Error { var errno: Int32 }

    private struct Entry {
        var path: String
        var identity: Identity?
        var fd: Int32 = -1
        var inUse = 0
        var lastUse: UInt64 = 0
    }

    static let shared = DescriptorPool(capacity: defaultCapacity())

    /// Half of what the soft descriptor limit leaves after 64 for everything else (archives, the
    /// terminal, pipes), between 8 and 1,024.
    static func defaultCapacity() -> Int {
        var limit = rlimit()
        guard getrlimit(descriptorLimit, &limit) == 0 else { return 64 }
        // An unlimited soft limit reads as a huge number and ends at the upper bound.
        let soft = Int64(clamping: UInt64(limit.rlim_cur))
        return Int(min(1024, max(8, (soft - 64) / 2)))
    }

    /// `RLIMIT_NOFILE` as `getrlimit` takes it (an enum on Glibc, an Int32 macro on Darwin).
    static var descriptorLimit: Int32 {
        #if canImport(Glibc)
        Int32(RLIMIT_NOFILE.rawValue)
        #else
        RLIMIT_NOFILE
        #endif
    }

    let capacity: Int
    private let lock = NSLock()
    private var entries: [Int: Entry] = [:]
    private var nextKey = 0
    private var tick: UInt64 = 0
    private(set) var openCount = 0

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Registers a file and opens it once (so that an unreadable file fails where it is named).
    /// Returns its key, or the `errno` of the failed open.
    func register(path: String) -> Result<Int, OpenFailure> {
        lock.lock()
        defer { lock.unlock() }
        let key = nextKey
        nextKey += 1
        entries[key] = Entry(path: path)
        let fd = openLocked(key)
        if fd < 0 {
            let e = errno
            entries[key] = nil
            return .failure(OpenFailure(errno: e))
        }
        entries[key]!.inUse -= 1
        return .success(key)
    }

    /// The descriptor of `key`, held open until `release(key)`; -1 (with `errno` set) when it cannot be opened.
    func acquire(_ key: Int) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        return openLocked(key)
    }

    func release(_ key: Int) {
        lock.lock()
        if entries[key] != nil { entries[key]!.inUse -= 1 }
        lock.unlock()
    }

    /// Closes `key`'s descriptor for good (its reader is gone).
    func forget(_ key: Int) {
        lock.lock()
        if let e = entries.removeValue(forKey: key), e.fd >= 0 {
            close(e.fd)
            openCount -= 1
        }
        lock.unlock()
    }

    /// Runs `body` with `key`'s open descriptor; nil when the file cannot be opened.
    func with<T>(_ key: Int, _ body: (Int32) -> T) -> T? {
        let fd = acquire(key)
        guard fd >= 0 else { return nil }
        defer { release(key) }
        return body(fd)
    }

    private func openLocked(_ key: Int) -> Int32 {
        guard var e = entries[key] else { errno = EBADF; return -1 }
        tick += 1
        e.lastUse = tick
        if e.fd < 0 {
            if openCount >= capacity { evictLocked(keeping: key) }
            var fd = open(e.path, O_RDONLY | O_CLOEXEC)
            if fd < 0, errno == EMFILE || errno == ENFILE {
                // Other parts of the process hold descriptors too: make room and try once more.
                evictLocked(keeping: key, all: true)
                fd = open(e.path, O_RDONLY | O_CLOEXEC)
            }
            guard fd >= 0 else { return -1 }
            var st = stat()
            let now = fstat(fd, &st) == 0 ? Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)) : nil
            if let was = e.identity, let now, was != now {
                close(fd)
                errno = ESTALE
                return -1
            }
            e.identity = e.identity ?? now
            e.fd = fd
            openCount += 1
        }
        e.inUse += 1
        entries[key] = e
        return e.fd
    }

    /// Closes the least recently used idle descriptor (or, with `all`, every idle one).
    private func evictLocked(keeping key: Int, all: Bool = false) {
        if all {
            for (k, e) in entries where k != key && e.fd >= 0 && e.inUse == 0 {
                close(e.fd)
                entries[k]!.fd = -1
                openCount -= 1
            }
            return
        }
        var victim: Int?
        var oldest = UInt64.max
        for (k, e) in entries where k != key && e.fd >= 0 && e.inUse == 0 && e.lastUse < oldest {
            victim = k
            oldest = e.lastUse
        }
        guard let v = victim else { return }
        close(entries[v]!.fd)
        entries[v]!.fd = -1
        openCount -= 1
    }
}
