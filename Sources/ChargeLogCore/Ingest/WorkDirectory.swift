import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-run folder under the system temp dir that holds inflated copies of archive entries and
/// `.gz` files. Created on first use, so a bundle of plain files leaves nothing behind.
/// Disk names are generated (`7-A23C2706768VMainProcess.log`), never taken from archive paths,
/// so an entry named `../../x` cannot write outside the folder.
///
/// The folder is named `chargelog-<pid>-XXXXXX` and listed in `WorkFolders` while it exists, so that
/// an exit path (a signal, a closed pipe) can remove it with `WorkFolders.removeAll()`, and a folder left
/// by a process that died is removed by the next run (`WorkFolders.removeStale`).
final class WorkDirectory {
    private(set) var path: String?
    private var counter = 0

    /// A fresh file path inside the folder (the file is not created).
    func newFilePath(for name: String) throws(ChargeLogError) -> String {
        let dir = try ensure()
        counter += 1
        return dir + "/" + String(counter) + "-" + Self.safeName(name)
    }

    private func ensure() throws(ChargeLogError) -> String {
        if let path { return path }
        let base = FileManager.default.temporaryDirectory.path
        WorkFolders.removeStale(in: base)
        var template = Array((base + "/" + WorkFolders.prefix + String(getpid()) + "-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else {
            throw .unreadable(path: base, reason: "cannot create a work folder: \(String(cString: strerror(errno)))")
        }
        let dir = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        WorkFolders.shared.add(dir)
        path = dir
        return dir
    }

    /// The last path component, with anything but letters, digits, `._-` replaced, at most 100 bytes.
    static func safeName(_ name: String) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? "file"
        let cleaned = last.utf8.map { b -> UInt8 in
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"): b
            default: UInt8(ascii: "_")
            }
        }
        let s = String(decoding: cleaned.suffix(100), as: UTF8.self)
        return s.isEmpty || s == "." || s == ".." ? "file" : s
    }
}

extension LoadedBundle {
    /// Removes the inflated copies, if any.
    public func cleanUp() {
        if let w = workDirectory { WorkFolders.shared.remove(w) }
    }
}
