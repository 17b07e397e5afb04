/// The OCPP version of one connection and what it was decided from, most trusted first:
/// - `override`: `--ocpp-version [FILE=]VERSION`;
/// - `subprotocol`: the log names the WebSocket subprotocol its connection negotiated
///   (`Sec-WebSocket-Protocol: ocpp1.6`; the last single-version mention of the log);
/// - `messages`: a call of an action only one version has (TransactionEvent, NotifyEvent: 2.0.1;
///   StartTransaction, DiagnosticsStatusNotification: 1.6) or the 2.0.1 shape of a shared one
///   (BootNotification `chargingStation`, StatusNotification `connectorStatus`);
/// - `fallback`: nothing says, 1.6 is taken.
public struct OCPPVersionInference: Sendable, Equatable {
    public enum Source: String, Sendable {
        case override, subprotocol, messages, fallback
    }

    public var version: String
    public var source: Source
    /// `Sec-WebSocket-Protocol: ocpp1.6 (line 10)`, `TransactionEvent (line 5)`.
    public var evidence: String
    /// The record the evidence is on.
    public var ref: RecordRef?

    /// `2.0.1 from the messages: TransactionEvent (line 5)`.
    public var summary: String {
        switch source {
        case .override: "\(version), as given (--ocpp-version)"
        case .subprotocol: "\(version) from the WebSocket subprotocol: \(evidence)"
        case .messages: "\(version) from the messages: \(evidence)"
        case .fallback: "\(version), assumed: \(evidence)"
        }
    }

    /// The connections in a stable order (log, then channel).
    public static func sorted(_ all: [OCPPConnection: OCPPVersionInference]) -> [(connection: OCPPConnection, inference: OCPPVersionInference)] {
        all.sorted { ($0.key.log, $0.key.channel.rawValue) < ($1.key.log, $1.key.channel.rawValue) }.map { ($0.key, $0.value) }
    }

    /// The version of every connection of the analysis.
    public static func infer(_ analysis: OCPPAnalysis, overrides: [OCPPVersionOverride] = []) -> [OCPPConnection: OCPPVersionInference] {
        let store = analysis.store
        let index = analysis.index
        func line(_ ref: RecordRef) -> Int { index.files[ref.file].index.lineNumber(ref.record) }
        // Subprotocol mentions of the files that hold each connection's frames (a log family); the scan
        // found them, reading every record of those files.
        var filesWithMessages = Array(repeating: false, count: index.files.count)
        for e in store.entries { filesWithMessages[Int(e.file)] = true }
        var mentionOfLog: [String: SubprotocolMention] = [:]
        for m in analysis.subprotocolMentions where filesWithMessages[m.ref.file] {
            let log = OCPPConnection.family(of: index.files[m.ref.file].displayPath)
            if let kept = mentionOfLog[log], index.position(of: kept.ref) >= index.position(of: m.ref) { continue }
            mentionOfLog[log] = m
        }
        // The first call that only one version has, per connection.
        var shape: [UInt16: (version: String, action: String, ref: RecordRef)] = [:]
        var calls = Array(repeating: 0, count: store.connections.count)
        for i in 0..<store.count where store.entries[i].messageType == .call {
            let e = store.entries[i]
            if Int(e.connection) < calls.count { calls[Int(e.connection)] += 1 }
            guard shape[e.connection] == nil, let a = store.action(i) else { continue }
            let ref = RecordRef(file: Int(e.file), record: Int(e.record))
            let in16 = OCPPSchema.v16[a] != nil, in201 = OCPPSchema.v201[a] != nil
            if in201 && !in16 { shape[e.connection] = ("2.0.1", a, ref); continue }
            if in16 && !in201 { shape[e.connection] = ("1.6", a, ref); continue }
            if a == "BootNotification" || a == "StatusNotification" {
                let p = analysis.makeMessage(i).payload
                if p["chargingStation"] != nil { shape[e.connection] = ("2.0.1", "BootNotification with chargingStation", ref) }
                else if p["connectorStatus"] != nil { shape[e.connection] = ("2.0.1", "StatusNotification with connectorStatus", ref) }
            }
        }
        var out: [OCPPConnection: OCPPVersionInference] = [:]
        for (k, c) in store.connections.enumerated() {
            let key = UInt16(k)
            if let o = OCPPVersionOverride.forLog(c.log, in: overrides) {
                out[c] = OCPPVersionInference(version: o.version, source: .override, evidence: o.file.map { "\($0)=\(o.version)" } ?? o.version)
            } else if c.channel != .pipe, let m = mentionOfLog[c.log] {
                // The Sungrow proxy's pipe is not a WebSocket; every other carrier may have negotiated one.
                out[c] = OCPPVersionInference(version: m.version == "2.0" ? "2.0.1" : m.version, source: .subprotocol,
                                              evidence: "\(m.excerpt) (line \(line(m.ref)))", ref: m.ref)
            } else if let s = shape[key] {
                out[c] = OCPPVersionInference(version: s.version, source: .messages, evidence: "\(s.action) (line \(line(s.ref)))", ref: s.ref)
            } else {
                out[c] = OCPPVersionInference(version: "1.6", source: .fallback,
                                              evidence: "no call of one version only among \(calls[k]) call(s)")
            }
        }
        return out
    }
}
