/// Named groups of a format file's regex. lnav's formats name groups freely (`(?<c_ip>…)`,
/// PCRE's `(?P<name>…)`); Foundation's regex engine (ICU) takes letters and digits only. Each named
/// group is renamed `g0`, `g1`, … and the original names are kept to look the groups up.
enum NamedGroups {
    /// The pattern with its named groups renamed, and the ICU name of each original name.
    static func rewrite(_ pattern: String) -> (pattern: String, names: [String: String]) {
        let b = Array(pattern.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var names: [String: String] = [:]
        var i = 0
        var inClass = false
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\\"), i + 1 < b.count {
                out += [c, b[i + 1]]
                i += 2
                continue
            }
            if inClass {
                if c == UInt8(ascii: "]") { inClass = false }
                out.append(c)
                i += 1
                continue
            }
            if c == UInt8(ascii: "[") { inClass = true; out.append(c); i += 1; continue }
            // `(?<name>` or `(?P<name>`, not the look-behinds `(?<=` / `(?<!`.
            if c == UInt8(ascii: "("), i + 2 < b.count, b[i + 1] == UInt8(ascii: "?") {
                var j = i + 2
                if b[j] == UInt8(ascii: "P") { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: "<"), j + 1 < b.count, b[j + 1] != UInt8(ascii: "="),
                   b[j + 1] != UInt8(ascii: "!"), let close = b[(j + 1)...].firstIndex(of: UInt8(ascii: ">")) {
                    let name = String(decoding: b[(j + 1)..<close], as: UTF8.self)
                    let icu = names[name] ?? "g\(names.count)"
                    names[name] = icu
                    out += Array("(?<\(icu)>".utf8)
                    i = close + 1
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return (String(decoding: out, as: UTF8.self), names)
    }
}
