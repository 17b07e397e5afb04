/// Bare OCPP-J frame logs (TONLY and similar): one frame per line or wrapped over several lines,
/// optionally prefixed by `[2021-11-09 15:58:40:440] ` (`:` before the milliseconds), by a label
/// (`ResetData GetConfiguration = `, `receive data: ?` with a stray byte) or followed by `(47 bytes)`.
/// Most lines carry no time and take the time of the last stamped line. Comments (`//...`) and
/// handshake lines are kept as untimed records. A frame whose brackets are still open continues on
/// the next line unless that line starts something new.
public struct FramesFormat: LineFormat {
    public static let stream = StreamKind.frames
    /// Bracket depth of an unfinished frame (0 = none open).
    var depth = 0
    var inString = false
    public init() {}

    public static func score(_ lines: [ArraySlice<UInt8>]) -> Int {
        // A frame line counts when no ISO stamp of another format starts it; the TONLY stamp
        // (`:` before the milliseconds) counts on its own.
        lines.reduce(0) { n, l in
            if stampPrefix(l) != nil {
                return l.count > 21 && l[l.startIndex + 20] == UInt8(ascii: ":") ? n + 1 : n
            }
            if GenericISOFormat.stamp(l) != nil || ModuleFormat.stamp(l) != nil { return n }
            return Bytes.findFrameStart(l) != nil ? n + 1 : n
        }
    }

    /// `[2021-11-09 15:58:40:440] ` → the stamp and the prefix length.
    static func stampPrefix<C: RandomAccessCollection<UInt8>>(_ l: C) -> ISOStamp.Result? where C.Index == Int {
        guard let f = l.first, f == UInt8(ascii: "[") else { return nil }
        guard let r = ISOStamp.parse(l.dropFirst()), l.startIndex + 1 + r.length < l.endIndex,
              l[l.startIndex + 1 + r.length] == UInt8(ascii: "]") else { return nil }
        return ISOStamp.Result(ms: r.ms, length: r.length + 2)
    }

    /// Updates the open-bracket state with the bytes of `s` from `from`.
    mutating func track<C: RandomAccessCollection<UInt8>>(_ s: C, from: Int) where C.Index == Int {
        var escaped = false
        var i = from
        while i < s.endIndex {
            let b = s[i]
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                depth += 1
            } else if b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
                depth -= 1
                if depth <= 0 { depth = 0; inString = false; return }
            }
            i += 1
        }
    }

    public mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        let stamp = Self.stampPrefix(line)
        let bodyStart = stamp.map { Bytes.skipSpaces(line, $0.length) } ?? 0
        let frameAt = Bytes.findFrameStart(line[bodyStart...])
        let startsNew = stamp != nil || frameAt != nil || Bytes.hasPrefix(line, "//", at: Bytes.skipSpaces(line, 0))
        if depth > 0 && !startsNew && !Bytes.isBlank(line) {
            track(line, from: 0)
            return .continuation
        }
        depth = 0
        inString = false
        if let f = frameAt { track(line, from: f) }
        if let s = stamp { return .start(s.ms) }
        return .untimed
    }
}
