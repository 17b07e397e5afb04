/// Picks a file's format from its first lines (content, not name). The name only breaks ties between
/// formats of the same shape (a fault log holding nothing but session headers looks like an update log).
public enum FormatDetector {
    /// Lines sampled from the start of a file.
    public static let sampleLines = 200

    public struct Detection: Sendable, Equatable {
        public var stream: StreamKind
        public var score: Int
        public var sampled: Int
        /// The sample holds ANSI escape sequences (colour codes): lines are read without them.
        public var ansi = false
        /// The user-defined format (`stream == .custom`) by name.
        public var userFormat: String? = nil
    }

    /// Detects the format of a file from its first bytes. `nameHint` is the file's path: it breaks
    /// ties between built-in formats and is what a user format's `file-pattern` is matched against.
    /// A user-defined format wins a tie with a built-in one (it was written for such files).
    public static func detect(sample: [UInt8], nameHint: String = "", userFormats: [UserFormat] = []) -> Detection {
        let ansi = ANSIEscapes.contains(sample)
        let lines = split(ansi ? ANSIEscapes.strip(sample) : sample)
        var d = detect(lines: lines, nameHint: nameHint)
        d.ansi = ansi
        guard !userFormats.isEmpty else { return d }
        let nonBlank = lines.filter { !Bytes.isBlank($0) }
        var best: (name: String, score: Int)? = nil
        for u in userFormats where u.accepts(path: nameHint) {
            let s = u.score(nonBlank)
            if s > 0, s > (best?.score ?? 0) { best = (u.name, s) }
        }
        if let b = best, b.score * 5 >= nonBlank.count, b.score >= d.score {
            d = Detection(stream: .custom, score: b.score, sampled: nonBlank.count, ansi: ansi, userFormat: b.name)
        }
        return d
    }

    static func detect(lines: [ArraySlice<UInt8>], nameHint: String) -> Detection {
        let nonBlank = lines.filter { !Bytes.isBlank($0) }
        let sampled = nonBlank.count
        guard sampled > 0 else { return Detection(stream: .text, score: 0, sampled: 0) }
        let hint = nameHint.lowercased()
        var best: (stream: StreamKind, score: Int)? = nil
        for format in FormatRegistry.all {
            let s = format.score(nonBlank)
            guard s > 0 else { continue }
            if let b = best {
                if s > b.score || (s == b.score && hintPrefers(hint, format.stream, over: b.stream)) {
                    best = (format.stream, s)
                }
            } else {
                best = (format.stream, s)
            }
        }
        // At least a fifth of the sampled lines must fit (scores may weigh lines above 1).
        guard let b = best, b.score * 5 >= sampled else { return Detection(stream: .text, score: 0, sampled: sampled) }
        return Detection(stream: b.stream, score: b.score, sampled: sampled)
    }

    static func hintPrefers(_ hint: String, _ a: StreamKind, over b: StreamKind) -> Bool {
        func named(_ s: StreamKind) -> Bool {
            switch s {
            case .fault: hint.contains("fault")
            case .update: hint.contains("update")
            case .ccu: hint.contains("ccu")
            case .ocpp: hint.contains("ocpp")
            case .mainprocess: hint.contains("mainprocess") || hint.contains("qt")
            default: false
            }
        }
        return named(a) && !named(b)
    }

    static func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            var end = i
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            out.append(bytes[start..<end])
            start = i + 1
            if out.count >= sampleLines { return out }
        }
        if start < bytes.count { out.append(bytes[start...]) }
        return out
    }
}
