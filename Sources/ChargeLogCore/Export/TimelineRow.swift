/// The timeline fields of one record as NDJSON (`chargelog timeline --format ndjson`, `show`, and the
/// first fields of `RecordNDJSON`): `{"time":"2024-05-01T14:42:14.595Z","stream":"ocpp","file":"...","line":12,"text":"..."}`.
/// The text line and its marker are wording, in `ChargeLogText.TimelineLine`.
public enum TimelineRow {
    /// The five timeline fields, JSON-encoded, in their written order.
    public static func fields(_ info: RecordInfo, text: String) -> [(String, String)] {
        [
            ("time", JSONText.quote(CivilTime.iso8601(info.time))),
            ("stream", JSONText.quote(info.stream.rawValue)),
            ("file", JSONText.quote(info.file)),
            ("line", String(info.line)),
            ("text", JSONText.quote(text)),
        ]
    }

    public static func ndjson(_ info: RecordInfo, text: String) -> String { JSONText.object(fields(info, text: text)) }
}
