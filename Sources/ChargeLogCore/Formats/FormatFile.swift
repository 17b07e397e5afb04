import Foundation

/// Reads one format file: JSON in the shape of lnav's format files, the subset that fits chargelog.
/// ```json
/// { "vendor_log": {
///     "regex": { "std": { "pattern": "^(?<timestamp>\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}) <(?<level>\\w)> (?<body>.*)$" } },
///     "timestamp-format": ["%d.%m.%Y %H:%M:%S"],
///     "level": { "error": "E", "warning": "W", "info": "I", "debug": "D" } } }
/// ```
/// Read: `regex` (named groups `timestamp`, `level`, `body`, or the names `timestamp-field`,
/// `level-field`, `body-field` give), `time-field`, `timestamp-format`, `level`, `multiline` (lines no
/// pattern matches continue the record before; default true), `file-pattern`, `sample` (each sample
/// line must match; checked when the file loads), `title`. lnav keys about display and SQL
/// (`value`, `highlights`, …) are accepted and left unused; JSON formats and converters are refused;
/// any other key is an error. A format with an error is not used; the others of the file are.
public enum FormatFile {
    /// lnav keys chargelog reads.
    static let readKeys: Set<String> = [
        "regex", "timestamp-format", "timestamp-field", "level-field", "body-field", "time-field", "level",
        "multiline", "file-pattern", "sample", "title", "description", "url", "json", "file-type", "converter",
    ]
    /// lnav keys about display, SQL tables and operations: accepted, not used.
    static let unusedKeys: Set<String> = [
        "value", "highlights", "search-table", "tags", "partitions", "opid-field", "opid", "module-field",
        "hide-extra", "ordered-by-time", "convert-to-local-time", "action", "subsecond-field", "subsecond-units",
        "timestamp-divisor", "max-unrecognized-lines", "level-pointer", "line-format", "subid-field",
    ]
    /// lnav's level names.
    static let levelNames: [String: LogLevel] = [
        "trace": .trace, "debug": .debug, "debug2": .debug, "debug3": .debug, "debug4": .debug, "debug5": .debug,
        "info": .info, "stats": .info, "notice": .info, "warning": .warn, "error": .error, "critical": .error,
        "fatal": .fatal,
    ]

