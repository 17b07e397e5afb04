import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
import TestSupport
#endif

/// The work folder (`$TMPDIR/chargelog-<pid>-…`, which holds the inflated copies of a bundle's zips)
/// is removed on every exit path of the printing commands: the end of output, a reader that closes
/// the pipe early, and SIGTERM / SIGINT / SIGHUP; a dead process's folder goes at the next start.
/// Each run gets its own TMPDIR so that only its own folders are looked at.
@Suite(.serialized) struct ExitCleanupTests {
    /// A private TMPDIR and the sample bundle (zips, so that a work folder is made).
    struct Run {
        let tmp: URL
        init() throws {
            tmp = FileManager.default.temporaryDirectory.appendingPathComponent("cl-exit-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        }
        var bundle: String { E2EBundle.sampleLogs.appendingPathComponent("IDC180E-A23C2706768").path }
        var workFolders: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []).filter { $0.hasPrefix("chargelog-") }.sorted()
        }
        func process(_ args: [String]) throws -> Process {
            let p = Process()
            p.executableURL = try Binary.chargelog()
            p.arguments = args
            var env = ProcessInfo.processInfo.environment
            env["TMPDIR"] = tmp.path
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            return p
        }
        /// Waits until a work folder exists (the bundle's zips are being inflated).
        func waitForWorkFolder(seconds: Double = 60) -> Bool {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                if !workFolders.isEmpty { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return false
        }
        func remove() { try? FileManager.default.removeItem(at: tmp) }
    }

    @Test("a normal end removes the folder")
    func normalEnd() throws {
        let r = try Run()
        defer { r.remove() }
        let p = try r.process(["stats", r.bundle])
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(r.workFolders.isEmpty)
    }

    @Test("`timeline … | head -1`: SIGPIPE ends it as before (status 141), and the folder is gone")
    func brokenPipe() throws {
        let r = try Run()
        defer { r.remove() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "set -o pipefail; TMPDIR='\(r.tmp.path)' '\(try Binary.chargelog().path)' timeline '\(r.bundle)' | head -1 > /dev/null"]
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 141)
        #expect(r.workFolders.isEmpty, "\(r.workFolders)")
    }

    @Test("SIGTERM, SIGINT and SIGHUP while following: the folder is removed and the process ends by that signal",
          arguments: [SIGTERM, SIGINT, SIGHUP])
    func signals(sig: Int32) throws {
        let r = try Run()
        defer { r.remove() }
        let p = try r.process(["timeline", r.bundle, "--follow", "--interval", "0.2", "--stop-after", "120"])
        try p.run()
        #expect(r.waitForWorkFolder())
        // Past the load: the folder stays until the end.
        Thread.sleep(forTimeInterval: 1.0)
        kill(p.processIdentifier, sig)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(p.terminationStatus == sig)
        #expect(r.workFolders.isEmpty, "\(r.workFolders)")
    }

    @Test("a dead process's folder is removed at the next start; a running one's is kept")
    func staleFolder() throws {
        let r = try Run()
        defer { r.remove() }
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/sh")
        dead.arguments = ["-c", "exit 0"]
        try dead.run()
        dead.waitUntilExit()
        let stale = r.tmp.appendingPathComponent("chargelog-\(dead.processIdentifier)-Stale1")
        let live = r.tmp.appendingPathComponent("chargelog-\(getpid())-Alive1")
        for d in [stale, live] {
            try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
            try Data("7-A23C2706768VMainProcess.log\n".utf8).write(to: d.appendingPathComponent("1-copy.log"))
        }
        let p = try r.process(["stats", r.bundle])
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(r.workFolders == [live.lastPathComponent])
    }
}
