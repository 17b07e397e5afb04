/// The end-of-central-directory record (`PK\5\6`), found in the last 64 KiB of an intact zip, and the
/// ZIP64 end record before it. Every value is checked against the file's size here, before ZIPFoundation
/// (which trusts them: a ZIP64 offset near 2^63 traps inside it) is given the archive.
struct ZipEndRecord {
    /// Entries the central directory declares.
    var entryCount: UInt64
    /// File offset of the central directory.
    var directoryOffset: UInt64
    /// File offset of the end record (the directory ends before it).
    var endOffset: UInt64

    static let size = 22
    static let zip64LocatorSize = 20
    static let zip64RecordSize = 56
    /// Smallest central directory record (`PK\1\2` and its fixed fields).
    static let directoryRecordSize = 46

    /// The end record, or nil when there is none or it describes something the file cannot hold
    /// (then the archive is salvaged from its local headers).
    static func find(_ reader: FileReader) -> ZipEndRecord? {
        let size = reader.currentSize
        guard size >= UInt64(Self.size) else { return nil }
        let start = size - min(size, UInt64(Self.size + 0xFFFF))
        let tail = reader.read(start..<size)
        guard tail.count >= Self.size else { return nil }
        var i = tail.count - Self.size
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4B, tail[i + 2] == 0x05, tail[i + 3] == 0x06 { break }
            i -= 1
        }
        guard i >= 0 else { return nil }
        let at = start + UInt64(i)
        var record = ZipEndRecord(entryCount: UInt64(tail.le16(i + 10)), directoryOffset: UInt64(tail.le32(i + 16)),
                                  endOffset: at)
        let marked = record.entryCount == 0xFFFF || record.directoryOffset == 0xFFFF_FFFF
        // ZIP64: a locator (`PK\6\7`) right before the end record, the ZIP64 end record (`PK\6\6`) right
        // before the locator. ZIPFoundation reads the record at that place whenever the locator is
        // there, so the same one is read and checked here; a locator pointing elsewhere is not trusted.
        let locatorAt = at >= UInt64(zip64LocatorSize) ? at - UInt64(zip64LocatorSize) : nil
        let locator = locatorAt.map { reader.read(at: $0, count: zip64LocatorSize) } ?? []
        if locator.count == zip64LocatorSize, locator.le32(0) == 0x0706_4B50 {
            guard let locatorAt, locatorAt >= UInt64(zip64RecordSize) else { return nil }
            let recordAt = locatorAt - UInt64(zip64RecordSize)
            let z = reader.read(at: recordAt, count: zip64RecordSize)
            guard z.count == zip64RecordSize, z.le32(0) == 0x0606_4B50, locator.le64(8) == recordAt else { return nil }
            record.entryCount = z.le64(32)
            record.directoryOffset = z.le64(48)
            record.endOffset = recordAt
        } else if marked {
            return nil
        }
        guard record.isPlausible else { return nil }
        return record
    }

    /// The directory starts inside the file, before the end record, with room for its records.
    var isPlausible: Bool {
        guard directoryOffset <= endOffset else { return false }
        let (room, overflow) = entryCount.multipliedReportingOverflow(by: UInt64(Self.directoryRecordSize))
        return !overflow && room <= endOffset - directoryOffset
    }
}

/// One central directory record (`PK\1\2`), with its ZIP64 values applied.
struct ZipDirectoryEntry {
    var flags: UInt16
    var method: UInt16
    var dosTime: UInt16
    var dosDate: UInt16
    var crc: UInt32
    var compressedSize: UInt64
    var uncompressedSize: UInt64
    var localHeaderOffset: UInt64

    var modificationTime: Int64? { ZipDOSTime.millis(date: dosDate, time: dosTime) }
}

/// Walks the central directory (`PK\1\2` records) with every length and offset checked against the
/// file, for what ZIPFoundation does not make public (where each entry's local header is) and so that
/// ZIPFoundation never meets a value that would make it trap. Records come in the order ZIPFoundation
/// lists its entries.
enum ZipCentralDirectory {
    /// No ZIP64 value above this is accepted (far beyond any real archive; sums of two stay far below
    /// `Int64.max`, the largest offset a file read can take).
    static let largestValue: UInt64 = 1 << 61

