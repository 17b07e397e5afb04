/// Open OCPP Trace v1.1 (open-ocpp-trace/specification, `schema/trace-v1.schema.json`): one JSON
/// record per OCPP message, one per line (JSONL). Each message is written once (a proxied message's
/// counted copy), in timeline order, with `schemaVersion`, `timestamp` (log time, UTC, ms),
/// `ocppVersion`, `transport` json, `chargePointId`, `connectorId` (a top-level `connectorId`),
/// `direction`, `messageType`, `messageId`, `action` (CALLs, and answers whose call is known),
/// `payload`, `error` (CALLERRORs) and `raw`: the frame text exactly as logged. Where the log does not
/// hold an OCPP-J array (the Sungrow pipe's `id=Action={…}`, a ChargePilot row), or masking changed
/// the payload, `raw` is rebuilt from the decoded frame and `meta.rawRebuilt` says why. Guessed
/// directions are marked `meta.directionGuessed`. OCPP 2.1 SEND / CALLRESULTERROR and broken frames
/// have no record shape in v1.1 and are counted in `skipped`.
public enum OCPPTraceWriter {
    public static let schemaVersion = "1.1"

    public struct Result: Sendable {
        public var written = 0
        /// Messages with no v1.1 record shape (SEND, CALLRESULTERROR, broken frames).
        public var skipped = 0
    }

    /// Writes a record per counted message whose record passes `filter`. `chargePointId` overrides the
    /// id found (the BootNotification serial of the message's log, else the file-name serial, else the
    /// log's file name). `versions` override the inferred `ocppVersion` (`--ocpp-version`).
    @discardableResult
    public static func write(_ analysis: OCPPAnalysis, filter: RecordFilter = RecordFilter(), mask: Bool = true,
                             chargePointId: String? = nil, versions: [OCPPVersionOverride] = [],
                             _ emit: (String) -> Void) -> Result {
        var result = Result()
        let store = analysis.store
        let index = analysis.index
        let chargers = ChargerIds(analysis)
        let versions = OCPPVersionGuess(analysis, overrides: versions)
        for i in 0..<store.count {
            let e = store.entries[i]
            guard e.flags.contains(.primary) else { continue }
            let info = index.info(of: e.ref)
            guard filter.accepts(info) else { continue }
            if filter.pattern != nil, !filter.accepts(text: index.text(of: e.ref)) { continue }
            let m = analysis.makeMessage(i)
            guard let type = m.type, type == .call || type == .callResult || type == .callError, !m.isBroken,
                  let frame = m.frame else {
                result.skipped += 1
                continue
            }
            let id = chargePointId ?? chargers.id(of: m)
            emit(record(m, frame: frame, type: type, analysis: analysis, chargePointId: id,
                        version: versions.version(of: m.connection), mask: mask))
            result.written += 1
        }
        return result
    }

    static func record(_ m: OCPPMessage, frame: OCPPFrame, type: OCPPMessageType, analysis: OCPPAnalysis,
                       chargePointId: String, version: String, mask: Bool) -> String {
        var meta: [(String, String)] = []
        let call = type == .call ? nil : analysis.counterpart(of: m.ref).flatMap { analysis.message(at: $0) }
        var direction = m.direction
        if direction == .unknown {
            if type == .call, let d = m.action.flatMap({ OCPPSchema.direction(of: $0)?.callDirection }) { direction = d }
            else if let c = call, c.direction != .unknown { direction = c.direction.reversed }
            else { direction = type == .call ? .chargerToCentral : .centralToCharger }
            meta.append(("directionGuessed", "true"))
        }
        let original = frame.payload ?? .null
        let payload = PayloadMasker.clean(original, mask: mask)
        let details = frame.errorDetails.map { PayloadMasker.clean($0, mask: mask) }
        var fields: [(String, String)] = [
            ("schemaVersion", JSONText.quote(schemaVersion)),
            ("timestamp", JSONText.quote(CivilTime.iso8601(m.time))),
            ("ocppVersion", JSONText.quote(version)),
            ("transport", JSONText.quote("json")),
            ("chargePointId", JSONText.quote(chargePointId)),
        ]
        if type == .call, let c = original["connectorId"]?.intValue, c >= 0 { fields.append(("connectorId", String(c))) }
        fields.append(("direction", JSONText.quote(direction == .chargerToCentral ? "cp-to-csms" : "csms-to-cp")))
        fields.append(("messageType", JSONText.quote(type == .call ? "CALL" : type == .callResult ? "CALLRESULT" : "CALLERROR")))
        fields.append(("messageId", JSONText.quote(m.uniqueId)))
        let action = type == .call ? m.action : call?.action
        if let a = action { fields.append(("action", JSONText.quote(a))) }
        var rebuilt: String? = nil
        if type == .callError {
            var error: [(String, String)] = [("code", JSONText.quote(frame.errorCode ?? ""))]
            error.append(("description", JSONText.quote(frame.errorDescription ?? "")))
            if let d = details { error.append(("details", JSONPrinter.compact(d))) }
            fields.append(("error", JSONText.object(error)))
            rebuilt = "[4," + JSONText.quote(m.uniqueId) + "," + JSONText.quote(frame.errorCode ?? "") + ","
                + JSONText.quote(frame.errorDescription ?? "") + "," + JSONPrinter.compact(details ?? .object([])) + "]"
        } else {
            fields.append(("payload", JSONPrinter.compact(payload)))
            rebuilt = type == .call
                ? "[2," + JSONText.quote(m.uniqueId) + "," + JSONText.quote(m.action ?? "") + "," + JSONPrinter.compact(payload) + "]"
                : "[3," + JSONText.quote(m.uniqueId) + "," + JSONPrinter.compact(payload) + "]"
        }
        let changed = JSONPrinter.compact(payload) != JSONPrinter.compact(original)
            || details.map { JSONPrinter.compact($0) } != frame.errorDetails.map { JSONPrinter.compact($0) }
        let logged = frame.raw
        let raw: String
        if logged.hasPrefix("[") && !changed {
            raw = logged
        } else {
            raw = rebuilt ?? logged
            meta.append(("rawRebuilt", JSONText.quote(changed ? "secrets masked" : "the log holds no OCPP-J array (\(m.connection.channel.label))")))
        }
        fields.append(("raw", JSONText.quote(raw)))
        var where_ = [("log", JSONText.quote(m.connection.log)), ("channel", JSONText.quote(m.connection.channel.label))]
        let loc = analysis.index.files[m.ref.file]
        where_.append(("file", JSONText.quote(loc.displayPath)))
        where_.append(("line", String(loc.index.lineNumber(m.ref.record))))
        fields.append(("meta", JSONText.object(where_ + meta)))
        return JSONText.object(fields)
    }
}
