import ChargeLogCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writes to stdout/stderr (print() per line is slow for millions of records). Thread-safe:
/// one lock guards the buffer, so writes from a progress thread and the main thread never interleave
/// mid-buffer.
final class FileOutputStream: @unchecked Sendable {
    static let stdout = FileOutputStream(fd: 1)
    static let stderr = FileOutputStream(fd: 2)
    private let fd: Int32
    private let lock = NSLock()
    private var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ s: String) {
        lock.lock()
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 || fd == 2 { flushLocked() }
        lock.unlock()
    }

    func line(_ s: String) {
        lock.lock()
        buffer.append(contentsOf: s.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 || fd == 2 { flushLocked() }
        lock.unlock()
    }

    /// A line already in bytes.
    func line(bytes: [UInt8]) {
        lock.lock()
        buffer.append(contentsOf: bytes)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 || fd == 2 { flushLocked() }
        lock.unlock()
    }

    func flush() {
        lock.lock()
        flushLocked()
        lock.unlock()
    }

    private func flushLocked() {
        let failed = POSIXWrite.all(fd, buffer)
        buffer.removeAll(keepingCapacity: true)
        // The reader went away (`| head -1`): nothing more can be shown; clean up and end.
        if failed == EPIPE { ExitCleanup.brokenPipe() }
    }
}
