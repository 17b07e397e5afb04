import CLibz

/// Streams a deflate-compressed byte range of a file through zlib into a `FileWriter`, with bounded memory
/// (one 1 MiB input and one 1 MiB output buffer, whatever the file size).
///
/// Two modes:
/// - `.gzipMembers`: gzip (or zlib) framing, auto-detected; concatenated gzip members are inflated one
///   after the other (`inflateReset` at `Z_STREAM_END` while input remains).
/// - `.rawSingle`: one raw deflate stream, as stored in a zip entry; stops at its end.
///
/// Never throws: damage ends the run and is described in the returned `InflateOutcome`; what was
/// inflated before it stays written.
enum Inflater {
    enum Mode { case gzipMembers, rawSingle }

    static let chunk = 1 << 20

    /// `limit`: compressed bytes to read at most; `maxOutput`: inflated bytes to write at most (more
    /// ends the run with `.limitReached`).
    static func run(_ reader: FileReader, from start: UInt64, limit: UInt64? = nil, maxOutput: UInt64 = .max,
                    mode: Mode, to writer: FileWriter) -> InflateOutcome {
        var strm = z_stream()
        let initStatus = mode == .rawSingle ? cl_inflate_init_raw(&strm) : cl_inflate_init_auto(&strm)
        guard initStatus == Z_OK else {
            return InflateOutcome(end: .corrupt("zlib could not start (code \(initStatus))"), bytesIn: 0, bytesOut: 0, members: 0, crc: 0)
        }
        defer { inflateEnd(&strm) }

        let input = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { input.deallocate(); output.deallocate() }

        let end = limit.map { CheckedNumber.sum(start, $0) ?? .max }
        var pos = start            // next file offset to read
        var inputEOF = false
        var outcome = InflateOutcome(end: .complete, bytesIn: 0, bytesOut: 0, members: 0, crc: UInt32(crc32(0, nil, 0)))

        /// Refills the input buffer when it is empty; false at end of input.
        func refill() -> Bool {
            if strm.avail_in > 0 { return true }
            if inputEOF { return false }
            var want = chunk
            if let end { want = Int(min(UInt64(chunk), end - min(end, pos))) }
            let n = want == 0 ? 0 : reader.read(into: input, count: want, at: pos)
            if n <= 0 { inputEOF = true; return false }
            strm.next_in = input
            strm.avail_in = uInt(n)
            pos += UInt64(n)
            return true
        }
        func consumed() -> UInt64 { pos - start - UInt64(strm.avail_in) }

        while true {
            _ = refill()
            strm.next_out = output
            strm.avail_out = uInt(chunk)
            let status = inflate(&strm, Z_NO_FLUSH)
            var produced = chunk - Int(strm.avail_out)
            let overLimit = UInt64(produced) > maxOutput - outcome.bytesOut
            if overLimit { produced = Int(maxOutput - outcome.bytesOut) }
            if produced > 0 {
                outcome.crc = UInt32(crc32(uLong(outcome.crc), output, uInt(produced)))
                do { try writer.write(UnsafeRawBufferPointer(start: output, count: produced)) } catch {
                    outcome.end = .writeFailed(error.message)
                    break
                }
                outcome.bytesOut += UInt64(produced)
            }
            if overLimit {
                outcome.end = .limitReached(maxOutput)
                break
            }
            if status == Z_OK { continue }
            if status == Z_STREAM_END {
                outcome.members += 1
                if mode == .rawSingle { break }
                guard refill() else { break }
                // Another gzip member follows, or trailing bytes that are not one.
                if strm.next_in[0] == 0x1F && (strm.avail_in < 2 || strm.next_in[1] == 0x8B) {
                    inflateReset(&strm)
                    continue
                }
                outcome.end = trailing(reader, at: start + consumed(), end: end)
                break
            }
            if status == Z_BUF_ERROR {
                // No progress possible: out of input before the stream's end.
                if !refill() { outcome.end = .truncated; break }
                continue
            }
            let message = strm.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            outcome.end = .corrupt(message)
            break
        }
        outcome.bytesIn = consumed()
        return outcome
    }

    /// Describes bytes after the last gzip member: padding of zeros (common on tape and some loggers) or garbage.
    static func trailing(_ reader: FileReader, at offset: UInt64, end: UInt64?) -> InflateOutcome.End {
        let stop = end ?? reader.currentSize
        guard stop > offset else { return .complete }
        var allZero = true
        var at = offset
        while at < stop && allZero {
            let bytes = reader.read(at..<min(stop, at + UInt64(chunk)))
            if bytes.isEmpty { break }
            allZero = !bytes.contains { $0 != 0 }
            at += UInt64(bytes.count)
        }
        return .trailingBytes(count: stop - offset, allZero: allZero)
    }
}

/// How an inflation ended, and what it produced.
struct InflateOutcome: Equatable {
    enum End: Equatable {
        /// The stream(s) ended properly.
        case complete
        /// The input ended before the stream did (a download or copy cut short).
        case truncated
        /// zlib rejected the data (`invalid distance too far back`, a bad header, ...).
        case corrupt(String)
        /// Bytes after the last complete member that do not start another member.
        case trailingBytes(count: UInt64, allZero: Bool)
        /// The inflated copy could not be written (disk full, ...).
        case writeFailed(String)
        /// The output reached the most it may hold (`InflateLimit`); what came before is kept.
        case limitReached(UInt64)
    }

    var end: End
    /// Compressed bytes consumed from the start offset.
    var bytesIn: UInt64
    /// Bytes written.
    var bytesOut: UInt64
    /// Complete streams (gzip members) inflated.
    var members: Int
    /// CRC-32 of everything written (for checking zip entries).
    var crc: UInt32
}
