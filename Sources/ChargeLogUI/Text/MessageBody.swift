import ChargeLogCore

/// The part of a record worth a timeline column once its time has its own column: the record's text
/// without its leading stamp and level (`2024-05-01 14:42:14.595 +0000 INFO ` → ``,
/// `Apr/30 20:02:13 UTC --  ` → ``, `[April/28 08:48:46.384 UTC]` → ``).
public enum MessageBody {
    public static func of(_ text: String) -> Substring {
        let head = Array(text.utf8.prefix(96))
        var i = 0
        // Module logs: `704 2023-11-30T00:00:42+0000 [ocpp] ...`
        var d = 0
        while d < head.count, head[d] >= 0x30, head[d] <= 0x39 { d += 1 }
        if d > 0, d < 8, d < head.count, head[d] == 0x20, ISOStamp.parse(head[(d + 1)...]) != nil { i = d + 1 }
        if let r = ISOStamp.parse(head[i...]) {
            i += r.length
        } else if let r = YearlessStamp.parse(head[i...]) {
            i += r.length
        } else if let r = YearlessStamp.parseBracketed(head[i...]) {
            i += r.length
        } else if head.first == UInt8(ascii: "["), let r = ISOStamp.parse(head[1...]), 1 + r.length < head.count,
                  head[1 + r.length] == UInt8(ascii: "]") {
            i = r.length + 2
        } else {
            return text[...]
        }
        i = Bytes.skipSpaces(head, i)
        // A level word, then the Qt app's `--`.
        var j = i
        while j < head.count, head[j] != 0x20 { j += 1 }
        if j > i, LogLevel.parse(head[i..<j]) != .none { i = Bytes.skipSpaces(head, j) }
        if Bytes.hasPrefix(head, "--", at: i) { i = Bytes.skipSpaces(head, i + 2) }
        let u = text.utf8
        guard let idx = u.index(u.startIndex, offsetBy: i, limitedBy: u.endIndex),
              let s = String.Index(idx, within: text) else { return text[...] }
        return text[s...]
    }
}
