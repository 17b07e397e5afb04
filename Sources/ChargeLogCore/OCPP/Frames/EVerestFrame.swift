/// The frame of an EVerest message-log record: the header line says the way
/// (`ChargePoint>CentralSystem` …, see `EVerestMessageFormat`), the pretty-printed frame follows it.
/// `SYS>` records carry none.
enum EVerestFrame {
    static func frames(_ b: UnsafeBufferPointer<UInt8>) -> [OCPPFrame] {
        var lineEnd = 0
        while lineEnd < b.count, b[lineEnd] != 0x0A { lineEnd += 1 }
        let first = UnsafeBufferPointer(rebasing: b[0..<lineEnd])
        guard let h = EVerestMessageFormat.header(first) else { return FrameExtractor.bareFrames(b, channel: .frames) }
        let hint = EVerestMessageFormat.hint(first, token: h.token)
        var s = lineEnd
        while s < b.count, b[s] == 0x0A || b[s] == 0x0D || Bytes.isSpace(b[s]) { s += 1 }
        guard s < b.count, b[s] == UInt8(ascii: "[") else { return [] }
        return [FrameDecoder.decodeArray(b, from: s, channel: .frames, hint: hint, suffix: .none)]
    }
}
