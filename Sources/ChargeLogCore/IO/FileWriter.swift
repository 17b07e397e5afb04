import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an inflated copy to disk through `POSIXWrite` (no buffering beyond the caller's chunks).
final class FileWriter {
    let path: String
    private var fd: Int32
    private(set) var bytesWritten: UInt64 = 0

    init(path: String) throws(ChargeLogError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw .unreadable(path: path, reason: "cannot create: \(String(cString: strerror(errno)))") }
    }

    deinit { close() }

    func write(_ bytes: UnsafeRawBufferPointer) throws(ChargeLogError) {
        if let e = POSIXWrite.all(fd, bytes) {
            throw .unreadable(path: path, reason: "cannot write: \(String(cString: strerror(e)))")
        }
        bytesWritten += UInt64(bytes.count)
    }

    func write(_ data: Data) throws(ChargeLogError) {
        var failure: ChargeLogError?
        data.withUnsafeBytes { raw in
            do throws(ChargeLogError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    func write(_ bytes: [UInt8]) throws(ChargeLogError) {
        var failure: ChargeLogError?
        bytes.withUnsafeBytes { raw in
            do throws(ChargeLogError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    func close() {
        if fd >= 0 { _ = posixClose(fd); fd = -1 }
    }
}

@inline(__always) private func posixClose(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(fd)
    #else
    Darwin.close(fd)
    #endif
}