    /// The records, or nil when one is missing, cut, or points outside the file.
    static func read(_ reader: FileReader, end: ZipEndRecord) -> [ZipDirectoryEntry]? {
        let fileSize = reader.currentSize
        guard end.isPlausible, end.endOffset <= fileSize else { return nil }
        var entries: [ZipDirectoryEntry] = []
        entries.reserveCapacity(Int(clamping: min(end.entryCount, 1 << 20)))
        var at = end.directoryOffset
        for _ in 0..<end.entryCount {
            let fixedSize = ZipEndRecord.directoryRecordSize
            guard end.endOffset - at >= UInt64(fixedSize) else { return nil }
            let fixed = reader.read(at: at, count: fixedSize)
            guard fixed.count == fixedSize, fixed.le32(0) == 0x0201_4B50 else { return nil }
            let nameLength = Int(fixed.le16(28)), extraLength = Int(fixed.le16(30)), commentLength = Int(fixed.le16(32))
            let recordSize = UInt64(fixedSize + nameLength + extraLength + commentLength)
            guard end.endOffset - at >= recordSize else { return nil }
            let extra = reader.read(at: at + UInt64(fixedSize + nameLength), count: extraLength)
            guard extra.count == extraLength, zip64ValuesAreSmall(extra) else { return nil }
            var entry = ZipDirectoryEntry(flags: fixed.le16(8), method: fixed.le16(10), dosTime: fixed.le16(12),
                                          dosDate: fixed.le16(14), crc: fixed.le32(16),
                                          compressedSize: UInt64(fixed.le32(20)), uncompressedSize: UInt64(fixed.le32(24)),
                                          localHeaderOffset: UInt64(fixed.le32(42)))
            guard applyZip64(extra, to: &entry) else { return nil }
            // The local header and the entry's data lie inside the file.
            guard entry.localHeaderOffset < end.endOffset,
                  end.endOffset - entry.localHeaderOffset >= UInt64(ZipLocalHeader.fixedSize),
                  entry.compressedSize <= fileSize - entry.localHeaderOffset,
                  entry.method != 0 || entry.uncompressedSize <= fileSize - entry.localHeaderOffset
            else { return nil }
            entries.append(entry)
            at += recordSize
        }
        return entries
    }

    /// In the ZIP64 extra field (id 1) the 64-bit values appear in the order uncompressed size, compressed
    /// size, header offset, each only when its 32-bit field is 0xFFFFFFFF. False when a value is missing.
    static func applyZip64(_ extra: [UInt8], to e: inout ZipDirectoryEntry) -> Bool {
        let needsU = e.uncompressedSize == 0xFFFF_FFFF, needsC = e.compressedSize == 0xFFFF_FFFF
        let needsO = e.localHeaderOffset == 0xFFFF_FFFF
        guard needsU || needsC || needsO else { return true }
        guard let field = zip64Field(extra) else { return false }
        var j = field.lowerBound
        func next() -> UInt64? {
            guard j + 8 <= field.upperBound else { return nil }
            defer { j += 8 }
            return extra.le64(j)
        }
        if needsU { guard let v = next() else { return false }; e.uncompressedSize = v }
        if needsC { guard let v = next() else { return false }; e.compressedSize = v }
        if needsO { guard let v = next() else { return false }; e.localHeaderOffset = v }
        return true
    }

    /// The data bytes of the first ZIP64 extra field (id 1), bounded by its stated size and the array.
    static func zip64Field(_ extra: [UInt8]) -> Range<Int>? {
        var i = 0
        while i + 4 <= extra.count {
            let id = extra.le16(i), size = Int(extra.le16(i + 2))
            if id == 1 { return (i + 4)..<min(extra.count, i + 4 + size) }
            i += 4 + size
        }
        return nil
    }

    /// Every 8-byte value any ZIP64 field could be read as (by this walk or by ZIPFoundation's) is
    /// at most `largestValue`.
    static func zip64ValuesAreSmall(_ extra: [UInt8]) -> Bool {
        var i = 0
        while i + 4 <= extra.count {
            let id = extra.le16(i), size = Int(extra.le16(i + 2))
            if id == 1 {
                var j = i + 4
                while j + 8 <= extra.count && j < i + 4 + size {
                    if extra.le64(j) > largestValue { return false }
                    j += 8
                }
            }
            i += 4 + size
        }
        return true
    }
}
