import ChargeLogCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the work folder on the exit paths a `defer` never reaches, for the commands that print
/// (the viewer has its own signal path): SIGTERM, SIGINT (Ctrl-C) and SIGHUP are caught, the folder is
/// removed and the process then ends by the same signal as before (exit status 128 + n); SIGPIPE is
/// ignored so that a closed output pipe (`chargelog timeline … | head -1`) shows up as EPIPE in
/// `FileOutputStream`, which calls `brokenPipe()`: the folder is removed and the process ends by
/// SIGPIPE as it used to.
///
/// A signal handler may not allocate or take locks, so it only writes the signal's number to a pipe;
/// a thread waiting on that pipe does the removal.
enum ExitCleanup {
    static let signals: [Int32] = [SIGTERM, SIGINT, SIGHUP]

    /// Installs the handlers once; later calls do nothing.
    static func install() { _ = installed }

    private static let installed: Bool = {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return false }
        // A parent's blocked signal mask is inherited through exec (a test runner's worker thread blocks
        // nearly all): unblock the handled ones, before any thread is started, so that they arrive.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for s in signals where !isIgnored(s) { sigaddset(&unblock, s) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        signalPipeWrite = fds[1]
        let readEnd = fds[0]
        Thread.detachNewThread {
            var b: UInt8 = 0
            while read(readEnd, &b, 1) < 0 && errno == EINTR {}
            WorkFolders.removeAll()
            end(by: Int32(b))
        }
        signal(SIGPIPE, SIG_IGN)
        // A signal the parent set to be ignored (`nohup` for SIGHUP) stays ignored.
        for s in signals where !isIgnored(s) { signal(s, onSignal) }
        return true
    }()

    private static func isIgnored(_ s: Int32) -> Bool {
        let previous = signal(s, SIG_IGN)
        signal(s, previous)
        return previous.map { unsafeBitCast($0, to: Int.self) } == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Output went to a pipe that is closed: remove the folder and end as SIGPIPE would have.
    static func brokenPipe() -> Never {
        WorkFolders.removeAll()
        end(by: SIGPIPE)
    }

    private static func end(by sig: Int32) -> Never {
        signal(sig, SIG_DFL)
        kill(getpid(), sig)
        // Only reached if the signal is blocked in this process.
        exit(128 + sig)
    }
}

/// Written once before any handler is installed; read by the handler.
nonisolated(unsafe) private var signalPipeWrite: Int32 = -1

private func onSignal(_ sig: Int32) {
    var b = UInt8(truncatingIfNeeded: sig)
    _ = write(signalPipeWrite, &b, 1)
}
