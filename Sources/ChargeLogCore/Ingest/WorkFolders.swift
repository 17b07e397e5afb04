import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The work folders of this process that still exist, so that every exit path can remove them:
/// the normal end (`LoadedBundle.cleanUp`), a signal or a closed output pipe (`removeAll`, safe to call
/// from any thread, any number of times; not from inside a signal handler: call it from the thread
/// that handles the signal). A folder left by a process that died (a crash, `kill -9`) carries that
/// process's id in its name and is removed by the next run's `removeStale`.
public final class WorkFolders: @unchecked Sendable {
    public static let shared = WorkFolders()
    /// `chargelog-<pid>-XXXXXX`.
    static let prefix = "chargelog-"

    private let lock = NSLock()
    private var live: Set<String> = []
    private var staleChecked = false

    /// Folders currently registered (for tests and diagnostics).
    public var paths: Set<String> {
        lock.lock(); defer { lock.unlock() }
        return live
    }

    func add(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        live.insert(path)
    }

    /// Removes one folder and forgets it.
    func remove(_ path: String) {
        lock.lock()
        live.remove(path)
        lock.unlock()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Removes every registered folder of this process.
    public static func removeAll() {
        for p in shared.paths { shared.remove(p) }
    }

    /// Once per process: removes `chargelog-<pid>-*` folders in `base` whose process no longer runs and
    /// that belong to this user. A folder of a running process (or of another user) is left alone.
    static func removeStale(in base: String) {
        shared.lock.lock()
        let done = shared.staleChecked
        shared.staleChecked = true
        shared.lock.unlock()
        if !done { removeStaleNow(in: base) }
    }

    /// The removal itself; returns the folders removed.
    @discardableResult
    static func removeStaleNow(in base: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return [] }
        var removed: [String] = []
        for name in names {
            guard let pid = ownerPid(name), pid != getpid(), !isRunning(pid) else { continue }
            let path = base + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR, st.st_uid == getuid() else { continue }
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
        }
        return removed
    }

    /// The process id in a work folder's name (`chargelog-4711-a8Xk2p` → 4711); nil for other names.
    static func ownerPid(_ name: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        let rest = name.dropFirst(prefix.count)
        guard let dash = rest.firstIndex(of: "-") else { return nil }
        let digits = rest[..<dash]
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              rest.index(after: dash) < rest.endIndex, let n = Int32(digits), n > 0 else { return nil }
        return n
    }

    /// `kill(pid, 0)`: no such process is the only answer that means dead (EPERM: it runs, as another user).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }
}
