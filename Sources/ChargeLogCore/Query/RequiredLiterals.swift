/// The literal text every match of a regular expression must contain, for the byte prefilter of
/// `RecordSearch`: a list of alternatives (a match holds at least one of them), each the longest run
/// of plain printable ASCII characters of one top-level branch (`Faulted|Unavailable` → both words,
/// `Status.*Faulted` → `Faulted`). Nil when the pattern gives none that is certain: a branch without
/// a plain run, inline flags `(?…)`, quoting `\Q…\E`, escapes that stand for characters (`\x41`,
/// `\u00e9`, `\t`), back references. A leading `(?i)` is read as case-insensitive matching
/// (`folds(_:)` tells the scan to fold). Groups and classes end a run and are not looked into.
/// Conservative by design: nil only costs speed, a wrong literal would lose matches.
public enum RequiredLiterals {
    /// The alternatives as bytes (lower case when `caseInsensitive`: they are then compared with ASCII
    /// letters folded), or nil.
    public static func of(_ source: String, caseInsensitive: Bool) -> [[UInt8]]? {
        // A leading `(?i)` (grep -i written as a regex) is the same as matching without case.
        if source.hasPrefix("(?i)") { return of(String(source.dropFirst(4)), caseInsensitive: true) }
        let chars = Array(source.unicodeScalars)
        guard !chars.isEmpty else { return nil }
        guard let branches = topLevelBranches(chars) else { return nil }
        var out: [[UInt8]] = []
        for b in branches {
            guard let lit = longestRun(b), !lit.isEmpty else { return nil }
            out.append(caseInsensitive ? lit.map(ASCIIFold.lower) : lit)
        }
        return out
    }

    /// Whether the literals of `source` compare with ASCII letters folded.
    public static func folds(_ source: String, caseInsensitive: Bool) -> Bool {
        caseInsensitive || source.hasPrefix("(?i)")
    }

    /// Splits at the `|` outside groups and classes; nil on syntax this reader does not follow.
    static func topLevelBranches(_ c: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>]? {
        var out: [ArraySlice<Unicode.Scalar>] = []
        var depth = 0, start = 0, i = 0
        while i < c.count {
            switch c[i] {
            case "\\":
                i += 2
                continue
            case "[":
                guard let end = classEnd(c, from: i) else { return nil }
                i = end
                continue
            case "(":
                if i + 1 < c.count, c[i + 1] == "?" { return nil }
                depth += 1
            case ")":
                depth -= 1
                if depth < 0 { return nil }
            case "|" where depth == 0:
                out.append(c[start..<i])
                start = i + 1
            default: break
            }
            i += 1
        }
        guard depth == 0 else { return nil }
        out.append(c[start..<c.count])
        return out
    }

    /// Index just past the class that opens at `i` (nested classes of ICU's set syntax included).
    static func classEnd(_ c: [Unicode.Scalar], from i: Int) -> Int? {
        var j = i + 1
        if j < c.count, c[j] == "^" { j += 1 }
        if j < c.count, c[j] == "]" { j += 1 }
        var depth = 1
        while j < c.count {
            switch c[j] {
            case "\\": j += 2; continue
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth == 0 { return j + 1 }
            default: break
            }
            j += 1
        }
        return nil
    }

    /// Index just past the group that opens at `i`.
    static func groupEnd(_ c: [Unicode.Scalar], from i: Int) -> Int? {
        var j = i + 1, depth = 1
        while j < c.count {
            switch c[j] {
            case "\\": j += 2; continue
            case "[":
                guard let e = classEnd(c, from: j) else { return nil }
                j = e
                continue
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return j + 1 }
            default: break
            }
            j += 1
        }
        return nil
    }

    /// Escapes that stand for a class or an assertion and take no argument: they end a run.
    static let classEscapes = Set("dDwWsSbBAZzGhHvVRX".unicodeScalars)

    /// The longest run of required plain characters in one branch; nil when the branch uses syntax
    /// this reader does not follow, empty when it has no run.
    static func longestRun(_ b: ArraySlice<Unicode.Scalar>) -> [UInt8]? {
        let c = Array(b)
        var best: [UInt8] = [], run: [UInt8] = []
        // The last plain character: a quantifier after it makes it optional.
        var pending: UInt8?
        func endRun() {
            if let p = pending { run.append(p); pending = nil }
            if run.count > best.count { best = run }
            run = []
        }
        func literal(_ v: UInt8) {
            if let p = pending { run.append(p) }
            pending = v
        }
        var i = 0
        while i < c.count {
            let ch = c[i]
            switch ch {
            case "\\":
                guard i + 1 < c.count else { return nil }
                let e = c[i + 1]
                if e.isASCII, !(e.properties.isAlphabetic || ("0"..."9").contains(e)), e.value >= 0x20, e.value < 0x7F {
                    literal(UInt8(e.value))
                } else if classEscapes.contains(e) {
                    endRun()
                } else {
                    return nil
                }
                i += 2
            case "[":
                endRun()
                guard let e = classEnd(c, from: i) else { return nil }
                i = e
            case "(":
                endRun()
                guard let e = groupEnd(c, from: i) else { return nil }
                i = e
            case ".", "^", "$":
                endRun()
                i += 1
            case "?", "*", "+", "{":
                var keeps = ch == "+"
                var j = i + 1
                if ch == "{" {
                    var digits = ""
                    while j < c.count, ("0"..."9").contains(c[j]) { digits.unicodeScalars.append(c[j]); j += 1 }
                    guard let n = Int(digits) else { return nil }
                    while j < c.count, c[j] == "," || ("0"..."9").contains(c[j]) { j += 1 }
                    guard j < c.count, c[j] == "}" else { return nil }
                    j += 1
                    keeps = n >= 1
                }
                if !keeps { pending = nil }
                endRun()
                // Lazy and possessive marks.
                if j < c.count, c[j] == "?" || c[j] == "+" { j += 1 }
                i = j
            case ")", "|":
                return nil
            default:
                if ch.value >= 0x20 && ch.value < 0x7F {
                    literal(UInt8(ch.value))
                } else {
                    endRun()
                }
                i += 1
            }
        }
        endRun()
        return best
    }
}

/// ASCII-only case folding of bytes.
enum ASCIIFold {
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
}
