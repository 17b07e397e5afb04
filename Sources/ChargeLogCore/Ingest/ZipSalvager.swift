/// Reads a zip without a usable central directory (a download cut short, a damaged end): walks the local
/// file headers from the start and reads each entry with `ZipEntryReader`. An entry cut short keeps what
/// inflated. Entries whose sizes sit in a data descriptor are found by inflating to the stream's end.
enum ZipSalvager {
    static func salvage(_ reader: FileReader, display: String, work: WorkDirectory, limit: InflateLimit = .standard,
                        ignore: (String) -> String?) -> ArchiveContents {
        var contents = ArchiveContents()
        var states: [ZipEntryReader.State] = []
        var next = findHeader(reader, from: 0)
        while let offset = next, let h = ZipLocalHeader.read(reader, at: offset) {
            let entryDisplay = display + "/" + h.name
            let ignored = ignore(h.name)
            var dataEnd = h.compressedSize.map { CheckedNumber.sum(h.dataOffset, $0) ?? .max } ?? h.dataOffset
            if h.isDirectory {
                // nothing to read
            } else if let ignored, h.compressedSize != nil {
                contents.diagnostics.append(Diagnostic(.info, file: entryDisplay, "\(ignored); skipped"))
            } else {
                let request = ZipEntryReader.Request(name: h.name, display: entryDisplay, method: h.method,
                                                     dataOffset: h.dataOffset, compressedSize: h.compressedSize,
                                                     crc: h.usesDataDescriptor ? nil : h.crc,
                                                     modificationTime: h.modificationTime, encrypted: h.isEncrypted)
                let result = ZipEntryReader.read(request, from: reader, work: work, limit: limit)
                dataEnd = result.dataEnd
                if let ignored {
                    // Inflated only to find where the entry ends.
                    if let m = result.member { removeFile(m.diskPath) }
                    contents.diagnostics.append(Diagnostic(.info, file: entryDisplay, "\(ignored); skipped"))
                } else {
                    states.append(result.state)
                    contents.diagnostics += result.diagnostics
                    // A cut that left nothing of an entry recovers nothing.
                    if let m = result.member, m.size > 0 || result.state == .complete {
                        contents.members.append(m)
                    } else if let m = result.member {
                        removeFile(m.diskPath)
                    }
                }
            }
            next = findHeader(reader, from: max(dataEnd, offset + 4))
        }
        let recovered = contents.members.count
        if states.isEmpty {
            contents.diagnostics.insert(Diagnostic(.error, file: display,
                "not a readable zip archive (no central directory and no entry found); skipped"), at: 0)
        } else {
            let cut = states.filter { $0 == .cutShort }.count, damaged = states.filter { $0 == .damaged }.count
            var summary = "no usable central directory (archive cut short or damaged); recovered \(recovered) of \(states.count) entr\(states.count == 1 ? "y" : "ies") by scanning local headers"
            if cut > 0 { summary += ", \(cut) cut short" }
            if damaged > 0 { summary += ", \(damaged) damaged" }
            contents.diagnostics.insert(Diagnostic(.warning, file: display, summary), at: 0)
        }
        return contents
    }

    /// The offset of the next local header at or after `from`; nil at the central directory or the end of the file.
    static func findHeader(_ reader: FileReader, from: UInt64) -> UInt64? {
        let chunk: UInt64 = 1 << 20
        var at = from
        while true {
            let bytes = reader.read(at: at, count: Int(chunk) + 3)
            if bytes.count < 4 { return nil }
            var i = 0
            while i + 3 < bytes.count {
                if bytes[i] == 0x50 && bytes[i + 1] == 0x4B {
                    if bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04 { return at + UInt64(i) }
                    if bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02 { return nil }
                    if bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06 { return nil }
                }
                i += 1
            }
            if bytes.count < Int(chunk) + 3 { return nil }
            guard let nextAt = CheckedNumber.sum(at, chunk) else { return nil }
            at = nextAt
        }
    }
}
