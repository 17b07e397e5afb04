import ChargeLogCore

/// Tests records for a search without decoding each one: a pattern without regex syntax is looked
/// for in the record's bytes (ASCII case folded under smart case); a regex first needs its literal
/// hint in the bytes, then runs on the decoded text. Keeps `/`, `t` and `i` fast on big bundles.
struct RecordMatcher {
    let pattern: TextPattern
    /// Bytes every match must contain (folded to lower case when `folded`).
    let needle: [UInt8]
    let folded: Bool
    /// The needle is the whole pattern: finding it is the match.
    let literal: Bool

    static let regexSyntax = Set("\\^$.|?*+()[]{}")

    /// `hint`: a literal every match of a regex contains (e.g. the transaction id).
    init(_ pattern: TextPattern, hint: String? = nil) {
        self.pattern = pattern
        let source = pattern.source
        let isLiteral = !source.contains { Self.regexSyntax.contains($0) }
        let smart = source == source.lowercased()
        literal = isLiteral
        let text = isLiteral ? source : (hint ?? Self.literalHint(source) ?? "")
        // Case folding is ASCII-only; a non-ASCII literal under smart case goes through the regex.
        folded = smart && (isLiteral || hint == nil)
        if folded && !text.allSatisfy(\.isASCII) {
            needle = []
        } else {
            needle = Array((folded ? text.lowercased() : text).utf8)
        }
    }

    /// The longest run of plain characters every match of a simple regex must contain
    /// (`14:42:1.\.5` → `14:42:`); nil for alternations, classes and escapes.
    static func literalHint(_ source: String) -> String? {
        guard !source.contains(where: { "|[\\".contains($0) }) else { return nil }
        var best = ""
        var run = ""
        let chars = Array(source)
        for (i, c) in chars.enumerated() {
            if "^$.?*+(){}".contains(c) {
                // A quantifier makes the character before it optional.
                if "?*{".contains(c), !run.isEmpty { run.removeLast() }
                if run.count > best.count { best = run }
                run = ""
            } else {
                run.append(c)
            }
            if i == chars.count - 1, run.count > best.count { best = run }
        }
        return best.count >= 2 ? best : nil
    }

    func matches(_ reader: BlockReader, position p: Int, text: () -> String) -> Bool {
        let ref = reader.index.ref(at: p)
        let stream = reader.index.files[ref.file].stream
        guard !needle.isEmpty, stream != .ccu else { return pattern.matches(text()) }
        let bytes = reader.bytes(of: ref)
        // Colour codes may split the words: the text, without them, decides.
        if ANSIEscapes.contains(bytes) { return pattern.matches(text()) }
        guard ByteScan.contains(bytes, needle, folded: folded) else { return false }
        return literal && LosslessText.isValidUTF8(bytes) ? true : pattern.matches(text())
    }

}
