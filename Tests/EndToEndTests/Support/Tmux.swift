import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A headless terminal for end-to-end tests: a detached tmux session on its own server socket,
/// driven with `send-keys` and read with `capture-pane`. Waits poll with a deadline, never sleep blindly.
final class TmuxSession {
    let socket: String
    let name = "e2e"

    static var available: Bool { (try? run(["tmux", "-V"]))?.status == 0 }

    /// Starts `command` (run by `sh -c`) in a `cols`×`rows` terminal. After the command ends, the
    /// pane keeps showing `EXIT=<status>` so a test can see how it ended.
    init(_ command: String, cols: Int = 100, rows: Int = 30, env: [String: String] = [:]) throws {
        socket = "chargelog-e2e-\(UUID().uuidString.prefix(8))"
        let exports = env.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let script = "\(exports.isEmpty ? "" : "export \(exports); ")\(command); echo \"EXIT=$?\"; sleep 600"
        let r = try tmux(["new-session", "-d", "-x", "\(cols)", "-y", "\(rows)", "-s", name, "sh", "-c", script])
        guard r.status == 0 else { throw TmuxError("tmux new-session failed: \(r.output)") }
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func tmux(_ args: [String]) throws -> (status: Int32, output: String) {
        try Self.run(["tmux", "-L", socket, "-f", "/dev/null"] + args)
    }

    /// Runs a command to its end with `posix_spawn` and `waitpid`. Output goes through a file, not a
    /// pipe: a tmux server started by the command keeps the client's descriptors open.
    static func run(_ args: [String]) throws -> (status: Int32, output: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chargelog-e2e-out-\(UUID().uuidString)").path
        defer { unlink(out) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        // The test runner's threads block signals; a child must not inherit that (tmux kill-server
        // signals itself), nor ignored dispositions.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, args[0], &actions, &attr, &argv, environ)
        guard rc == 0 else { throw TmuxError("cannot run \(args[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exit, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
    }

    /// Keys by tmux name (`Enter`, `Tab`, `Escape`, `C-c`) or single characters.
    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// Text typed literally.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]).output }

    func value(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `test` holds; returns the screen, or throws with the last screen seen.
    @discardableResult
    func wait(for what: String, timeout: TimeInterval = 20, _ test: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try screen()
            if test(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        throw TmuxError("timed out waiting for \(what); screen:\n\(last)")
    }

    /// Waits until every text is on screen at once (tmux may show a frame half drawn, so texts in
    /// different panes are waited for together, not one after the other).
    @discardableResult
    func wait(forAll texts: [String], timeout: TimeInterval = 20) throws -> String {
        try wait(for: texts.map { "'\($0)'" }.joined(separator: " and "), timeout: timeout) { s in texts.allSatisfy(s.contains) }
    }

    @discardableResult
    func wait(forText text: String, timeout: TimeInterval = 20) throws -> String {
        try wait(for: "'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    func resize(cols: Int, rows: Int) throws { try tmux(["resize-window", "-t", name, "-x", "\(cols)", "-y", "\(rows)"]) }

    /// The pid of the program the shell started (the viewer), if it still runs.
    func childPid() throws -> Int32? {
        let shell = try value("#{pane_pid}")
        let r = try Self.run(["ps", "-o", "pid=", "--ppid", shell])
        return r.output.split(separator: "\n").compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }.first
    }

    /// Ends the session's server and removes its socket file.
    func kill() {
        let path = (try? value("#{socket_path}")) ?? ""
        _ = try? tmux(["kill-server"])
        if !path.isEmpty { unlink(path) }
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
