/// Something the screen model asks the terminal backend to do.
public enum ViewerEffect: Sendable, Equatable {
    case quit
    /// Bytes to write to the terminal as they are (an OSC 52 clipboard sequence).
    case writeToTerminal(String)
    /// Repaint everything (Ctrl-L).
    case redraw
    /// Start (true) or stop following the files as they grow; the backend feeds `refresh(index:insights:)`.
    case follow(Bool)
}
