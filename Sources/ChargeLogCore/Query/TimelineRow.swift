/// How one timeline record is written by the CLI.
public enum TimelineRow {
    /// `{"time":"2024-05-01T14:42:14.595Z","stream":"ocpp","file":"...","line":12,"text":"..."}`
    public static func ndjson(_ info: RecordInfo, text: String) -> String {
        JSONText.object([
            ("time", JSONText.quote(CivilTime.iso8601(info.time))),
            ("stream", JSONText.quote(info.stream.rawValue)),
            ("file", JSONText.quote(info.file)),
            ("line", String(info.line)),
            ("text", JSONText.quote(text)),
        ])
    }

    /// `2024-05-01 14:42:14.595 OCPP ! file:12  text` (`!` marks raw/unparsed, `<` out of order, `~` inferred time).
    public static func text(_ info: RecordInfo, text: String, zone: DisplayZone = .utc) -> String {
        let tag = info.stream.tag.padding(toLength: 4, withPad: " ", startingAt: 0)
        return "\(zone.display(info.time)) \(tag) \(marker(info.flags)) \(info.file):\(info.line)  \(text)"
    }

    /// One character saying what is special about a record's time or parse.
    public static func marker(_ f: RecordFlags) -> String {
        if f.contains(.unparsed) { return "!" }
        if f.contains(.outOfOrder) { return "<" }
        if f.contains(.inferredTime) { return "~" }
        return " "
    }
}
