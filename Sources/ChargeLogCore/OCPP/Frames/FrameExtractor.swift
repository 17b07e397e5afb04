#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the OCPP frames a record carries, for every carrier the seeds show:
/// proxy pipe lines, proxy WebSocket lines, bare frames (with stamps, labels, stray bytes, wraps,
/// `(47 bytes)` suffixes) and other clients' `>> message sent:` / `<< message received:` lines.
public enum FrameExtractor {
    /// Streams whose records can carry frames. CCU, fault and update records are never scanned; a
    /// ChargePilot CSV row is one message in columns.
    public static func canHoldFrames(_ stream: StreamKind) -> Bool {
        switch stream {
        case .ocpp, .frames, .generic, .module, .text, .mainprocess, .csv: true
        case .pybasic, .python, .uvicorn, .homeassistant, .syslog, .java, .timeofday: true
        case .jsonl, .trace, .everest, .custom: true
        case .ccu, .fault, .update: false
        }
    }

    /// Cheap test before any parsing: a `[` that opens an OCPP-J array (`[2,"`) or a proxy pipe marker.
    public static func mayHoldFrame(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buf.baseAddress, buf.count > 3 else { return false }
        var i = 0
        while i < buf.count {
            guard let p = memchr(base + i, 0x5B, buf.count - i) else { return false }
            let at = UnsafeRawPointer(p) - UnsafeRawPointer(base)
            if Bytes.isFrameStart(buf, at: at) || Bytes.hasPrefix(buf, "[From charging station]", at: at)
                || Bytes.hasPrefix(buf, "[To charging station]", at: at) { return true }
            i = at + 1
        }
        return false
    }

    /// The cheap test for a record of `stream`: a CSV row and an OCPP trace record are one message each;
    /// a JSON-lines record may hold its frame escaped inside a string.
    public static func mayHoldFrame(_ buf: UnsafeBufferPointer<UInt8>, stream: StreamKind) -> Bool {
        switch stream {
        // An EVerest record's frame is pretty-printed: `[` and the type on different lines.
        case .csv, .trace, .everest: true
        case .jsonl: mayHoldFrame(buf) || JSONLineFrames.mayHoldEscapedFrame(buf)
        default: canHoldFrames(stream) && mayHoldFrame(buf)
        }
    }

    /// All frames in a record's bytes (line ends included or not). A CSV row is read with `csvColumns`
    /// (its file's header: `ChargePilotColumns.of(file)`), else in the download's documented order.
    /// `writer`: who wrote the log (`IndexedFile.role`); a central system's `send` goes to the charger.
    public static func frames(in buf: UnsafeBufferPointer<UInt8>, stream: StreamKind,
                              csvColumns: ChargePilotColumns? = nil, writer: WriterRole?) -> [OCPPFrame] {
        var frames = frames(in: buf, stream: stream, csvColumns: csvColumns)
        if let w = writer, w != .charger {
            for k in frames.indices { frames[k].hint = frames[k].hint.seen(by: w) }
        }
        return frames
    }

    /// ANSI colour codes are taken out first.
    public static func frames(in buf: UnsafeBufferPointer<UInt8>, stream: StreamKind,
                              csvColumns: ChargePilotColumns? = nil) -> [OCPPFrame] {
        if ANSIEscapes.contains(buf) {
            return ANSIEscapes.strip(buf).withUnsafeBufferPointer { extract($0, stream: stream, csvColumns: csvColumns) }
        }
        return extract(buf, stream: stream, csvColumns: csvColumns)
    }

    /// `frames(in:)` on bytes without colour codes.
    static func extract(_ buf: UnsafeBufferPointer<UInt8>, stream: StreamKind, csvColumns: ChargePilotColumns?) -> [OCPPFrame] {
        if stream == .csv { return ChargePilotRow.frames(buf, columns: csvColumns ?? .standard) }
        // JSON records: the frame may be escaped inside a string, or rebuilt from fields.
        if stream == .trace { return TraceRecordFrame.frames(buf) }
        if stream == .jsonl { return JSONLineFrames.frames(buf) }
        if stream == .everest { return EVerestFrame.frames(buf) }
        guard canHoldFrames(stream), mayHoldFrame(buf) else { return [] }
        let b = withoutLineEnd(buf)
        if stream == .ocpp, let f = proxyFrame(b) { return [f] }
        if let f = clientFrame(b) { return [f] }
        if stream == .mainprocess { return [] }
        return bareFrames(b, channel: .frames)
    }

    /// The record's bytes without its CR/LF line end.
    static func withoutLineEnd(_ buf: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var end = buf.count
        while end > 0, buf[end - 1] == 0x0A || buf[end - 1] == 0x0D { end -= 1 }
        return UnsafeBufferPointer(rebasing: buf[0..<end])
    }

    public static func frames(in bytes: [UInt8], stream: StreamKind, csvColumns: ChargePilotColumns? = nil) -> [OCPPFrame] {
        bytes.withUnsafeBufferPointer { frames(in: $0, stream: stream, csvColumns: csvColumns) }
    }

    /// The frames of record `record` of `file`.
    public static func frames(of file: IndexedFile, record: Int) -> [OCPPFrame] {
        file.rawBytes(record).withUnsafeBufferPointer {
            frames(in: $0, stream: file.stream, csvColumns: file.stream == .csv ? .of(file) : nil, writer: file.role)
        }
    }

