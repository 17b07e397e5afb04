import Foundation

/// The key file of `--ocmf-keys`: which public key checks which meter's OCMF readings. One entry a
/// line, `#` starts a comment:
///
///     meter 1DZG0033016911   3056301006072A8648CE3D020106052B8104000A03420004D408…
///     meter 12345678         keys/nzr-ecocount.pem
///     connector 2            MFYwEAYHKoZIzj0CAQYFK4EEAAoDQgAE…
///     default                04A1B2…
///     meter 7654321
///     -----BEGIN PUBLIC KEY-----
///     MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…
///     -----END PUBLIC KEY-----
///
/// `meter SERIAL` matches the document's meter serial (`MS`; the gateway serial `GS` for meters
/// that send none), `connector N` the transaction's connector, `default` every other meter. The key
/// is hex (spaces allowed, as printed on meter labels), base64, a path to a PEM or DER file
/// (relative to the key file), or, when the line ends after the selector, the PEM block below it.
public enum OCMFKeyFile {
    public static func load(path: String) throws(ChargeLogError) -> OCMFKeyring {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) { throw .unreadable(path: path, reason: "permission denied or not a file") }
            throw .pathNotFound(path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalidKeyFile(path: path, line: 1, reason: "not a text file")
        }
        return try parse(text, path: path, folder: (path as NSString).deletingLastPathComponent)
    }

    public static func parse(_ text: String, path: String, folder: String) throws(ChargeLogError) -> OCMFKeyring {
        var ring = OCMFKeyring()
        var seen: [String: Int] = [:]
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        var n = 0
        while n < lines.count {
            let lineNumber = n + 1
            let line = lines[n].trimmingSpaces()
            n += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fail = { (reason: String) in ChargeLogError.invalidKeyFile(path: path, line: lineNumber, reason: reason) }
            let words = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map(String.init)
            let kind = words[0].lowercased()
            var rest = words.count > 1 ? words[1].trimmingSpaces() : ""
            var selector = ""
            switch kind {
            case "meter", "connector":
                let parts = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map(String.init)
                guard let first = parts.first else { throw fail("\(kind) needs a \(kind == "meter" ? "serial" : "number") and a key") }
                selector = first
                rest = parts.count > 1 ? parts[1].trimmingSpaces() : ""
            case "default":
                break
            default:
                throw fail("'\(words[0])' is not meter, connector or default")
            }
            var keyText = rest
            var keyBytes: [UInt8]?
            if rest.isEmpty {
                // The PEM block on the following lines.
                guard n < lines.count, lines[n].contains("-----BEGIN") else {
                    throw fail("no key after \(kind) \(selector) (give it on the line or as a PEM block below)")
                }
                var block: [String] = []
                while n < lines.count {
                    block.append(lines[n])
                    n += 1
                    if block.last?.contains("-----END") == true { break }
                }
                guard block.last?.contains("-----END") == true else { throw fail("the PEM block below has no -----END line") }
                keyText = block.joined(separator: "\n")
            } else if !rest.hasPrefix("-----"), let file = keyFile(rest, folder: folder) {
                if let s = String(data: file, encoding: .utf8), !s.contains("\0") { keyText = s } else { keyBytes = Array(file) }
            }
            let key: OCMFPublicKey
            do {
                if let b = keyBytes {
                    key = try OCMFPublicKey(spki: b, option: "the key")
                } else {
                    key = try OCMFPublicKey(parsing: keyText, option: "the key")
                }
            } catch {
                let pathLike = [".pem", ".der", ".key", ".pub", ".txt"].contains { rest.lowercased().hasSuffix($0) }
                    || (rest.contains("/") && Data(base64Encoded: rest) == nil)
                if keyBytes == nil, keyText == rest, pathLike {
                    throw fail("no key file \(rest)\(folder.isEmpty ? "" : " (paths are relative to \(folder))")")
                }
                throw fail(error.message)
            }
            let id = "\(kind) \(selector)"
            if let first = seen[id] { throw fail("\(id) is already given on line \(first)") }
            seen[id] = lineNumber
            switch kind {
            case "meter": ring.byMeter[selector] = key
            case "connector":
                guard let c = Int(selector), c >= 0 else { throw fail("connector '\(selector)' is not a number") }
                ring.byConnector[c] = key
            default: ring.fallback = key
            }
        }
        return ring
    }

    /// The contents of `name` when it names a file (relative to the key file's folder).
    static func keyFile(_ name: String, folder: String) -> Data? {
        let path = name.hasPrefix("/") || folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { return nil }
        return FileManager.default.contents(atPath: path)
    }
}
