/// A hand-built ZIP64 archive (APPNOTE 6.3.x, sections 4.3.14–4.3.16 and 4.5.3): every entry's local
/// header and central record carry 0xFFFFFFFF sizes and a ZIP64 extra field with the real ones,
/// and a ZIP64 end record and locator precede the end record. `Lie` replaces one of those values, to
/// make the archives the reliability issue found trapping (offsets and sizes at or near 2^63 and 2^64).
struct Zip64Builder {
    enum Lie: CaseIterable, Sendable {
        case none
        /// The ZIP64 end record's central directory offset.
        case directoryOffset
        /// The ZIP64 end record's entry count.
        case entryCount
        /// The locator's pointer to the ZIP64 end record.
        case locatorOffset
        /// The second entry's local header offset in its central record.
        case localHeaderOffset
        /// The second entry's compressed size in its central record.
        case compressedSize
        /// The second entry's uncompressed size in its central record (and its method stored).
        case storedSize
        /// The compressed size in the second entry's local header (and its central record), for salvage.
        case localCompressedSize

        static let values: [UInt64] = [1 << 63, (1 << 63) - 1, UInt64.max, UInt64.max - 40]
    }

    struct Entry {
        var name: String
        var text: String
        var stored = false
    }

    var entries: [Entry]

    func bytes(lie: Lie = .none, value: UInt64 = 1 << 63) -> [UInt8] {
        var out: [UInt8] = []
        func u16(_ v: UInt16) { out += [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: UInt32) { u16(UInt16(v & 0xFFFF)); u16(UInt16(v >> 16)) }
        func u64(_ v: UInt64) { u32(UInt32(v & 0xFFFF_FFFF)); u32(UInt32(v >> 32)) }
        struct Written { var offset: UInt64; var crc: UInt32; var csize: UInt64; var usize: UInt64; var stored: Bool }
        var written: [Written] = []
        for (k, e) in entries.enumerated() {
            let raw = Array(e.text.utf8)
            let stored = e.stored || (lie == .storedSize && k == 1)
            let data = stored ? raw : deflate(raw, windowBits: -15)
            let w = Written(offset: UInt64(out.count), crc: crc(raw), csize: UInt64(data.count), usize: UInt64(raw.count), stored: stored)
            written.append(w)
            out += [0x50, 0x4B, 0x03, 0x04]
            u16(45); u16(0); u16(stored ? 0 : 8); u16(0x6000); u16(0x58A1)
            u32(w.crc); u32(0xFFFF_FFFF); u32(0xFFFF_FFFF)
            u16(UInt16(e.name.utf8.count)); u16(20)
            out += Array(e.name.utf8)
            u16(1); u16(16); u64(w.usize); u64(lie == .localCompressedSize && k == 1 ? value : w.csize)
            out += data
        }
        let directoryStart = UInt64(out.count)
        for (k, (e, w)) in zip(entries, written).enumerated() {
            // Writers put the header offset in the ZIP64 field only past 4 GiB (ZIPFoundation reads a
            // ZIP64 offset of 0 as absent); here it is there only to lie.
            let second = k == 1
            let offsetIn64 = lie == .localHeaderOffset && second
            out += [0x50, 0x4B, 0x01, 0x02]
            u16(0x032D); u16(45); u16(0); u16(w.stored ? 0 : 8); u16(0x6000); u16(0x58A1)
            u32(w.crc); u32(0xFFFF_FFFF); u32(0xFFFF_FFFF)
            u16(UInt16(e.name.utf8.count)); u16(offsetIn64 ? 28 : 20); u16(0); u16(0); u16(0); u32(0o100644 << 16)
            u32(offsetIn64 ? 0xFFFF_FFFF : UInt32(w.offset))
            out += Array(e.name.utf8)
            u16(1); u16(offsetIn64 ? 24 : 16)
            u64(lie == .storedSize && second ? value : w.usize)
            u64((lie == .compressedSize || lie == .localCompressedSize) && second ? value : w.csize)
            if offsetIn64 { u64(value) }
        }
        let directorySize = UInt64(out.count) - directoryStart
        let zip64EndAt = UInt64(out.count)
        out += [0x50, 0x4B, 0x06, 0x06]
        u64(44); u16(45); u16(45); u32(0); u32(0)
        u64(UInt64(entries.count)); u64(lie == .entryCount ? value : UInt64(entries.count))
        u64(directorySize); u64(lie == .directoryOffset ? value : directoryStart)
        out += [0x50, 0x4B, 0x06, 0x07]
        u32(0); u64(lie == .locatorOffset ? value : zip64EndAt); u32(1)
        out += [0x50, 0x4B, 0x05, 0x06]
        u16(0); u16(0); u16(0xFFFF); u16(0xFFFF); u32(0xFFFF_FFFF); u32(0xFFFF_FFFF); u16(0)
        return out
    }
}
