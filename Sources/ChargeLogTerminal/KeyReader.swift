import CNcursesw
import ChargeLogUI

/// Reads one input event from curses and names it as a `Key`.
enum KeyReader {
    enum Event {
        case key(Key)
        case resize
    }

    static func read() -> Event? {
        var ch: wint_t = 0
        let r = wget_wch(cl_stdscr(), &ch)
        if r == cl_err() { return nil }
        if r == cl_key_code_yes() { return special(Int32(ch)) }
        return character(UInt32(ch))
    }

    static func character(_ v: UInt32) -> Event? {
        switch v {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(v + 96)!)))
        default:
            guard let s = Unicode.Scalar(v) else { return nil }
            return .key(.char(Character(s)))
        }
    }

    static func special(_ code: Int32) -> Event? {
        if code == cl_key_resize() { return .resize }
        if code == cl_key_mouse() { return mouse() }
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        default:
            let f0 = cl_key_f0()
            if code > f0, code <= f0 + 24 { return .key(.function(Int(code - f0))) }
            return nil
        }
    }

    static func mouse() -> Event? {
        var ev = MEVENT()
        guard getmouse(&ev) == cl_ok() else { return nil }
        let kind: MouseEvent.Kind
        if ev.bstate & cl_button4_pressed() != 0 {
            kind = .wheelUp
        } else if cl_button5_pressed() != 0, ev.bstate & cl_button5_pressed() != 0 {
            kind = .wheelDown
        } else if ev.bstate & cl_button1_clicked() != 0 {
            kind = .click
        } else {
            return nil
        }
        return .key(.mouse(MouseEvent(kind, row: Int(ev.y), col: Int(ev.x))))
    }
}
