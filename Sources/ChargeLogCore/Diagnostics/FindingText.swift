import Foundation

/// Number, time and duration wording shared by the explanations.
enum FindingText {
    /// `2024-05-01 14:42:14` (UTC).
    static func time(_ ms: Int64) -> String { CivilTime.display(ms, millis: false) }

    /// `14:42:14`
    static func clock(_ ms: Int64) -> String { String(CivilTime.clock(ms).prefix(8)) }

    /// `850 ms`, `7.2 s`, `1 min`, `5 min 3 s`, `2 h 5 min`, `3 d 4 h`.
    static func duration(_ ms: Int64) -> String {
        let a = Int64(clamping: ms.magnitude)
        let sign = ms < 0 ? "-" : ""
        if a < 1000 { return "\(sign)\(a) ms" }
        if a < 60_000 {
            let s = Double(a) / 1000
            return sign + (s == s.rounded() ? "\(Int(s)) s" : String(format: "%.1f s", s))
        }
        let s = a / 1000
        func two(_ a: Int64, _ ua: String, _ b: Int64, _ ub: String) -> String {
            sign + (b == 0 ? "\(a) \(ua)" : "\(a) \(ua) \(b) \(ub)")
        }
        if s < 3600 { return two(s / 60, "min", s % 60, "s") }
        if s < 86_400 { return two(s / 3600, "h", s % 3600 / 60, "min") }
        return two(s / 86_400, "d", s % 86_400 / 3600, "h")
    }

    /// Seconds with a sign and up to 3 decimals: `-0.338 s`, `+5 s`.
    static func seconds(_ ms: Double) -> String {
        let s = ms / 1000
        guard s.isFinite else { return "\(s) s" }
        let body = s == s.rounded() ? CheckedNumber.int64(s).map(String.init) ?? String(format: "%.0f", s)
            : String(format: "%.3f", s)
        return (s > 0 ? "+" : "") + body + " s"
    }

    /// `7854.588 kWh` from Wh; `350 Wh` below 1 kWh.
    static func energy(_ wh: Double) -> String {
        if abs(wh) < 1000 { return "\(JSONText.value(wh.rounded())) Wh" }
        let k = wh / 1000
        return String(format: "%.3f kWh", k)
    }

    /// `StatusNotification ×2, MeterValues` (counts in first-seen order).
    static func counted(_ names: [String]) -> String {
        var order: [String] = []
        var n: [String: Int] = [:]
        for x in names {
            if n[x] == nil { order.append(x) }
            n[x, default: 0] += 1
        }
        return order.map { n[$0]! > 1 ? "\($0) ×\(n[$0]!)" : $0 }.joined(separator: ", ")
    }

    /// `, connector 2` / `` for nil.
    static func connector(_ c: Int?) -> String { c.map { ", connector \($0)" } ?? "" }

    /// `, connector 2`, `, EVSE 2/1` (2.0.1) / `` when unknown.
    static func connector(of t: OCPPTransaction) -> String {
        guard let label = t.connectorLabel else { return "" }
        return t.evse != nil ? ", EVSE \(label)" : ", connector \(label)"
    }

    /// `connector 2`, `EVSE 2/1` (2.0.1), `connector ?`.
    static func place(_ t: OCPPTransaction) -> String {
        t.evse != nil ? "EVSE \(t.connectorLabel ?? "?")" : "connector \(t.connectorLabel ?? "?")"
    }

    /// The first match group of `pattern` in `text`.
    static func capture(_ pattern: String, in text: String, group: Int = 1) -> String? {
        guard let r = RegexCache.shared.regex(pattern),
              let m = r.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              m.numberOfRanges > group, let g = Range(m.range(at: group), in: text) else { return nil }
        return String(text[g])
    }

    /// All first match groups of `pattern` in `text`.
    static func captures(_ pattern: String, in text: String) -> [String] {
        guard let r = RegexCache.shared.regex(pattern) else { return [] }
        return r.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}

extension Array where Element == RecordRef {
    /// Appends refs not already present, keeping order; nils skipped.
    mutating func add(_ refs: RecordRef?...) {
        for r in refs { if let r, !contains(r) { append(r) } }
    }

    mutating func add(contentsOf refs: [RecordRef]) {
        for r in refs where !contains(r) { append(r) }
    }
}