    /// The formats of the file at `path` and what was wrong or left unused in it.
    public static func load(path: String) -> (formats: [UserFormat], diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let why = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            return ([], [Diagnostic(.error, file: path, "format file not used: \(why)")])
        }
        return parse(Array(data), path: path)
    }

    /// The formats described by `bytes` (the content of the file at `path`).
    public static func parse(_ bytes: [UInt8], path: String) -> (formats: [UserFormat], diagnostics: [Diagnostic]) {
        func fileError(_ why: String) -> ([UserFormat], [Diagnostic]) {
            ([], [Diagnostic(.error, file: path, "format file not used: \(why)")])
        }
        let root: JSONValue
        switch JSONParser.parse(bytes) {
        case .success(let v): root = v
        case .failure(let e): return fileError("not valid JSON: \(e.reason) at \(position(e.offset, in: bytes))")
        }
        guard let top = root.objectValue else { return fileError("the file holds a JSON \(root.kindName), not an object of formats") }
        var formats: [UserFormat] = []
        var diagnostics: [Diagnostic] = []
        for (name, value) in top where name != "$schema" {
            do {
                let (format, unused) = try compile(name: name, value, path: path)
                formats.append(format)
                if !unused.isEmpty {
                    diagnostics.append(Diagnostic(.info, file: path,
                        "format '\(name)': lnav keys not used by chargelog: \(unused.sorted().joined(separator: ", "))"))
                }
            } catch {
                diagnostics.append(Diagnostic(.error, file: path, "format '\(name)' not used: \(error.reason)"))
            }
        }
        if formats.isEmpty && diagnostics.isEmpty { return fileError("no format in it") }
        return (formats, diagnostics)
    }

    struct Problem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// Line and column of a byte offset, for JSON errors.
    static func position(_ offset: Int, in bytes: [UInt8]) -> String {
        var line = 1, column = 1
        for b in bytes.prefix(offset) {
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return "line \(line), column \(column)"
    }

    static func compile(name: String, _ value: JSONValue, path: String) throws(Problem) -> (UserFormat, Set<String>) {
        guard name.range(of: "^\\w+$", options: .regularExpression) != nil else {
            throw Problem("a format name has letters, digits and _ only")
        }
        guard let fields = value.objectValue else { throw Problem("is a JSON \(value.kindName), not an object") }
        var unused: Set<String> = []
        var map: [String: JSONValue] = [:]
        for (k, v) in fields {
            if readKeys.contains(k) { map[k] = v } else if unusedKeys.contains(k) { unused.insert(k) } else {
                throw Problem("unknown key '\(k)' (chargelog reads: \(readKeys.subtracting(["json", "file-type", "converter"]).sorted().joined(separator: ", ")))")
            }
        }
        if map["json"]?.boolValue == true || (map["file-type"]?.stringValue.map { $0 != "text" } ?? false) {
            throw Problem("JSON and CSV formats are not supported in format files (chargelog reads JSON lines by itself)")
        }
        if map["converter"] != nil { throw Problem("converters are not supported") }

        func string(_ key: String, default d: String) throws(Problem) -> String {
            guard let v = map[key] else { return d }
            guard let s = v.stringValue, !s.isEmpty else { throw Problem("'\(key)' must be a non-empty string") }
            return s
        }
        let timestampField = try string("timestamp-field", default: "timestamp")
        let levelField = try string("level-field", default: "level")
        // The body is the record's text as it is (frames are found in the whole record).
        _ = try string("body-field", default: "body")
        var timeField: String? = nil
        if map["time-field"] != nil { timeField = try string("time-field", default: "") }

        // Patterns, in the file's order.
        guard let regexValue = map["regex"] else { throw Problem("no 'regex' (the patterns that match its lines)") }
        guard let entries = regexValue.objectValue, !entries.isEmpty else { throw Problem("'regex' must be an object of named patterns") }
        var patterns: [UserFormat.Pattern] = []
        for (pname, pv) in entries {
            guard let pfields = pv.objectValue else { throw Problem("pattern '\(pname)' must be an object with a 'pattern'") }
            for (k, _) in pfields where k != "pattern" && k != "module-format" {
                throw Problem("pattern '\(pname)': unknown key '\(k)' (known: pattern, module-format)")
            }
            if pfields.first(where: { $0.key == "module-format" })?.value.boolValue == true { continue }
            guard let text = pfields.first(where: { $0.key == "pattern" })?.value.stringValue, !text.isEmpty else {
                throw Problem("pattern '\(pname)' has no 'pattern' string")
            }
            let (icuPattern, groups) = NamedGroups.rewrite(text)
            guard groups[timestampField] != nil else {
                throw Problem("pattern '\(pname)' has no (?<\(timestampField)>…) group: each line's time must come from it")
            }
            let regex: NSRegularExpression
            do { regex = try NSRegularExpression(pattern: icuPattern) } catch {
                throw Problem("pattern '\(pname)' is not a valid regular expression: \(text)")
            }
            patterns.append(UserFormat.Pattern(name: pname, regex: regex, groups: groups))
        }
        guard !patterns.isEmpty else { throw Problem("no pattern for whole lines (all are module-format)") }

        var stampFormats: [TimestampPattern] = []
        if let tf = map["timestamp-format"] {
            guard let items = tf.arrayValue else { throw Problem("'timestamp-format' must be an array of strings") }
            for item in items {
                guard let s = item.stringValue else { throw Problem("'timestamp-format' must be an array of strings") }
                do { stampFormats.append(try TimestampPattern(s)) } catch { throw Problem("timestamp-format '\(s)': \(error.message)") }
            }
        }

        var levels: [(level: LogLevel, regex: NSRegularExpression)] = []
        if let lv = map["level"] {
            guard let items = lv.objectValue else { throw Problem("'level' must map level names to patterns") }
            for (lname, pat) in items {
                guard let level = levelNames[lname] else {
                    throw Problem("unknown level name '\(lname)' (lnav's: \(levelNames.keys.sorted().joined(separator: ", ")))")
                }
                let text: String
                switch pat {
                case .string(let s): text = s
                case .number(let n): text = "^" + NSRegularExpression.escapedPattern(for: n) + "$"
                default: throw Problem("level '\(lname)' must be a pattern string")
                }
                do { levels.append((level, try NSRegularExpression(pattern: text))) } catch {
                    throw Problem("level '\(lname)' is not a valid regular expression: \(text)")
                }
            }
        }

        var multiline = true
        if let m = map["multiline"] {
            guard let b = m.boolValue else { throw Problem("'multiline' must be true or false") }
            multiline = b
        }
        var filePattern: NSRegularExpression? = nil
        if map["file-pattern"] != nil {
            let text = try string("file-pattern", default: "")
            do { filePattern = try NSRegularExpression(pattern: text) } catch {
                throw Problem("file-pattern is not a valid regular expression: \(text)")
            }
        }
        let format = UserFormat(name: name, file: path, title: map["title"]?.stringValue, patterns: patterns,
                                timestampField: timestampField, levelField: levelField,
                                timeField: timeField, timestampFormats: stampFormats, levels: levels,
                                multiline: multiline, filePattern: filePattern)
        try checkSamples(map["sample"], format)
        return (format, unused)
    }

    /// Each `sample` line must match a pattern with a readable time (and its `level`, when given).
    static func checkSamples(_ value: JSONValue?, _ format: UserFormat) throws(Problem) {
        guard let value else { return }
        guard let items = value.arrayValue else { throw Problem("'sample' must be an array of {\"line\": …}") }
        for (k, item) in items.enumerated() {
            guard let line = item.objectValue?.first(where: { $0.key == "line" })?.value.stringValue else {
                throw Problem("sample \(k + 1) has no 'line'")
            }
            let first = String(line.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
            guard let m = format.match(first) else {
                throw Problem("sample \(k + 1) does not match any pattern (or its time does not read with the timestamp-format): \(first)")
            }
            if let want = item.objectValue?.first(where: { $0.key == "level" })?.value.stringValue,
               let level = levelNames[want], level != m.level {
                throw Problem("sample \(k + 1) reads as level \(m.level == .none ? "none" : m.level.label.lowercased()), the sample says \(want)")
            }
        }
    }
}
