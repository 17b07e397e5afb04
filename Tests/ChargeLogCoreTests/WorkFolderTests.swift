import Foundation
import Testing
@testable import ChargeLogCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work folders carry the process id, are listed while they exist, and a dead process's folder is
/// removed by the next run.
@Suite struct WorkFolderTests {
    /// The id of a process that has just ended (a finished `true`).
    static func deadPid() throws -> pid_t {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "exit 0"]
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    @Test("the folder is named chargelog-<pid>-XXXXXX and listed until cleanUp")
    func namedAndListed() throws {
        let s = Scratch()
        s.write("b/A23C2706768VMainProcess.log.1.gz", gzip(mainProcessLines(3)))
        let bundle = try BundleLoader.load(paths: [s.path("b")])
        let work = try #require(bundle.workDirectory)
        let name = (work as NSString).lastPathComponent
        #expect(name.hasPrefix("chargelog-\(getpid())-"))
        #expect(WorkFolders.ownerPid(name) == getpid())
        #expect(WorkFolders.shared.paths.contains(work))
        // (`WorkFolders.removeAll()` would also take the folders of tests running in parallel; the
        // end-to-end exit tests use it through the CLI.)
        bundle.cleanUp()
        #expect(!FileManager.default.fileExists(atPath: work))
        #expect(!WorkFolders.shared.paths.contains(work))
        bundle.cleanUp()   // a second removal is harmless
    }

    @Test("a stale folder of a dead process is removed; a live process's, other names and files are kept")
    func staleRemoved() throws {
        let s = Scratch()
        let dead = try Self.deadPid()
        let stale = s.path("chargelog-\(dead)-AbC123")
        let live = s.path("chargelog-\(getpid())-XyZ789")
        let parent = s.path("chargelog-\(getppid())-Parent")
        let test = s.path("chargelog-test-\(UUID().uuidString)")
        let old = s.path("chargelog-a1B2c3")
        for d in [stale, live, parent, test, old] { s.write((d as NSString).lastPathComponent + "/x.log", "x\n") }
        s.write("chargelog-\(dead)-file", "not a folder\n")
        let removed = WorkFolders.removeStaleNow(in: s.root)
        #expect(removed == [stale])
        for d in [live, parent, test, old] { #expect(FileManager.default.fileExists(atPath: d), "\(d)") }
        #expect(FileManager.default.fileExists(atPath: s.path("chargelog-\(dead)-file")))
    }

    @Test("owner pids are read only from chargelog-<digits>-<rest>")
    func ownerPid() {
        #expect(WorkFolders.ownerPid("chargelog-4711-a8Xk2p") == 4711)
        for n in ["chargelog-test-1", "chargelog-a8Xk2p", "chargelog--x", "chargelog-4711-", "chargelog-0-x",
                  "chargelog-99999999999-x", "other-4711-x"] {
            #expect(WorkFolders.ownerPid(n) == nil, "\(n)")
        }
    }
}
