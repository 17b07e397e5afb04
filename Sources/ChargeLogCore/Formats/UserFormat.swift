import Foundation

/// A log format described in a user's format file (the subset of lnav's format files that fits
/// chargelog, see `FormatFile`): line patterns with named groups, how to read their timestamp, level
/// names. It is a value, compiled once when the file is loaded; `UserLineFormat` runs it through the
/// indexer like a built-in format, and detection scores it on a file's first lines like one.
public struct UserFormat: Sendable {
    /// The format's name (its key in the file), shown by `stats`.
    public let name: String
    /// The format file it came from.
    public let file: String
    public let title: String?

    struct Pattern: Sendable {
        let name: String
        let regex: NSRegularExpression
        /// The file's group names → the names they were compiled under (`NamedGroups`).
        let groups: [String: String]
    }
    let patterns: [Pattern]
    let timestampField: String
    let levelField: String
    /// `time-field`: the time of day in its own group, joined to a date-only timestamp with a space.
    let timeField: String?
    let timestampFormats: [TimestampPattern]
    /// lnav level names mapped to a pattern matched against the level group's text.
    let levels: [(level: LogLevel, regex: NSRegularExpression)]
    /// Lines that no pattern matches belong to the record before (lnav's default); else they are
    /// kept raw and counted as not fitting.
    let multiline: Bool
    /// `file-pattern`: only files whose path matches are tried.
    let filePattern: NSRegularExpression?

    /// What a line matching one of the patterns says.
    struct Match: Equatable {
        var stamp: TimestampPattern.Parsed
        var level: LogLevel
    }

    /// Whether this format may be tried on a file with this path.
    public func accepts(path: String) -> Bool {
        guard let p = filePattern else { return true }
        return p.firstMatch(in: path, range: NSRange(location: 0, length: (path as NSString).length)) != nil
    }

    /// Matches a line (decoded without losing bytes); nil when no pattern fits it or its timestamp
    /// does not parse.
    func match(_ text: String) -> Match? {
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        for p in patterns {
            guard let m = p.regex.firstMatch(in: text, options: [.anchored], range: whole) else { continue }
            func group(_ name: String) -> String? {
                guard let icu = p.groups[name] else { return nil }
                let r = m.range(withName: icu)
                return r.location == NSNotFound ? nil : ns.substring(with: r)
            }
            guard var stampText = group(timestampField) else { continue }
            if let tf = timeField, let t = group(tf) { stampText += " " + t }
            guard let stamp = parseStamp(stampText) else { continue }
            return Match(stamp: stamp, level: level(group(levelField)))
        }
        return nil
    }

    func parseStamp(_ text: String) -> TimestampPattern.Parsed? {
        let bytes = Array(text.utf8)
        if timestampFormats.isEmpty { return TimestampPattern.parseAny(bytes) }
        for f in timestampFormats { if let p = f.parse(bytes) { return p } }
        return nil
    }

    func level(_ text: String?) -> LogLevel {
        guard let text, !text.isEmpty else { return .none }
        let range = NSRange(location: 0, length: (text as NSString).length)
        for l in levels where l.regex.firstMatch(in: text, range: range) != nil { return l.level }
        let bytes = Array(text.utf8)
        let start = Bytes.skipSpaces(bytes, 0)
        return LevelWord.parse(bytes, at: start)?.level ?? .none
    }

    /// Sample lines that fit, two points each, like the built-in field formats.
    public func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.reduce(0) { n, l in match(LosslessText.decode(l)) != nil ? n + 2 : n }
    }
}
