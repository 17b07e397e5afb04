import Foundation
import ZIPFoundation

/// Extracts the files of a zip archive into the work folder.
///
/// ZIPFoundation lists the entries' names and types. The data is
/// read by `ZipEntryReader` (zlib, 1 MiB buffers, never more than the stated compressed size), not by
/// ZIPFoundation's `extract`: in 0.9.20 its `Data.decode` passes `bufferSize` as `avail_in` even when the
/// last chunk read is shorter (zlib reads past the buffer), and loops forever on empty reads at the end
/// of the file, so a damaged entry could crash or hang it.
///
/// ZIPFoundation trusts the archive's offsets (a ZIP64 offset near 2^63 traps inside it), so it is only
/// given an archive whose end record and central directory `ZipCentralDirectory` has checked against
/// the file's size; sizes, CRCs, offsets and dates come from that checked walk, names and entry types
/// from ZIPFoundation. Entry dates are read as UTC (`ZipDOSTime`).
///
/// Falls back to `ZipSalvager` when there is no end record (a download cut short), a value in it or
/// in the central directory does not fit the file, or ZIPFoundation lists something else.
enum ZipExtractor {
    /// The newest modification date among the archive's entries (ms, UTC), to tell two downloads apart
    /// when their file times say nothing. Read from the checked central directory, not by ZIPFoundation.
    static func newestEntryDate(_ diskPath: String) -> Int64? {
        guard let reader = try? FileReader(path: diskPath), let end = ZipEndRecord.find(reader),
              let directory = ZipCentralDirectory.read(reader, end: end) else { return nil }
        return directory.compactMap(\.modificationTime).max()
    }

    static func extract(diskPath: String, display: String, work: WorkDirectory, limit: InflateLimit = .standard,
                        ignore: (String) -> String?) -> ArchiveContents {
        let reader: FileReader
        do { reader = try FileReader(path: diskPath) } catch {
            return ArchiveContents(diagnostics: [Diagnostic(.error, file: display, "skipped: \(error.message)")])
        }
        // Every offset and size is checked against the file before ZIPFoundation sees the archive.
        guard let end = ZipEndRecord.find(reader),
              let directory = ZipCentralDirectory.read(reader, end: end),
              let archive = try? Archive(url: URL(fileURLWithPath: diskPath), accessMode: .read, pathEncoding: nil)
        else {
            return ZipSalvager.salvage(reader, display: display, work: work, limit: limit, ignore: ignore)
        }
        let entries = Array(archive)
        guard entries.count == directory.count else {
            return ZipSalvager.salvage(reader, display: display, work: work, limit: limit, ignore: ignore)
        }
        let size = reader.currentSize

        var contents = ArchiveContents()
        for (entry, record) in zip(entries, directory) {
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
            guard let header = ZipLocalHeader.read(reader, at: record.localHeaderOffset),
                  header.dataOffset <= size, record.compressedSize <= size - header.dataOffset else {
                contents.diagnostics.append(Diagnostic(.warning, file: entryDisplay, "local header missing or damaged; skipped"))
                continue
            }
            let request = ZipEntryReader.Request(
                name: name, display: entryDisplay, method: header.method, dataOffset: header.dataOffset,
                compressedSize: record.compressedSize, crc: record.crc,
                modificationTime: record.modificationTime, encrypted: header.isEncrypted)
            let result = ZipEntryReader.read(request, from: reader, work: work, limit: limit)
            if let member = result.member { contents.members.append(member) }
            contents.diagnostics += result.diagnostics
        }
        if entries.isEmpty {
            contents.diagnostics.append(Diagnostic(.warning, file: display, "archive holds no files"))
        }
        return contents
    }
}
