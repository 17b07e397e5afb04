#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ChargeLogCore

/// A file written through one large buffer (4 MiB) with plain `write(2)` calls.
final class FileSink {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 22
    /// Bytes handed to this sink so far (written or buffered).
    private(set) var bytes: UInt64 = 0
    private(set) var lines = 0

    init(path: String) throws(ChargeLogError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { throw .unreadable(path: path, reason: "cannot create: \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(capacity + (1 << 16))
    }

    /// Appends one line (the line end is added here).
    func line(_ body: [UInt8]) {
        buffer.append(contentsOf: body)
        buffer.append(0x0A)
        bytes += UInt64(body.count + 1)
        lines += 1
        if buffer.count >= capacity { flush() }
    }

    func flush() {
        POSIXWrite.all(fd, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }
}
