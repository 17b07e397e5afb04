import ChargeLogCore

/// One timeline record as a line of text, the same in `chargelog timeline`/`show` and in the
/// viewer's copy: `2024-05-01 14:42:14.595 OCPP ! file:12  text`.
public enum TimelineLine {
    public static func text(_ info: RecordInfo, text: String, zone: DisplayZone = .utc) -> String {
        let tag = info.stream.tag.padding(toLength: 4, withPad: " ", startingAt: 0)
        return "\(zone.display(info.time)) \(tag) \(marker(info.flags)) \(info.file):\(info.line)  \(text)"
    }

    /// One character saying what is special about a record's time or parse: `!` raw/unparsed,
    /// `<` out of order, `~` inferred time, a space otherwise.
    public static func marker(_ f: RecordFlags) -> String {
        if f.contains(.unparsed) { return "!" }
        if f.contains(.outOfOrder) { return "<" }
        if f.contains(.inferredTime) { return "~" }
        return " "
    }
}
