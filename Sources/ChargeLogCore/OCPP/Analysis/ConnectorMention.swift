/// Which connectors a log line names: `Connector1`, `connector: 2`, `Connector id: 1`,
/// `for connector 2`, `index: 2`, `CCU2` (a Sungrow CCU serves the connector of the same number).
enum ConnectorMention {
    static func numbers(in text: String) -> Set<Int> {
        let b = Array(text.utf8)
        var out = Set<Int>()
        var i = 0
        while i < b.count {
            let c = b[i] | 0x20
            var after: Int? = nil
            if c == 0x63, matchesLower(b, i, "connector") { after = i + 9 }
            else if c == 0x63, matchesLower(b, i, "ccu") { after = i + 3 }
            else if c == 0x69, matchesLower(b, i, "index:") { after = i + 6 }
            if var j = after {
                // Skip `_`, spaces, `:`, `id`.
                while j < b.count, b[j] == 0x20 || b[j] == 0x5F || b[j] == 0x3A { j += 1 }
                if j + 1 < b.count, b[j] | 0x20 == 0x69, b[j + 1] | 0x20 == 0x64 {
                    j += 2
                    while j < b.count, b[j] == 0x20 || b[j] == 0x3A { j += 1 }
                }
                var n = 0, digits = 0
                while j < b.count, b[j] &- 48 < 10, digits < 3 { n = n * 10 + Int(b[j] - 48); j += 1; digits += 1 }
                if digits > 0 && (j >= b.count || !(b[j] &- 48 < 10)) { out.insert(n) }
                i = max(i + 1, j)
            } else {
                i += 1
            }
        }
        return out
    }

    static func matchesLower(_ b: [UInt8], _ i: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        for k in 0..<n where b[i + k] | 0x20 != word.utf8Start[k] | 0x20 { return false }
        return true
    }
}
