import CNcursesw

/// SIGINT, SIGTERM and SIGHUP end the event loop instead of the process, so curses can restore the
/// terminal. The C flag behind it is per object file (see shim.h): keep both calls in this file.
enum SignalFlag {
    static func install() { cl_install_signal_handlers() }

    /// The signal that arrived, or 0.
    static var received: Int32 { cl_signal_received() }
}
