import CLibz

/// Inflates (or copies) one zip entry's data into the work folder with zlib, reading at most the stated
/// compressed size, and checks its CRC. Shared by the normal path (offsets from the central directory)
/// and salvage (offsets from scanning local headers). Damage keeps what was read before it.
enum ZipEntryReader {
    /// How an entry came out, for archive-level summaries.
    enum State: Equatable { case complete, cutShort, damaged, skipped }

    struct Request {
        var name: String
        var display: String
        /// 0 stored, 8 deflated; others are reported as unsupported.
        var method: UInt16
        var dataOffset: UInt64
        /// nil when only a data descriptor after the data knows it (deflate only: the stream finds its end).
        var compressedSize: UInt64?
        /// The CRC to check; nil to read it from the data descriptor after the data.
        var crc: UInt32?
        var modificationTime: Int64?
        /// Flag bit 0: password-protected; its bytes cannot be read.
        var encrypted = false
    }

    struct Result {
        var member: ArchiveMember?
        var state: State
        var diagnostics: [Diagnostic]
        /// Offset just past the entry's data (where a data descriptor or the next header starts).
        var dataEnd: UInt64
    }

    static func read(_ r: Request, from reader: FileReader, work: WorkDirectory, limit: InflateLimit = .standard) -> Result {
        let knownEnd = r.compressedSize.map { CheckedNumber.sum(r.dataOffset, $0) ?? .max } ?? r.dataOffset
        if r.encrypted {
            return Result(member: nil, state: .skipped,
                          diagnostics: [Diagnostic(.warning, file: r.display, "entry is password-protected; skipped")],
                          dataEnd: knownEnd)
        }
        guard r.method == 8 || (r.method == 0 && r.compressedSize != nil) else {
            let what = r.method == 0 ? "stored without a size" : "compressed with method \(r.method), which is not supported"
            return Result(member: nil, state: .skipped,
                          diagnostics: [Diagnostic(.warning, file: r.display, "entry is \(what); skipped")], dataEnd: knownEnd)
        }
        let writer: FileWriter
        do { writer = try FileWriter(path: try work.newFilePath(for: r.name)) } catch {
            return Result(member: nil, state: .skipped,
                          diagnostics: [Diagnostic(.error, file: r.display, "skipped: \(error.message)")], dataEnd: knownEnd)
        }
        // Without a stated size, the rest of the file is what the entry can have been compressed into.
        let fileSize = reader.currentSize
        let compressed = r.compressedSize ?? (fileSize > r.dataOffset ? fileSize - r.dataOffset : 0)
        let maxOutput = limit.maximum(compressed: compressed)
        let outcome = r.method == 8
            ? Inflater.run(reader, from: r.dataOffset, limit: r.compressedSize, maxOutput: maxOutput, mode: .rawSingle, to: writer)
            : copyStored(reader, from: r.dataOffset, count: r.compressedSize!, to: writer)
        writer.close()
        // A stated size that runs past the file's end is a lie (or a cut): the data ended where reading did.
        let dataEnd = r.compressedSize != nil && knownEnd <= fileSize ? knownEnd
            : (CheckedNumber.sum(r.dataOffset, outcome.bytesIn) ?? .max)

        var diags: [Diagnostic] = []
        var state = State.complete
        let kept = "kept the \(outcome.bytesOut) byte(s) read before it"
        switch outcome.end {
        case .complete, .trailingBytes:
            if let expected = r.crc ?? descriptorCRC(reader, at: dataEnd), expected != outcome.crc {
                state = .damaged
                diags.append(Diagnostic(.warning, file: r.display, "CRC check failed (content damaged); kept as read"))
            }
        case .truncated:
            state = .cutShort
            diags.append(Diagnostic(.warning, file: r.display, "entry is cut short (its data ends early); \(kept)"))
        case .corrupt(let why):
            state = .damaged
            diags.append(Diagnostic(.warning, file: r.display, "entry data is damaged (\(why)); \(kept)"))
        case .writeFailed(let why):
            state = .damaged
            diags.append(Diagnostic(.error, file: r.display, "inflating stopped: \(why); \(kept)"))
        case .limitReached(let max):
            state = .cutShort
            diags.append(Diagnostic(.warning, file: r.display, limit.refusal(limit: max, compressed: compressed)))
        }
        let member = ArchiveMember(path: r.name, diskPath: writer.path, modificationTime: r.modificationTime,
                                   size: outcome.bytesOut)
        return Result(member: member, state: state, diagnostics: diags, dataEnd: dataEnd)
    }

    /// Copies a stored (uncompressed) entry; cut short when the file ends first.
    static func copyStored(_ reader: FileReader, from start: UInt64, count: UInt64, to writer: FileWriter) -> InflateOutcome {
        var outcome = InflateOutcome(end: .complete, bytesIn: 0, bytesOut: 0, members: 1, crc: UInt32(crc32(0, nil, 0)))
        let chunk = UInt64(Inflater.chunk)
        while outcome.bytesIn < count {
            let bytes = reader.read(at: start + outcome.bytesIn, count: Int(min(count - outcome.bytesIn, chunk)))
            if bytes.isEmpty { outcome.end = .truncated; outcome.members = 0; break }
            do { try writer.write(bytes) } catch {
                outcome.end = .writeFailed(error.message)
                break
            }
            outcome.crc = bytes.withUnsafeBufferPointer { UInt32(crc32(uLong(outcome.crc), $0.baseAddress, uInt($0.count))) }
            outcome.bytesIn += UInt64(bytes.count)
            outcome.bytesOut += UInt64(bytes.count)
        }
        return outcome
    }

    /// The CRC from the data descriptor after an entry's data (with or without its `PK\7\8` signature).
    static func descriptorCRC(_ reader: FileReader, at offset: UInt64) -> UInt32? {
        let d = reader.read(at: offset, count: 8)
        guard d.count == 8 else { return nil }
        return d.le32(0) == 0x0807_4B50 ? d.le32(4) : d.le32(0)
    }
}
