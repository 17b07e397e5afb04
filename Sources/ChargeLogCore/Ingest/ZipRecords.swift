import Foundation

/// Little-endian readers for zip structures.
extension Array where Element == UInt8 {
    func le16(_ i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    func le32(_ i: Int) -> UInt32 { UInt32(le16(i)) | UInt32(le16(i + 2)) << 16 }
    func le64(_ i: Int) -> UInt64 { UInt64(le32(i)) | UInt64(le32(i + 4)) << 32 }
}

/// A zip local file header (`PK\3\4`), the part of an entry that precedes its data.
struct ZipLocalHeader {
    static let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let fixedSize = 30

    var flags: UInt16
    var method: UInt16
    var dosTime: UInt16
    var dosDate: UInt16
    var crc: UInt32
    /// Sizes from the header, or from its ZIP64 extra field; nil when the header leaves them to a data descriptor.
    var compressedSize: UInt64?
    var uncompressedSize: UInt64?
    var name: String
    /// File offset of the entry's data.
    var dataOffset: UInt64

    /// Bit 3: sizes and CRC follow the data in a data descriptor.
    var usesDataDescriptor: Bool { flags & 0x0008 != 0 }
    /// Bit 0: the entry is encrypted.
    var isEncrypted: Bool { flags & 0x0001 != 0 }
    var isDirectory: Bool { name.hasSuffix("/") }

    /// Reads the header at `offset`; nil if it is not there or cut short.
    static func read(_ reader: FileReader, at offset: UInt64) -> ZipLocalHeader? {
        let fixed = reader.read(offset..<offset + UInt64(fixedSize))
        guard fixed.count == fixedSize, Array(fixed[0..<4]) == signature else { return nil }
        let nameLength = Int(fixed.le16(26)), extraLength = Int(fixed.le16(28))
        let variable = reader.read(offset + UInt64(fixedSize)..<offset + UInt64(fixedSize + nameLength + extraLength))
        guard variable.count == nameLength + extraLength else { return nil }
        let flags = fixed.le16(6)
        var csize: UInt64? = UInt64(fixed.le32(18)), usize: UInt64? = UInt64(fixed.le32(22))
        if csize == 0xFFFF_FFFF || usize == 0xFFFF_FFFF {
            (usize, csize) = zip64Sizes(Array(variable[nameLength...]), usize: usize!, csize: csize!)
        }
        if flags & 0x0008 != 0 && csize == 0 { csize = nil; usize = nil }
        let nameBytes = variable[0..<nameLength]
        return ZipLocalHeader(flags: flags, method: fixed.le16(8), dosTime: fixed.le16(10), dosDate: fixed.le16(12),
                              crc: fixed.le32(14), compressedSize: csize, uncompressedSize: usize,
                              name: String(decoding: nameBytes, as: UTF8.self),
                              dataOffset: offset + UInt64(fixedSize + nameLength + extraLength))
    }

    /// The ZIP64 extra field (id 1) holds the 64-bit sizes of the fields set to 0xFFFFFFFF, uncompressed first.
    static func zip64Sizes(_ extra: [UInt8], usize: UInt64, csize: UInt64) -> (UInt64?, UInt64?) {
        var i = 0
        while i + 4 <= extra.count {
            let id = extra.le16(i), size = Int(extra.le16(i + 2))
            if id == 1 {
                var j = i + 4
                var u: UInt64? = usize, c: UInt64? = csize
                if usize == 0xFFFF_FFFF { u = j + 8 <= extra.count ? extra.le64(j) : nil; j += 8 }
                if csize == 0xFFFF_FFFF { c = j + 8 <= extra.count ? extra.le64(j) : nil }
                return (u, c)
            }
            i += 4 + size
        }
        return (nil, nil)
    }

