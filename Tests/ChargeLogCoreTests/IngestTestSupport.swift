import CLibz
import Foundation
import ZIPFoundation
@testable import ChargeLogCore

/// A temporary folder for one test, removed when the test ends.
final class Scratch {
    let root: String

    init() {
        root = FileManager.default.temporaryDirectory.path + "/chargelog-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ rel: String) -> String { root + "/" + rel }

    @discardableResult
    func write(_ rel: String, _ bytes: [UInt8], modified: Date? = nil) -> String {
        let p = path(rel)
        try! FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: p, contents: Data(bytes)), "cannot write \(p)")
        if let modified { setModified(p, modified) }
        return p
    }

    @discardableResult
    func write(_ rel: String, _ text: String, modified: Date? = nil) -> String {
        write(rel, Array(text.utf8), modified: modified)
    }

    func setModified(_ p: String, _ date: Date) {
        try! FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: p)
    }

    /// A zip made by ZIPFoundation, entries deflated unless `stored`.
    @discardableResult
    func zip(_ rel: String, _ entries: [(name: String, text: String)], entryDate: Date = Date(timeIntervalSince1970: 1_714_572_000),
             stored: Bool = false, modified: Date? = nil) -> String {
        let p = path(rel)
        try! FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let archive = try! Archive(url: URL(fileURLWithPath: p), accessMode: .create)
        for e in entries {
            let data = Data(e.text.utf8)
            try! archive.addEntry(with: e.name, type: .file, uncompressedSize: Int64(data.count),
                                  modificationDate: entryDate, compressionMethod: stored ? .none : .deflate) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        if let modified { setModified(p, modified) }
        return p
    }

    func read(_ p: String) -> [UInt8] { Array(FileManager.default.contents(atPath: p) ?? Data()) }
    func readText(_ p: String) -> String { String(decoding: read(p), as: UTF8.self) }
}

/// Log lines shaped like the seeds (Sungrow MainProcess, seed 000), numbered so every line differs.
func mainProcessLines(_ count: Int, from first: Int = 0) -> String {
    let messages = ["OCPP_Connection_Fail", "OCPP_Connection_Restore", "Factory mode recevie network change: 2",
                    "Network state good, stop the reconnect check timer", "this ocppin is about =  \"HeartbeatResponse\""]
    var out = ""
    for i in first..<(first + count) {
        let s = i % 60, m = (i / 60) % 60, h = 8 + (i / 3600) % 12
        out += "Apr/30 \(two(h)):\(two(m)):\(two(s)) UTC --  \(messages[i % messages.count]) #\(i)\n"
    }
    return out
}

/// OCPP proxy lines shaped like seed 000.
func ocppLines(_ count: Int) -> String {
    (0..<count).map { i in
        "2024-05-01 14:\(two(i / 60 % 60)):\(two(i % 60)).595 +0000 INFO WebSocketTransmitter - Sending: [2,\"db8df750-\(i)\",\"Heartbeat\",{}]\n"
    }.joined()
}

private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

/// zlib deflate for building test archives: `windowBits` 15+16 for gzip, -15 for raw (zip entries).
func deflate(_ input: [UInt8], windowBits: Int32, level: Int32 = 6) -> [UInt8] {
    var strm = z_stream()
    precondition(deflateInit2_(&strm, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY,
                               ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
    defer { deflateEnd(&strm) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&strm, uLong(input.count))) + 64)
    var input = input
    let produced = input.withUnsafeMutableBufferPointer { inp in
        output.withUnsafeMutableBufferPointer { out in
            strm.next_in = inp.baseAddress
            strm.avail_in = uInt(inp.count)
            strm.next_out = out.baseAddress
            strm.avail_out = uInt(out.count)
            precondition(CLibz.deflate(&strm, Z_FINISH) == Z_STREAM_END)
            return out.count - Int(strm.avail_out)
        }
    }
    return Array(output[0..<produced])
}

func gzip(_ text: String) -> [UInt8] { deflate(Array(text.utf8), windowBits: 15 + 16) }

func crc(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
}

/// A hand-built zip, for damage ZIPFoundation would not write: data descriptors, lying sizes,
/// a missing central directory.
struct RawZip {
    struct Entry {
        var name: String
        var method: UInt16 = 8
        /// The entry's data as stored (deflated or not).
        var data: [UInt8]
        var crc: UInt32
        var compressedSize: UInt32
        var uncompressedSize: UInt32
        /// Sizes and CRC in a data descriptor after the data (flag bit 3), zeros in the local header.
        var descriptor = false
        /// Extra general-purpose flags (bit 0: encrypted).
        var flags: UInt16 = 0
    }

    /// A deflated entry with true sizes.
    static func deflated(_ name: String, _ text: String, level: Int32 = 6, descriptor: Bool = false) -> Entry {
        let raw = Array(text.utf8)
        let data = deflate(raw, windowBits: -15, level: level)
        return Entry(name: name, data: data, crc: crc(raw), compressedSize: UInt32(data.count),
                     uncompressedSize: UInt32(raw.count), descriptor: descriptor)
    }

    var entries: [Entry]

    /// The archive bytes, and the offset of each local header.
    func bytes(centralDirectory: Bool = true) -> (bytes: [UInt8], headerOffsets: [Int]) {
        var out: [UInt8] = []
        var offsets: [Int] = []
        func u16(_ v: UInt16) { out += [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: UInt32) { u16(UInt16(v & 0xFFFF)); u16(UInt16(v >> 16)) }
        for e in entries {
            offsets.append(out.count)
            out += [0x50, 0x4B, 0x03, 0x04]
            u16(20); u16((e.descriptor ? 0x0008 : 0) | e.flags); u16(e.method); u16(0x6000); u16(0x58A1)
            u32(e.descriptor ? 0 : e.crc); u32(e.descriptor ? 0 : e.compressedSize); u32(e.descriptor ? 0 : e.uncompressedSize)
            u16(UInt16(e.name.utf8.count)); u16(0)
            out += Array(e.name.utf8)
            out += e.data
            if e.descriptor {
                out += [0x50, 0x4B, 0x07, 0x08]
                u32(e.crc); u32(e.compressedSize); u32(e.uncompressedSize)
            }
        }
        guard centralDirectory else { return (out, offsets) }
        let cdStart = out.count
        for (e, offset) in zip(entries, offsets) {
            out += [0x50, 0x4B, 0x01, 0x02]
            u16(0x031E); u16(20); u16((e.descriptor ? 0x0008 : 0) | e.flags); u16(e.method); u16(0x6000); u16(0x58A1)
            u32(e.crc); u32(e.compressedSize); u32(e.uncompressedSize)
            u16(UInt16(e.name.utf8.count)); u16(0); u16(0); u16(0); u16(0); u32(0o100644 << 16); u32(UInt32(offset))
            out += Array(e.name.utf8)
        }
        let cdSize = out.count - cdStart
        out += [0x50, 0x4B, 0x05, 0x06]
        u16(0); u16(0); u16(UInt16(entries.count)); u16(UInt16(entries.count)); u32(UInt32(cdSize)); u32(UInt32(cdStart)); u16(0)
        return (out, offsets)
    }
}

extension LoadedBundle {
    /// Display paths in order.
    var displayPaths: [String] { files.map(\.displayPath) }

    func file(_ display: String) -> InputFile? { files.first { $0.displayPath == display } }

    func messages(for display: String) -> [String] {
        diagnostics.filter { $0.file == display }.map(\.message)
    }
}
