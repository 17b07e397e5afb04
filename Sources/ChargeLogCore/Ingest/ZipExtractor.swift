import Foundation
import ZIPFoundation

/// Extracts the files of a zip archive into the work folder.
///
/// ZIPFoundation opens the archive and lists its entries (names, types, dates, sizes, CRCs). The data is
/// read by `ZipEntryReader` (zlib, 1 MiB buffers, never more than the stated compressed size), not by
/// ZIPFoundation's `extract`: in 0.9.20 its `Data.decode` passes `bufferSize` as `avail_in` even when the
/// last chunk read is shorter (zlib reads past the buffer), and loops forever on empty reads at the end
/// of the file, so a damaged entry could crash or hang it.
///
/// Falls back to `ZipSalvager` when ZIPFoundation cannot open the archive (no end record: a download cut
/// short), or the central directory does not match what ZIPFoundation lists.
enum ZipExtractor {
    /// The newest modification date among the archive's entries (ms), to tell two downloads apart
    /// when their file times say nothing.
    static func newestEntryDate(_ diskPath: String) -> Int64? {
        guard let archive = try? Archive(url: URL(fileURLWithPath: diskPath), accessMode: .read, pathEncoding: nil) else {
            return nil
        }
        return archive.compactMap { ($0.fileAttributes[.modificationDate] as? Date).map { Int64($0.timeIntervalSince1970 * 1000) } }.max()
    }

    static func extract(diskPath: String, display: String, work: WorkDirectory,
                        ignore: (String) -> String?) -> ArchiveContents {
        let reader: FileReader
        do { reader = try FileReader(path: diskPath) } catch {
            return ArchiveContents(diagnostics: [Diagnostic(.error, file: display, "skipped: \(error.message)")])
        }
        let opened: Archive?
        do { opened = try Archive(url: URL(fileURLWithPath: diskPath), accessMode: .read, pathEncoding: nil) } catch { opened = nil }
        guard let archive = opened,
              let end = ZipEndRecord.find(reader),
              let offsets = ZipCentralDirectory.localHeaderOffsets(reader, end: end)
        else {
            return ZipSalvager.salvage(reader, display: display, work: work, ignore: ignore)
        }
        let entries = Array(archive)
        let size = reader.currentSize
        guard entries.count == offsets.count,
              zip(entries, offsets).allSatisfy({ $1 < size && $0.compressedSize <= size - $1 })
        else {
            return ZipSalvager.salvage(reader, display: display, work: work, ignore: ignore)
        }

        var contents = ArchiveContents()
        for (entry, offset) in zip(entries, offsets) {
            let name = entry.path
            let entryDisplay = display + "/" + name
            switch entry.type {
            case .directory:
                continue
            case .symlink:
                contents.diagnostics.append(Diagnostic(.info, file: entryDisplay, "symbolic link; skipped"))
                continue
            case .file:
                break
            }
            if let reason = ignore(name) {
                contents.diagnostics.append(Diagnostic(.info, file: entryDisplay, "\(reason); skipped"))
                continue
            }
            guard let header = ZipLocalHeader.read(reader, at: offset) else {
                contents.diagnostics.append(Diagnostic(.warning, file: entryDisplay, "local header missing or damaged; skipped"))
                continue
            }
            let date = entry.fileAttributes[.modificationDate] as? Date
            let request = ZipEntryReader.Request(
                name: name, display: entryDisplay, method: header.method, dataOffset: header.dataOffset,
                compressedSize: entry.compressedSize, crc: entry.checksum,
                modificationTime: date.map { Int64($0.timeIntervalSince1970 * 1000) }, encrypted: header.isEncrypted)
            let result = ZipEntryReader.read(request, from: reader, work: work)
            if let member = result.member { contents.members.append(member) }
            contents.diagnostics += result.diagnostics
        }
        if entries.isEmpty {
            contents.diagnostics.append(Diagnostic(.warning, file: display, "archive holds no files"))
        }
        return contents
    }
}
