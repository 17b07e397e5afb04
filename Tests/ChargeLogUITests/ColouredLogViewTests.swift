import ChargeLogCore
import Testing
@testable import ChargeLogUI

/// A log written with ANSI colour codes in the viewer: shown without them, searched without them.
@Suite struct ColouredLogViewTests {
    /// The colour shape issue 9 quotes (`\x1b[94m2025-09-02 22:53:09,498 - …`), the level word in bold.
    static let log = [
        "\u{1b}[94m2025-09-02 22:53:09,498 - ocpp - INFO - CP_1: send [2,\"42\",\"Heartbeat\",{}]\u{1b}[0m",
        "\u{1b}[91m2025-09-02 22:53:12,001 - ocpp - \u{1b}[1mERROR\u{1b}[22m - connection lost\u{1b}[0m",
    ].joined(separator: "\n") + "\n"

    @Test func rowsShowNoEscapeAndSearchSpansColourChanges() throws {
        let f = try Fixture(files: ["gw/coloured.log": Self.log], cols: 120)
        defer { f.remove() }
        let screen = f.model.render().text()
        #expect(!screen.contains("\u{1b}") && !screen.contains("\\x1B") && !screen.contains("[94m"))
        // The row: time, stream, level letter, the text after the line's own stamp.
        #expect(screen.contains("2025-09-02 22:53:12.001 PY   E - ocpp - ERROR - connection lost"))
        // In the file `ERROR` and ` - connection` are split by `ESC[22m`.
        f.press(.char("/")); f.type("ERROR - connection"); f.press(.enter)
        #expect(f.cursorText == "2025-09-02 22:53:12,001 - ocpp - ERROR - connection lost")
    }
}
