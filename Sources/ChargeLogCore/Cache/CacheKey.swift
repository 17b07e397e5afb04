import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The identity of a file's bytes, as an on-disk index entry is checked against it.
///
/// A file on disk is known by its real path, device, inode, size, modification and change times (the change
/// time moves on every write and cannot be set back), and a CRC-32 of its first and last 64 KiB. An
/// inflated archive member lives at a new temporary path on every open, so it is known by its content: its
/// name in the bundle, its size and the CRC-32 of all its bytes.
struct CacheKey: Sendable, Equatable {
    /// The entry's file name in the cache folder: one slot per file on disk (a changed file replaces its
    /// entry), one per content for inflated members.
    let slot: String
    /// What the entry must have been written for; compared in full.
    let text: String
    /// Stat identity of a file on disk, to check it did not change while it was read (nil: a work copy).
    let stat: StatIdentity?

    static let edgeBytes: UInt64 = 64 * 1024

    static func of(_ file: InputFile, reader: FileReader, workCopy: Bool, salt: String) -> CacheKey? {
        if workCopy {
            guard let crc = Self.contentCRC(reader) else { return nil }
            let text = "copy \(file.displayPath) size \(file.size) crc \(crc)"
            return CacheKey(slot: Self.slotName(salt + "\n" + text), text: salt + "\n" + text, stat: nil)
        }
        guard let id = StatIdentity(path: file.diskPath) else { return nil }
        let real = Self.realPath(file.diskPath)
        let head = Checksum.crc32(reader.read(0 ..< min(id.size, edgeBytes)))
        let tail = Checksum.crc32(reader.read((id.size > edgeBytes ? id.size - edgeBytes : 0) ..< id.size))
        // The name it is opened under takes part in format detection (name hints, a format's file pattern).
        let text = "file \(real) as \(file.displayPath) \(id) head \(head) tail \(tail)"
        return CacheKey(slot: Self.slotName(salt + "\n" + real), text: salt + "\n" + text, stat: id)
    }

    /// True when a file on disk still has the identity the key was made from (work copies do not change).
    func stillHolds(_ path: String) -> Bool {
        guard let stat else { return true }
        return StatIdentity(path: path) == stat
    }

    static func slotName(_ s: String) -> String {
        let h = Checksum.fnv1a(s)
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + ".idx"
    }

    static func realPath(_ path: String) -> String {
        guard let r = realpath(path, nil) else { return path }
        defer { free(r) }
        return String(cString: r)
    }

    /// CRC-32 of the whole file, read in 4 MiB blocks.
    static func contentCRC(_ reader: FileReader) -> UInt32? {
        let block = 1 << 22
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: block, alignment: 16)
        defer { buffer.deallocate() }
        var crc: UInt32 = 0
        var offset: UInt64 = 0
        while true {
            let n = reader.read(into: buffer.baseAddress!, count: block, at: offset)
            if n < 0 { return nil }
            if n == 0 { return crc }
            crc = Checksum.crc32(UnsafeRawBufferPointer(rebasing: buffer[..<n]), seed: crc)
            offset += UInt64(n)
        }
    }
}

/// Device, inode, size, modification and change time (ns) of a path.
struct StatIdentity: Sendable, Equatable, CustomStringConvertible {
    var device: UInt64, inode: UInt64, size: UInt64
    var modified: Int64, changed: Int64

    init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        // Bit patterns and wrapping arithmetic: a time past 2262 or a negative device number is an
        // identity like any other, not a trap.
        device = UInt64(truncatingIfNeeded: Int64(st.st_dev))
        inode = UInt64(truncatingIfNeeded: st.st_ino)
        size = UInt64(truncatingIfNeeded: st.st_size)
        #if canImport(Darwin)
        modified = Self.nanoseconds(Int64(st.st_mtimespec.tv_sec), Int64(st.st_mtimespec.tv_nsec))
        changed = Self.nanoseconds(Int64(st.st_ctimespec.tv_sec), Int64(st.st_ctimespec.tv_nsec))
        #else
        modified = Self.nanoseconds(Int64(st.st_mtim.tv_sec), Int64(st.st_mtim.tv_nsec))
        changed = Self.nanoseconds(Int64(st.st_ctim.tv_sec), Int64(st.st_ctim.tv_nsec))
        #endif
    }

    static func nanoseconds(_ seconds: Int64, _ nanos: Int64) -> Int64 { seconds &* 1_000_000_000 &+ nanos }

    var description: String { "dev \(device) inode \(inode) size \(size) mtime \(modified) ctime \(changed)" }
}
