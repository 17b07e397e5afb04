#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads byte ranges of a file with `pread` (no mmap: a file truncated under a mapping raises SIGBUS).
/// Thread-safe: `pread` does not move a shared position. The descriptor lives in a `DescriptorPool`,
/// which keeps it open while there is room and closes the least recently read ones past its bound.
public final class FileReader: Sendable {
    public let path: String
    private let key: Int
    private let pool: DescriptorPool

    public convenience init(path: String) throws(ChargeLogError) {
        try self.init(path: path, pool: .shared)
    }

    init(path: String, pool: DescriptorPool) throws(ChargeLogError) {
        self.path = path
        self.pool = pool
        switch pool.register(path: path) {
        case .success(let key): self.key = key
        case .failure(let e): throw .unreadable(path: path, reason: String(cString: strerror(e.errno)))
        }
    }

    deinit { pool.forget(key) }

    /// Offsets past this cannot be passed to `pread` (`off_t` is signed).
    static let maxOffset = UInt64(Int64.max)
    /// Above this many bytes a read first checks the file's size, so that a size taken from the
    /// input (a lying archive header) cannot make it allocate more than the file holds.
    static let checkedReadSize = 64 << 20

    /// Reads `range`; returns fewer bytes if the file is shorter now (none past the end, none at an
    /// offset `pread` cannot take).
    public func read(_ range: Range<UInt64>) -> [UInt8] {
        guard range.lowerBound < Self.maxOffset else { return [] }
        var n = Int(clamping: range.upperBound - range.lowerBound)
        if n > Self.checkedReadSize {
            let size = currentSize
            n = size > range.lowerBound ? min(n, Int(clamping: size - range.lowerBound)) : 0
        }
        if n <= 0 { return [] }
        let fd = pool.acquire(key)
        guard fd >= 0 else { return [] }
        defer { pool.release(key) }
        let start = off_t(range.lowerBound)
        var got = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: n) { buf, count in
            while got < n {
                let (at, overflow) = start.addingReportingOverflow(off_t(got))
                if overflow { break }
                let r = pread(fd, buf.baseAddress! + got, n - got, at)
                if r < 0 && errno == EINTR { continue }
                if r <= 0 { break }
                got += r
            }
            count = got
        }
        return bytes
    }

    /// Reads up to `count` bytes at `offset` into `buffer`; returns the number read (0 at end of file, -1 on error).
    public func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: UInt64) -> Int {
        guard offset < Self.maxOffset else { return 0 }
        return pool.with(key) { fd in
            while true {
                let r = pread(fd, buffer, count, off_t(offset))
                if r < 0 && errno == EINTR { continue }
                return r
            }
        } ?? -1
    }

    /// Current size of the file on disk.
    public var currentSize: UInt64 {
        pool.with(key) { fd in
            var st = stat()
            return fstat(fd, &st) == 0 ? UInt64(clamping: st.st_size) : 0
        } ?? 0
    }
}
