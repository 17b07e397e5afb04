import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signal that ended the viewer's event loop, 0 while none has arrived. One atomic, written by the
/// handler and read by the loop: lock-free, so storing it is async-signal-safe.
private let caughtSignal = Atomic<Int32>(0)

private func recordSignal(_ signal: Int32) {
    caughtSignal.store(signal, ordering: .relaxed)
}

/// SIGINT (Ctrl-C), SIGTERM and SIGHUP end the event loop instead of the process, so curses can restore
/// the terminal and the work folder is removed. (A C `static` flag in the shim header was per object file:
/// in release builds the optimiser inlined the installer into another file, whose copy of the flag the
/// loop never read, so the release viewer ignored every signal.)
enum SignalFlag {
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handler for each signal that is not ignored (a signal ignored on purpose, as SIGHUP
    /// under `nohup`, stays ignored).
    static func install() {
        for signal in handled {
            var current = sigaction()
            if sigaction(signal, nil, &current) == 0, isIgnored(current) { continue }
            var action = sigaction()
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = recordSignal
            #else
            action.__sigaction_u.__sa_handler = recordSignal
            #endif
            sigaction(signal, &action, nil)
        }
    }

    private static func isIgnored(_ a: sigaction) -> Bool {
        #if canImport(Glibc)
        let handler = a.__sigaction_handler.sa_handler
        #else
        let handler = a.__sigaction_u.__sa_handler
        #endif
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// The signal that arrived, or 0.
    static var received: Int32 { caughtSignal.load(ordering: .relaxed) }
}
