/// The kind of link a frame was logged on.
public enum OCPPChannel: UInt8, Sendable, CaseIterable, Codable {
    /// The Sungrow proxy's local pipe to the charger: `[From charging station]: id=Action={...}`.
    case pipe
    /// The proxy's WebSocket to the CPO backend: `Sending: [...]` / `Received: [...]`.
    case websocket
    /// Bare OCPP-J frames of a charger log (TONLY and similar), and frames found in other logs.
    case frames
    /// Other clients' console lines: `>> message sent: [...]`, `<< message received: [...]`.
    case client
    /// Rows of a back end's OCPP-log download (ChargePilot CSV), read back as messages.
    case export

    public var label: String {
        switch self {
        case .pipe: "pipe"
        case .websocket: "websocket"
        case .frames: "frames"
        case .client: "client"
        case .export: "export"
        }
    }
}

/// One OCPP connection: unique ids pair requests and answers within it. A proxy log holds two
/// (pipe and websocket); a bare-frame log one. Rotated halves of a log (`X_0.log`, `X.log`) are one
/// connection, named after the newest half.
public struct OCPPConnection: Sendable, Hashable, CustomStringConvertible {
    public var channel: OCPPChannel
    /// The log the frames come from, rotation suffix removed: `2168Vocpp.zip/A23C2706768Vocpp.log`.
    public var log: String

    public init(channel: OCPPChannel, log: String) {
        self.channel = channel
        self.log = log
    }

    public var description: String { "\(channel.label) \(log)" }

    /// `X_0.log` → `X.log`, `X.log.2` → `X.log`, `X.log.1.gz` → `X.log`, `X.1.log` → `X.log`.
    public static func family(of displayPath: String) -> String {
        var s = displayPath
        if s.hasSuffix(".gz") { s.removeLast(3) }
        // Trailing `.N`.
        if let dot = s.lastIndex(of: "."), s[s.index(after: dot)...].allSatisfy(\.isNumber),
           s.index(after: dot) < s.endIndex {
            s = String(s[..<dot])
        }
        // `_N` or `.N` before the extension.
        if let dot = s.lastIndex(of: ".") {
            let stem = s[..<dot]
            if let sep = stem.lastIndex(where: { $0 == "_" || $0 == "." }),
               stem.index(after: sep) < stem.endIndex, stem[stem.index(after: sep)...].allSatisfy(\.isNumber) {
                s = String(stem[..<sep]) + String(s[dot...])
            }
        }
        return s
    }
}
