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
        let fixed = reader.read(at: offset, count: fixedSize)
        guard fixed.count == fixedSize, Array(fixed[0..<4]) == signature else { return nil }
        let nameLength = Int(fixed.le16(26)), extraLength = Int(fixed.le16(28))
        let variable = reader.read(at: offset + UInt64(fixedSize), count: nameLength + extraLength)
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

    var modificationTime: Int64? { ZipDOSTime.millis(date: dosDate, time: dosTime) }
}

/// The MS-DOS date and time of a zip entry. The format has no zone; chargelog reads it as UTC (as
/// ZIPFoundation's `timegm` does) so that the year inferred from entry dates does not depend on the
/// machine's time zone. Chargers write their zips in UTC, like their log stamps.
enum ZipDOSTime {
    /// ms since the epoch; nil for an impossible date or time (month 13, Feb 30, hour 25).
    static func millis(date: UInt16, time: UInt16) -> Int64? {
        let year = 1980 + Int(date >> 9), month = Int((date >> 5) & 0x0F), day = Int(date & 0x1F)
        let hour = Int(time >> 11), minute = Int((time >> 5) & 0x3F), second = Int(time & 0x1F) * 2
        guard CivilTime.isValidDate(year: year, month: month, day: day), hour < 24, minute < 60, second < 60 else { return nil }
        return CivilTime.millis(year: year, month: month, day: day, hour: hour, minute: minute, second: second, millis: 0)
    }
}

extension FileReader {
    /// `count` bytes at `offset` (fewer at the end of the file); no overflow for any offset.
    func read(at offset: UInt64, count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        let (end, overflow) = offset.addingReportingOverflow(UInt64(count))
        return read(offset..<(overflow ? UInt64.max : end))
    }
}

