/// Turns log bytes into a String without losing any byte: valid UTF-8 is kept, each byte of an
/// invalid sequence becomes the four characters `\xNN`. NUL and other controls are kept as they are
/// (JSON output escapes them; the viewer draws them as visible glyphs).
public enum LosslessText {
    public static func decode<C: Collection<UInt8>>(_ bytes: C) -> String {
        // Contiguous bytes are validated once (`validated`); others through the generic initialiser.
        switch bytes.withContiguousStorageIfAvailable(validated) {
        case .some(.some(let s)): return s
        case .some(.none): break
        case .none: if let s = String(validating: bytes, as: UTF8.self) { return s }
        }
        let buffer = Array(bytes)
        var out = String()
        out.reserveCapacity(buffer.count + 16)
        var i = 0
        while i < buffer.count {
            let b = buffer[i]
            let len: Int
            if b < 0x80 { len = 1 }
            else if b >> 5 == 0b110 { len = 2 }
            else if b >> 4 == 0b1110 { len = 3 }
            else if b >> 3 == 0b11110 { len = 4 }
            else { len = 0 }
            if len == 1 {
                out.unicodeScalars.append(Unicode.Scalar(b))
                i += 1
            } else if len > 1, i + len <= buffer.count,
                      let s = String(validating: buffer[i..<(i + len)], as: UTF8.self) {
                out += s
                i += len
            } else {
                out += "\\x" + Hex.encode(CollectionOfOne(b))
                i += 1
            }
        }
        return out
    }

    /// Whether the bytes are valid UTF-8.
    public static func isValidUTF8<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        if let valid = bytes.withContiguousStorageIfAvailable({ validated($0) != nil }) { return valid }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// Contiguous bytes as a String when they are valid UTF-8, else nil. `String(decoding:)` on a
    /// buffer is specialised (the generic `String(validating:)` looks up type metadata on every call,
    /// 5 % of the OCPP analysis); it repairs invalid bytes, so a result whose bytes differ from the
    /// input means the input was not valid.
    static func validated(_ buf: UnsafeBufferPointer<UInt8>) -> String? {
        var ascii = true
        for b in buf where b >= 0x80 { ascii = false; break }
        let s = String(decoding: buf, as: UTF8.self)
        if ascii { return s }
        return s.utf8.elementsEqual(buf) ? s : nil
    }
}
