import Foundation

/// The OSC 52 escape sequence that puts text on the clipboard of the terminal the user sits at,
/// through SSH and tmux.
public enum Clipboard {
    /// Terminals drop larger sequences; xterm's default limit is about 100 KB of base64.
    public static let maxBytes = 74 * 1024

    public static func osc52(_ text: String) -> (sequence: String, truncated: Bool) {
        var data = Data(text.utf8)
        let truncated = data.count > maxBytes
        if truncated { data = data.prefix(maxBytes) }
        return ("\u{1B}]52;c;" + data.base64EncodedString() + "\u{07}", truncated)
    }
}
