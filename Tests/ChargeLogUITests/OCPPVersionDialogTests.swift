import ChargeLogCore
@testable import ChargeLogUI
import Testing

/// The files dialog (`!`) names each connection's OCPP version with what it was inferred from.
@Suite struct OCPPVersionDialogTests {
    @Test("SampleLogs TONLY: the files dialog says 1.6 from the Sec-WebSocket-Protocol line 19")
    func filesDialogNamesTheVersion() throws {
        // tonly.log line 19: `Sec-WebSocket-Protocol: ocpp1.6` in the server's 101 answer.
        let f = try SampleLogsFixture("TONLY-AC48A", rows: 30, cols: 120)
        defer { f.remove() }
        f.press(.char("!"))
        let text = f.model.render().text()
        #expect(text.contains("    ocpp frames: 1.6 from the WebSocket subprotocol: Sec-WebSocket-Protocol: ocpp1.6 (line 19)"))
    }
}
