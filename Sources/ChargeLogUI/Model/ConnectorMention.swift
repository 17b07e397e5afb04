import Foundation

/// Which connectors a plain log line is about: Sungrow MainProcess `Connector: 2 enter energy
/// transfer`, `InterLayer_Start_Charging index: 2`, `for connector  1`, `Set CCU1 current limit`,
/// fault/CCU `CCU1->Err_Connector1_…`, `gun 2`. The connector filter keeps such lines.
enum ConnectorMention {
    static let pattern = try! NSRegularExpression(
        pattern: #"(?i)(?:\b(?:connector|gun|index)[\s:=#]*|\bCCU|_Connector)(\d{1,2})\b"#)

    static func connectors(in text: String) -> Set<Int> {
        var out = Set<Int>()
        let ns = text as NSString
        for m in pattern.matches(in: text, range: NSRange(location: 0, length: min(ns.length, 4096))) {
            if let n = Int(ns.substring(with: m.range(at: 1))) { out.insert(n) }
        }
        return out
    }

    static func mentions(_ connector: Int, in text: String) -> Bool { connectors(in: text).contains(connector) }
}