    /// The MS-DOS date and time, read as local time like ZIPFoundation does, in ms since the epoch.
    var modificationTime: Int64? {
        var c = DateComponents()
        c.year = 1980 + Int(dosDate >> 9)
        c.month = Int((dosDate >> 5) & 0x0F)
        c.day = Int(dosDate & 0x1F)
        c.hour = Int(dosTime >> 11)
        c.minute = Int((dosTime >> 5) & 0x3F)
        c.second = Int(dosTime & 0x1F) * 2
        guard (1...12).contains(c.month!), (1...31).contains(c.day!), let date = Calendar.current.date(from: c) else { return nil }
        return Int64(date.timeIntervalSince1970 * 1000)
    }
}

/// The end-of-central-directory record (`PK\5\6`), found in the last 64 KiB of an intact zip, and the
/// ZIP64 end record it may point to.
struct ZipEndRecord {
    /// Entries the central directory declares.
    var entryCount: UInt64
    /// File offset of the central directory.
    var directoryOffset: UInt64

    static func find(_ reader: FileReader) -> ZipEndRecord? {
        let size = reader.currentSize
        guard size >= 22 else { return nil }
        let start = size - min(size, 22 + 0xFFFF)
        let tail = reader.read(start..<size)
        var i = tail.count - 22
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4B, tail[i + 2] == 0x05, tail[i + 3] == 0x06 { break }
            i -= 1
        }
        guard i >= 0 else { return nil }
        var record = ZipEndRecord(entryCount: UInt64(tail.le16(i + 10)), directoryOffset: UInt64(tail.le32(i + 16)))
        if record.entryCount == 0xFFFF || record.directoryOffset == 0xFFFF_FFFF {
            // ZIP64: a locator (`PK\6\7`) right before the end record gives the ZIP64 end record's offset.
            let at = start + UInt64(i)
            guard at >= 20 else { return nil }
            let locator = reader.read(at - 20..<at)
            guard locator.count == 20, locator.le32(0) == 0x0706_4B50 else { return nil }
            let z = reader.read(locator.le64(8)..<locator.le64(8) + 56)
            guard z.count == 56, z.le32(0) == 0x0606_4B50 else { return nil }
            record.entryCount = z.le64(32)
            record.directoryOffset = z.le64(48)
        }
        return record
    }
}

/// Walks the central directory (`PK\1\2` records) for what ZIPFoundation does not make public:
/// where each entry's local header is. Records come in the order ZIPFoundation lists its entries.
enum ZipCentralDirectory {
    /// Local header offsets of the `count` records starting at `offset`; nil if a record is missing or cut.
    static func localHeaderOffsets(_ reader: FileReader, end: ZipEndRecord) -> [UInt64]? {
        var offsets: [UInt64] = []
        var at = end.directoryOffset
        for _ in 0..<end.entryCount {
            let fixed = reader.read(at..<at + 46)
            guard fixed.count == 46, fixed.le32(0) == 0x0201_4B50 else { return nil }
            let nameLength = UInt64(fixed.le16(28)), extraLength = UInt64(fixed.le16(30)), commentLength = UInt64(fixed.le16(32))
            var offset = UInt64(fixed.le32(42))
            if offset == 0xFFFF_FFFF {
                let extra = reader.read(at + 46 + nameLength..<at + 46 + nameLength + extraLength)
                guard let o = zip64Offset(extra, usize: fixed.le32(24), csize: fixed.le32(20)) else { return nil }
                offset = o
            }
            offsets.append(offset)
            at += 46 + nameLength + extraLength + commentLength
        }
        return offsets
    }

    /// In the ZIP64 extra field the 64-bit values appear in the order uncompressed size, compressed size,
    /// header offset, each only when its 32-bit field is 0xFFFFFFFF.
    static func zip64Offset(_ extra: [UInt8], usize: UInt32, csize: UInt32) -> UInt64? {
        var i = 0
        while i + 4 <= extra.count {
            let id = extra.le16(i), size = Int(extra.le16(i + 2))
            if id == 1 {
                var j = i + 4
                if usize == 0xFFFF_FFFF { j += 8 }
                if csize == 0xFFFF_FFFF { j += 8 }
                return j + 8 <= extra.count ? extra.le64(j) : nil
            }
            i += 4 + size
        }
        return nil
    }
}
