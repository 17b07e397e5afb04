/// The fields of an Open OCPP Trace record that correlation needs, read from one JSONL line. Unknown
/// fields are ignored (the specification's forward compatibility).
public struct OCPPTraceRecord: Sendable, Equatable {
    public var schemaVersion: String
    public var timestamp: String
    public var direction: String
    public var messageType: String
    public var messageId: String?
    public var action: String?

    /// Parses a record line; the error says what is missing.
    public static func parse(_ line: String) -> Result<OCPPTraceRecord, ChargeLogError> {
        switch JSONParser.parse(line) {
        case .failure(let e):
            return .failure(.invalidArgument(name: "trace record", value: String(line.prefix(60)), expected: "a JSON object (\(e))"))
        case .success(let v):
            guard case .object = v else {
                return .failure(.invalidArgument(name: "trace record", value: String(line.prefix(60)), expected: "a JSON object"))
            }
            func need(_ key: String) -> Result<String, ChargeLogError> {
                guard let s = v[key]?.stringValue else {
                    return .failure(.invalidArgument(name: "trace record", value: String(line.prefix(60)), expected: "a string field \(key)"))
                }
                return .success(s)
            }
            do {
                return .success(OCPPTraceRecord(schemaVersion: try need("schemaVersion").get(), timestamp: try need("timestamp").get(),
                                                direction: try need("direction").get(), messageType: try need("messageType").get(),
                                                messageId: v["messageId"]?.stringValue, action: v["action"]?.stringValue))
            } catch {
                return .failure(error)
            }
        }
    }
}
