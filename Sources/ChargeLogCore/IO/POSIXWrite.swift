#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one loop around `write(2)`: everything is written, again after a short write and after
/// `EINTR` (a signal such as SIGWINCH arriving mid-write must not drop output).
public enum POSIXWrite {
    /// Writes all of `bytes` to `fd`. Returns nil when everything was written, else the `errno` of
    /// the failed call (`EPIPE`: the reader went away).
    @discardableResult
    public static func all(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard var p = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            #if canImport(Glibc)
            let n = Glibc.write(fd, p, left)
            #else
            let n = Darwin.write(fd, p, left)
            #endif
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n == 0 ? EIO : errno }
            p += n
            left -= n
        }
        return nil
    }

    /// Writes all of `bytes` to `fd` (see `all(_:_:)`).
    @discardableResult
    public static func all(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { all(fd, $0) }
    }
}