    public static func frames(inText text: String, stream: StreamKind) -> [OCPPFrame] {
        frames(in: Array(text.utf8), stream: stream)
    }

    // MARK: carriers

    /// `... PipeSession - [From charging station]: <pipeId>=<Action>=<json>` and
    /// `... WebSocketTransmitter - Sending: [...]` / `Received: [...]`.
    static func proxyFrame(_ b: UnsafeBufferPointer<UInt8>) -> OCPPFrame? {
        switch pipeMarker(b) {
        case .pipe(let start, let hint): return FrameDecoder.decodePipe(b, from: start, hint: hint)
        case .unknownSide: return nil
        case .none: break
        }
        if let at = Bytes.find(b, "Sending: [", anchor: UInt8(ascii: "[")) {
            return FrameDecoder.decodeArray(b, from: at + 9, channel: .websocket, hint: .sent, suffix: .none)
        }
        if let at = Bytes.find(b, "Received: [", anchor: UInt8(ascii: "[")) {
            return FrameDecoder.decodeArray(b, from: at + 10, channel: .websocket, hint: .received, suffix: .none)
        }
        return nil
    }

    /// What a proxy line's `charging station]: ` says.
    enum PipeMarker {
        /// Not a pipe line.
        case none
        /// The marker without `[From ` or `[To ` before it: no frame.
        case unknownSide
        /// A pipe line whose `<pipeId>=…` starts at `start`.
        case pipe(start: Int, hint: CarrierHint)
    }

    /// Where a pipe line's marker stands at the latest for `pipeLine` (a Sungrow line has it about 45
    /// bytes in, after the stamp, level and logger).
    static let markerWithin = 256

    static func pipeMarker(_ b: UnsafeBufferPointer<UInt8>) -> PipeMarker {
        guard let at = Bytes.find(b, "charging station]: ", anchor: UInt8(ascii: "]")) else { return .none }
        if at >= 6, Bytes.hasPrefix(b, "[From ", at: at - 6) { return .pipe(start: at + 19, hint: .fromStation) }
        if at >= 4, Bytes.hasPrefix(b, "[To ", at: at - 4) { return .pipe(start: at + 19, hint: .toStation) }
        return .unknownSide
    }

    /// A proxy log record that is a pipe line, read up to its JSON without parsing it: the head and hint
    /// of the one frame `frames(in:stream: .ocpp, writer:)` gives for it, and the record's bytes without
    /// the line end (the payload starts at `head.payloadStart`). Nil for every other record, for one
    /// with colour codes and for one whose marker is not among its first `markerWithin` bytes (the scan
    /// then takes the record whole through `frames(in:)`, which finds the same frame): a WebSocket line,
    /// most of a proxy log, is told apart without reading it twice.
    static func pipeLine(_ buf: UnsafeBufferPointer<UInt8>, writer: WriterRole?)
        -> (head: FrameDecoder.PipeHead, hint: CarrierHint, bytes: UnsafeBufferPointer<UInt8>)? {
        let lead = UnsafeBufferPointer(rebasing: buf[0..<min(buf.count, markerWithin)])
        guard Bytes.find(lead, "charging station]: ", anchor: UInt8(ascii: "]")) != nil, !ANSIEscapes.contains(buf), mayHoldFrame(buf) else { return nil }
        let b = withoutLineEnd(buf)
        guard case .pipe(let start, var hint) = pipeMarker(b), let head = FrameDecoder.pipeHead(b, from: start) else { return nil }
        if let w = writer, w != .charger { hint = hint.seen(by: w) }
        return (head, hint, b)
    }

    /// `>> message sent: [2,…] color: cyan;` and `<< message received: [3,…]`.
    static func clientFrame(_ b: UnsafeBufferPointer<UInt8>) -> OCPPFrame? {
        if let at = Bytes.find(b, "message sent: "), let s = Bytes.findFrameStart(b[(at + 14)...]) {
            return FrameDecoder.decodeArray(b, from: s, channel: .client, hint: .sent, suffix: .clientStyle)
        }
        if let at = Bytes.find(b, "message received: "), let s = Bytes.findFrameStart(b[(at + 18)...]) {
            return FrameDecoder.decodeArray(b, from: s, channel: .client, hint: .received, suffix: .clientStyle)
        }
        return nil
    }

    /// Frames anywhere in the record: `[2,"100","BootNotification",{...}]`, `receive data: ?[3,...]`,
    /// `ResetData GetConfiguration = [3,...]`, frames wrapped over lines, `(47 bytes)` after.
    static func bareFrames(_ b: UnsafeBufferPointer<UInt8>, channel: OCPPChannel) -> [OCPPFrame] {
        var out: [OCPPFrame] = []
        var from = 0
        var labelStart = 0
        while from < b.count, let s = Bytes.findFrameStart(b[from...]) {
            let hint = CarrierHint.guess(UnsafeBufferPointer(rebasing: b[labelStart..<s]))
            let f = FrameDecoder.decodeArray(b, from: s, channel: channel, hint: hint, suffix: .byteCount)
            out.append(f)
            // A broken frame swallows the rest of the record.
            if f.isBroken { break }
            from = f.range.upperBound
            labelStart = from
        }
        return out
    }
}
