import Foundation
import TestSupport

extension RealLogs {
    /// Runs the chargelog binary with `args`; its standard output (standard error apart).
    static func run(_ args: [String], binary: String = E2EBundle.binary) throws -> String {
        try E2EBundle.execute(args, binary: binary).out
    }
}

extension E2EBundle {
    /// Runs `binary` with `args`: its standard output (standard error apart) and exit status.
    static func execute(_ args: [String], binary: String) throws -> (out: String, status: Int32) {
        let r = try executeCapturingErrors(args, binary: binary, errorsTo: nil)
        return (r.out, r.status)
    }

    /// Runs `binary` with `args`; with `errorsTo`, standard error goes to that file (a file, not a
    /// pipe: a pipe nobody reads while stdout is drained would block the binary) and is returned.
    /// `environment` replaces the test's own.
    static func executeCapturingErrors(_ args: [String], binary: String, errorsTo: URL?,
                                       environment: [String: String]? = nil) throws
        -> (out: String, errors: String, status: Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        if let environment { p.environment = environment }
        let out = Pipe()
        p.standardOutput = out
        if let errorsTo {
            _ = FileManager.default.createFile(atPath: errorsTo.path, contents: nil)
            p.standardError = try FileHandle(forWritingTo: errorsTo)
        } else {
            p.standardError = FileHandle.nullDevice
        }
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let errors = errorsTo.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        return (String(decoding: data, as: UTF8.self), errors, p.terminationStatus)
    }
}

/// Payload times read by the test itself (Foundation's ISO 8601 parser and JSONSerialization, not
/// chargelog's): the `currentTime` of an answer, the `timestamp` of a call.
enum IndependentOCPP {
    /// The first OCPP-J array in a text (`[2,` or `[3,`), decoded.
    static func frame(in text: String) -> [Any]? {
        let b = Array(text.utf8)
        var i = 0
        while i + 2 < b.count {
            if b[i] == UInt8(ascii: "["), b[i + 1] == UInt8(ascii: "2") || b[i + 1] == UInt8(ascii: "3"), b[i + 2] == UInt8(ascii: ",") {
                if let end = matchingBracket(b, from: i),
                   let v = try? JSONSerialization.jsonObject(with: Data(b[i...end])) as? [Any] { return v }
            }
            i += 1
        }
        return nil
    }

    static func matchingBracket(_ b: [UInt8], from start: Int) -> Int? {
        var depth = 0, inString = false, escaped = false
        for k in start..<b.count {
            let c = b[k]
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch c {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return k }
            default: break
            }
        }
        return nil
    }

    /// The payload time a frame states about its sending, as seconds since 1970.
    static func payloadTime(_ frame: [Any]) -> Double? {
        guard let type = frame.first as? Int else { return nil }
        let payload: [String: Any]?
        switch type {
        case 3: payload = frame.count > 2 ? frame[2] as? [String: Any] : nil
        case 2: payload = frame.count > 3 ? frame[3] as? [String: Any] : nil
        default: payload = nil
        }
        guard let p = payload else { return nil }
        let s = type == 3 ? p["currentTime"] as? String : p["timestamp"] as? String
        return s.flatMap(seconds)
    }

    /// RFC 3339 with any number of fraction digits, read with Foundation.
    static func seconds(_ iso: String) -> Double? {
        var text = iso
        var fraction = 0.0
        if let dot = text.firstIndex(of: ".") {
            var end = text.index(after: dot)
            while end < text.endIndex, text[end].isNumber { end = text.index(after: end) }
            fraction = Double("0" + text[dot..<end]) ?? 0
            text.removeSubrange(dot..<end)
        }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text).map { $0.timeIntervalSince1970 + fraction }
    }
}
