import Foundation
@testable import ChargeLogCore

extension LogIndex {
    /// All records as (ISO time, stream, text), in merged order.
    var rows: [(time: String, stream: StreamKind, text: String)] {
        (0..<count).map { (CivilTime.iso8601(time(at: $0)), stream(at: $0), text(at: $0)) }
    }

    func file(named suffix: String) -> IndexedFile? { files.first { $0.displayPath.hasSuffix(suffix) } }
}

/// Classifies lines with a fresh parser, for per-format tests.
func classify<F: LineFormat>(_: F.Type, _ lines: [String]) -> [LineVerdict] {
    var p = F()
    return lines.map { l in
        let bytes = Array(l.utf8)
        return bytes.withUnsafeBufferPointer { p.classify($0) }
    }
}

func ms(_ iso: String) -> Int64 { CivilTime.parseUserTime(iso)! }
