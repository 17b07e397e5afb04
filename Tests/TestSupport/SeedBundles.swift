/// Log files put together from `SeedExcerpts` (the same seed lines, never a second copy): the Sungrow
/// proxy and MainProcess texts the UI and end-to-end tests write into bundles.
public enum SeedBundles {
    /// A23C2706768Vocpp.log: transaction 667 starts (pipe request, WebSocket request and answer, pipe answer).
    public static var proxyTx667: String { text(SeedExcerpts.rfidOCPP) }

    /// A RemoteStartTransaction from the CPO (WebSocket id kept on the pipe), then a status.
    public static var proxyRemoteStart: String { text(SeedExcerpts.qrOCPP) }

    /// A StopTransaction the CPO answers with a CALLERROR (the lines are cut in the seed).
    public static var proxyCallError: String { text(SeedExcerpts.scientificStopOCPP) }

    /// A23C2706768VMainProcess.log (no year in the stamps): a remote start, then an RFID authorisation.
    public static var mainProcess: String { text(SeedExcerpts.qrMain + SeedExcerpts.rfidMain) }

    /// Seed 004: the start of the TONLY frame log, through the first GetConfiguration call (Chinese
    /// comments, the WebSocket handshake with its Basic credentials, statuses, a heartbeat).
    public static var tonlyStart: String {
        let lines = SeedExcerpts.tonly.split(separator: "\n", omittingEmptySubsequences: false)
        let end = lines.firstIndex { $0.contains(#""GetConfiguration",{"key""#) }!
        return lines[...end].joined(separator: "\n")
    }

    /// A proxy log: the CALLERROR stop, the remote start, then transaction 667, in time order.
    public static var proxyLog: String { [proxyCallError, proxyRemoteStart, proxyTx667].joined(separator: "\n") + "\n" }

    /// The proxy log and the MainProcess log at their places in a Sungrow bundle.
    public static var sungrowBundle: [String: String] {
        ["2168Vocpp/A23C2706768Vocpp.log": proxyLog, "2168Vqt/A23C2706768VMainProcess.log": mainProcess + "\n"]
    }

    /// The smaller bundle the end-to-end tests open: the remote start's exchange (without the status
    /// after it) and transaction 667; MainProcess's remote start and RFID authorisation headlines.
    public static var smallSungrowBundle: [String: String] {
        let proxy = Array(SeedExcerpts.qrOCPP.prefix(5)) + SeedExcerpts.rfidOCPP
        let qr = SeedExcerpts.qrMain, rfid = SeedExcerpts.rfidMain
        let main = [qr[0], qr[1], qr[2], qr[18], rfid[0], rfid[2], rfid[4], rfid[5]]
        return ["2168Vocpp/A23C2706768Vocpp.log": text(proxy) + "\n", "2168Vqt/A23C2706768VMainProcess.log": text(main) + "\n"]
    }

    static func text(_ lines: [String]) -> String { lines.joined(separator: "\n") }
}
