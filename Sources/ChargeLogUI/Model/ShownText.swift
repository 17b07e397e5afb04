import ChargeLogCore

/// What a timeline row shows for a record, as one line of text: the «labels» of the findings it
/// starts, then its OCPP summary (`→ StopTransaction tx 665 …`) or its message body. Search and
/// text filters match it as well as the raw record.
enum ShownText {
    static func line(insights: InsightSource?, ref: RecordRef, text: String) -> String {
        var shown = ""
        if let found = insights?.findings(startingAt: ref), !found.isEmpty {
            var names: [String] = []
            for f in found where !names.contains(f.kind.label) { names.append(f.kind.label) }
            shown = "«" + names.joined(separator: ", ") + "» "
        }
        if let s = insights?.summary(of: ref, text: text) { shown += s.line } else { shown += String(MessageBody.of(text)) }
        return shown
    }
}
