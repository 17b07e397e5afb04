import Foundation
import Testing

/// How the viewer ends when it is told to, or when its terminal goes away, on the debug build and on the
/// release build users run (the release viewer once ignored every signal and spun on a dead terminal).
@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux is not installed: end-to-end viewer tests skipped"))
struct ViewerSignalTests {
    static let binaries = E2EBundle.shippedBinaries

    @Test func releaseBuildIsTestedUnderCI() {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(E2EBundle.releaseBinary != nil, "CI must test the release binary: build it with swift build -c release")
        }
    }

    /// The viewer on the small bundle in a tmux terminal, its first rows on screen; the work folder it may make
    /// goes to a private TMPDIR so the test can see it removed.
    /// `prefix`: shell commands before the viewer starts.
    func open(_ bin: String, prefix: String = "") throws -> (TmuxSession, root: URL, tmp: URL) {
        let dir = try E2EBundle.write()
        let root = dir.deletingLastPathComponent()
        let tmp = root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let t = try TmuxSession("\(prefix)\(TmuxSession.quote(bin)) \(TmuxSession.quote(dir.path))", cols: 80, rows: 24,
                                env: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TMPDIR": tmp.path])
        try t.wait(forText: "Front connector choose authorize")
        return (t, root, tmp)
    }

    func waitUntilGone(_ pid: Int32, within seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if kill(pid, 0) != 0 && errno == ESRCH { return true }
            // Ended but not yet reaped (a container's first process may never reap it): a zombie.
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
               let close = stat.lastIndex(of: ")"), stat[close...].dropFirst(2).first == "Z" { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    @Test(arguments: binaries, [(SIGTERM, 143), (SIGHUP, 129), (SIGINT, 130)])
    func signalEndsTheViewerAndRestoresTheTerminal(_ bin: String, _ signal: (Int32, Int)) throws {
        let (t, root, tmp) = try open(bin)
        defer { t.kill(); try? FileManager.default.removeItem(at: root) }
        let pid = try #require(try t.childPid())
        let sent = Date()
        #expect(kill(pid, signal.0) == 0)
        try t.wait(forText: "EXIT=\(signal.1)", timeout: 2)
        #expect(Date().timeIntervalSince(sent) < 2)
        #expect(try t.value("#{alternate_on}") == "0")
        #expect(try t.value("#{cursor_flag}") == "1")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    }

    @Test(arguments: binaries)
    func ctrlCQuits(_ bin: String) throws {
        // Ctrl-C signals the terminal's whole foreground group; the test's shell catches it (a caught
        // signal is reset for the viewer it starts) so it lives on to print how the viewer ended.
        let (t, root, _) = try open(bin, prefix: "trap 'true' INT; ")
        defer { t.kill(); try? FileManager.default.removeItem(at: root) }
        try t.keys("C-c")
        try t.wait(forText: "EXIT=130", timeout: 2)
        #expect(try t.value("#{alternate_on}") == "0")
    }

    /// `tmux kill-server` takes the terminal away, as a dropped SSH session does: the viewer ends within
    /// 2 s instead of spinning on a dead input. SIGHUP is ignored here (as under `nohup`), so the viewer has
    /// to notice the lost terminal itself.
    @Test(arguments: binaries, [false, true])
    func lostTerminalEndsTheViewer(_ bin: String, ignoringHangup: Bool) throws {
        let dir = try E2EBundle.write()
        let root = dir.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        let pidFile = root.appendingPathComponent("viewer.pid").path
        let trap = ignoringHangup ? "trap '' HUP; " : ""
        let t = try TmuxSession("\(trap)echo $$ > \(TmuxSession.quote(pidFile)); exec \(TmuxSession.quote(bin)) \(TmuxSession.quote(dir.path))",
                                cols: 80, rows: 24, env: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
        defer { t.kill() }
        try t.wait(forText: "Front connector choose authorize")
        let text = try String(contentsOfFile: pidFile, encoding: .utf8)
        let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        t.kill()
        #expect(waitUntilGone(pid, within: 2), "the viewer still runs 2 s after its terminal went away")
        if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
    }
}
