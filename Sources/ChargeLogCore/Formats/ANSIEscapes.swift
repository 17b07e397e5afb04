#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ANSI control sequences some loggers write into their files (`ESC[94m2025-09-02 22:53:09,498 - …`,
/// `ESC[0m`): colour (SGR) and the other CSI sequences that come with it (`ESC[K`). Detection,
/// parsing, frame finding and search read the line without them; the viewer drops them. The file's
/// bytes, and so the raw record, keep them.
public enum ANSIEscapes {
    static let escape: UInt8 = 0x1B

    /// Whether the bytes hold an ESC at all (the cheap test before stripping).
    @inline(__always)
    public static func contains(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = buf.baseAddress, buf.count > 0 else { return false }
        return memchr(p, Int32(escape), buf.count) != nil
    }

    public static func contains<C: Collection<UInt8>>(_ s: C) -> Bool {
        if let r = s.withContiguousStorageIfAvailable({ contains($0) }) { return r }
        return s.contains(escape)
    }

    /// Length of the CSI sequence at `i` (`ESC [`, parameter bytes, intermediate bytes, a final
    /// byte), or 0 when none starts there.
    static func sequenceLength<C: RandomAccessCollection<UInt8>>(_ s: C, at i: Int) -> Int where C.Index == Int {
        guard i + 1 < s.endIndex, s[i] == escape, s[i + 1] == UInt8(ascii: "[") else { return 0 }
        var j = i + 2
        while j < s.endIndex, s[j] >= 0x30, s[j] <= 0x3F { j += 1 }
        while j < s.endIndex, s[j] >= 0x20, s[j] <= 0x2F { j += 1 }
        guard j < s.endIndex, s[j] >= 0x40, s[j] <= 0x7E else { return 0 }
        return j + 1 - i
    }

    /// Appends `s` without its CSI sequences to `out`.
    static func strip<C: RandomAccessCollection<UInt8>>(_ s: C, into out: inout [UInt8]) where C.Index == Int {
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == escape {
                let n = sequenceLength(s, at: i)
                if n > 0 { i += n; continue }
            }
            out.append(s[i])
            i += 1
        }
    }

    /// `s` without its CSI sequences.
    public static func strip<C: RandomAccessCollection<UInt8>>(_ s: C) -> [UInt8] where C.Index == Int {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        strip(s, into: &out)
        return out
    }

    /// The text without its CSI sequences (a String that holds no ESC comes back as it is).
    public static func strip(_ text: String) -> String {
        guard text.utf8.contains(escape) else { return text }
        return LosslessText.decode(strip(Array(text.utf8)))
    }
}

/// Runs a format over lines with their ANSI sequences removed. Chosen per file, when the first
/// block of the file holds an ESC byte, so files without colour keep the bare parser's loop.
struct ANSIStripped<F: LineFormat>: LineFormat {
    static var stream: StreamKind { F.stream }
    var inner: F
    var scratch: [UInt8] = []

    init() { inner = F() }
    init(inner: F) { self.inner = inner }

    static func score(_ lines: [ArraySlice<UInt8>]) -> Int { F.score(lines) }

    mutating func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        guard ANSIEscapes.contains(line) else { return inner.classify(line) }
        scratch.removeAll(keepingCapacity: true)
        ANSIEscapes.strip(line, into: &scratch)
        return scratch.withUnsafeBufferPointer { inner.classify($0) }
    }

    static func recordText(_ lines: [ArraySlice<UInt8>]) -> [UInt8] { F.recordText(lines) }
}
