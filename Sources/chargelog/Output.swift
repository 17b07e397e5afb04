#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writes to stdout/stderr (print() per line is slow for millions of records).
final class FileOutputStream {
    nonisolated(unsafe) static let stdout = FileOutputStream(fd: 1)
    nonisolated(unsafe) static let stderr = FileOutputStream(fd: 2)
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 || fd == 2 { flush() }
    }

    func line(_ s: String) {
        write(s)
        write("\n")
    }

    func flush() {
        var off = 0
        while off < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + off, buffer.count - off) }
            if n < 0 && errno == EINTR { continue }
            // The reader went away (`| head -1`): nothing more can be shown; clean up and end.
            if n < 0 && errno == EPIPE { ExitCleanup.brokenPipe() }
            if n <= 0 { break }
            off += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
