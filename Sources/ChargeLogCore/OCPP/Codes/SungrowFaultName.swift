/// A Sungrow fault-log name such as `CCU1->Err_Connector1_Cp_StateE_Alarm`: which CCU, which
/// connector, and a readable description ("CP state E alarm").
public struct SungrowFaultName: Sendable, Equatable {
    public var ccu: Int?
    public var connector: Int?
    /// `Cp_StateE_Alarm`
    public var code: String
    /// `CP state E alarm`
    public var description: String
    /// The last word: `Alarm`, `Fault`, `Warning`, ...
    public var kind: String?
    /// The name as the fault log writes it, without the CCU prefix: `Err_Connector1_Cp_StateE_Alarm`
    /// (what a technician quotes to the vendor).
    public var raw: String = ""

    /// Acronyms kept upper-case in descriptions.
    static let acronyms: Set<String> = ["cp", "pp", "tcu", "ccu", "ev", "evse", "dc", "ac", "ocpp", "rfid", "slac",
                                        "imd", "pcu", "spd", "ntc", "can", "lte", "ntp", "soc", "bms", "cc1", "cc2", "pe"]

    /// Parses a fault-log body; nil when it is not a `…Err_…` name.
    public static func parse(_ text: String) -> SungrowFaultName? {
        var body = Substring(text.trimmingSpaces())
        var ccu: Int? = nil
        if let arrow = body.range(of: "->") {
            let head = body[..<arrow.lowerBound]
            if head.uppercased().hasPrefix("CCU") { ccu = Int(head.dropFirst(3)) }
            body = body[arrow.upperBound...]
        }
        guard body.hasPrefix("Err_") else { return nil }
        let raw = String(body.prefix { !$0.isWhitespace })
        body = body.dropFirst(4)
        var parts = body.split(separator: "_").map(String.init)
        guard !parts.isEmpty else { return nil }
        var connector: Int? = nil
        if let first = parts.first, first.lowercased().hasPrefix("connector"), let n = Int(first.dropFirst(9)) {
            connector = n
            parts.removeFirst()
        }
        let code = parts.joined(separator: "_")
        let words = parts.flatMap(splitCamel).map { w -> String in
            if acronyms.contains(w.lowercased()) { return w.uppercased() }
            if w.count == 1 { return w.uppercased() }
            return w.lowercased()
        }
        var description = words.joined(separator: " ")
        if let f = description.first, f.isLowercase { description = f.uppercased() + description.dropFirst() }
        let last = parts.last.map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }
        let kinds: Set<String> = ["Alarm", "Fault", "Warning", "Error", "Failure"]
        return SungrowFaultName(ccu: ccu, connector: connector, code: code, description: description,
                                kind: last.flatMap { kinds.contains($0) ? $0 : nil }, raw: raw)
    }

    /// `StateE` → [State, E]; `OverTemp` → [Over, Temp]; `TCU` stays whole.
    static func splitCamel(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        let chars = Array(s)
        for (i, c) in chars.enumerated() {
            if !cur.isEmpty, c.isUppercase {
                let prevLower = chars[i - 1].isLowercase || chars[i - 1].isNumber
                let nextLower = i + 1 < chars.count && chars[i + 1].isLowercase
                if prevLower || (nextLower && cur.count > 1) {
                    out.append(cur)
                    cur = ""
                }
            }
            cur.append(c)
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }
}
