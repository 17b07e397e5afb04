/// What a file holds, decided by its first bytes (the name only when the bytes say nothing):
/// a zip archive, gzip data, or a plain file to index as it is.
enum ArchiveKind: Equatable {
    case zip, gzip, plain

    static func detect(reader: FileReader, name: String) -> ArchiveKind {
        let head = reader.read(0..<4)
        if head.count >= 4, head[0] == 0x50, head[1] == 0x4B, (head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) {
            return .zip
        }
        if head.count >= 2, head[0] == 0x1F, head[1] == 0x8B { return .gzip }
        // A zip whose first entry is damaged, or with data prepended, still has its name.
        if name.lowercased().hasSuffix(".zip") { return .zip }
        return .plain
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes a file, ignoring errors (used for partial copies in the work folder).
func removeFile(_ path: String) { _ = unlink(path) }
