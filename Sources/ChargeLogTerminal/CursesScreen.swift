import CNcursesw
import ChargeLogCore
import ChargeLogUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The curses side of the viewer: opens the terminal, draws cell grids (only the cells that changed
/// since the last frame), reads keys, and always gives the terminal back (`close`).
final class CursesScreen {
    private var previous: CellGrid?
    private let palette: CursesPalette
    private(set) var isOpen = false
    let mouse: Bool

    /// Opens the terminal. Throws when it cannot be used (unknown TERM, no terminal).
    init(theme: Theme, mouse: Bool) throws(ChargeLogError) {
        setlocale(LC_ALL, "")
        SignalFlag.install()
        guard cl_newterm() != nil else {
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw .unreadable(path: "terminal", reason: "TERM=\(term) is not a terminal curses knows")
        }
        self.mouse = mouse
        isOpen = true
        cbreak()
        noecho()
        nonl()
        keypad(cl_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        if mouse {
            mousemask(cl_button1_clicked() | cl_button4_pressed() | cl_button5_pressed(), nil)
            mouseinterval(0)
        }
        palette = CursesPalette(theme: theme)
    }

    var size: (rows: Int, cols: Int) {
        (Int(getmaxy(cl_stdscr())), Int(getmaxx(cl_stdscr())))
    }

    /// Forgets what is on screen, so the next frame repaints every cell.
    func invalidate() {
        previous = nil
        clearok(cl_stdscr(), true)
    }

    func draw(_ grid: CellGrid) {
        let sameSize = previous.map { $0.rows == grid.rows && $0.cols == grid.cols } ?? false
        if !sameSize { werase(cl_stdscr()) }
        var wcs = [wchar_t](repeating: 0, count: 8)
        for (r, c) in GridDiff.changes(from: sameSize ? previous : nil, to: grid) {
            let cell = grid[r, c]
            var n = 0
            for s in cell.glyph.unicodeScalars where n < 5 {
                wcs[n] = wchar_t(bitPattern: s.value)
                n += 1
            }
            wcs[n] = 0
            let (attrs, pair) = palette.attributes(cell.style)
            _ = wcs.withUnsafeBufferPointer { cl_put_cell(Int32(r), Int32(c), $0.baseAddress, attrs, pair) }
        }
        wnoutrefresh(cl_stdscr())
        doupdate()
        previous = grid
    }

    /// Writes bytes straight to the terminal (after curses has flushed its own output).
    func writeRaw(_ s: String) {
        POSIXWrite.all(1, Array(s.utf8))
    }

    /// Waits up to `timeoutMs` (negative: forever) for input.
    func readKey(timeoutMs: Int32) -> KeyReader.Event? {
        wtimeout(cl_stdscr(), timeoutMs)
        return KeyReader.read()
    }

    /// Whether the terminal has gone away (the SSH session dropped, the tmux server was killed): its
    /// input hung up or is in error. Reading a dead terminal fails at once, so without this check the
    /// event loop would spin on it.
    var inputLost: Bool {
        var p = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, 0) >= 0 else { return errno != EINTR }
        return p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    func close() {
        guard isOpen else { return }
        isOpen = false
        if mouse { mousemask(0, nil) }
        curs_set(1)
        endwin()
    }

    deinit { close() }
}
