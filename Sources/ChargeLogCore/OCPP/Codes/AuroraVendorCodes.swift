/// The vendor error code table of the Aurora / power-board AC charger (seed 002, an OCR'd screenshot;
/// transcribed from its three copies with the OCR noise removed). A log prints the code in decimal
/// (`ocpp error Code :14,2097672`); the table is keyed by its hex form (2097672 = 0x200208).
/// The table itself lists 0x10020F twice (meter data and meter comm fault); both are kept.
public enum AuroraVendorCodes {
    public struct Entry: Sendable, Hashable {
        public var code: UInt32
        public var name: String
        public var meaning: String
        /// The OCPP ChargePointErrorCode number (schema order) the table pairs it with, where legible.
        public var ocppErrorNumber: Int?

        /// `0x200208`
        public var hex: String { AuroraVendorCodes.hex(code) }
    }

    public static let table: [Entry] = [
        Entry(code: 0x100206, name: "SR_PE", meaning: "Grounding", ocppErrorNumber: nil),
        Entry(code: 0x200206, name: "SR_OVERVOL", meaning: "Over voltage", ocppErrorNumber: nil),
        Entry(code: 0x200208, name: "SR_UNDERVOL", meaning: "Under voltage", ocppErrorNumber: 14),
        Entry(code: 0x100213, name: "SR_OVERCUR", meaning: "Over current", ocppErrorNumber: nil),
        Entry(code: 0x100223, name: "SR_OVERTEMP", meaning: "Over temperature", ocppErrorNumber: nil),
        Entry(code: 0x10020F, name: "SR_METERDATA", meaning: "Meter data fault", ocppErrorNumber: 0x0A),
        Entry(code: 0x10020F, name: "SR_METERCOM", meaning: "Meter comm fault", ocppErrorNumber: 0x0A),
        Entry(code: 0x100202, name: "SR_ESBUTTOM", meaning: "Emergency button", ocppErrorNumber: nil),
        Entry(code: 0x100005, name: "SR_CARDCOM", meaning: "Card reader fault", ocppErrorNumber: nil),
        Entry(code: 0x100008, name: "SR_UNKNOW", meaning: "LTE comm fault", ocppErrorNumber: nil),
        Entry(code: 0x100215, name: "SR_LEAK", meaning: "Leakage fault", ocppErrorNumber: nil),
        Entry(code: 0x100208, name: "SR_RELAY", meaning: "Relay fault", ocppErrorNumber: nil),
        Entry(code: 0x100205, name: "SR_ELECLOCK", meaning: "Elec lock fault", ocppErrorNumber: nil),
        Entry(code: 0x100227, name: "SR_UNKNOW", meaning: "CP fault", ocppErrorNumber: nil),
        Entry(code: 0x10022F, name: "SR_METERDATA", meaning: "Power sequence fault", ocppErrorNumber: 0x0A),
        Entry(code: 0x100228, name: "SR_UNKNOW", meaning: "Connector fault", ocppErrorNumber: nil),
        Entry(code: 0x100233, name: "SR_UNKNOW", meaning: "CP-12V fault", ocppErrorNumber: nil),
        Entry(code: 0x10020C, name: "SR_METERCOM", meaning: "Door opened", ocppErrorNumber: nil),
        Entry(code: 0x100230, name: "SR_CARDCOM", meaning: "LN reverse fault", ocppErrorNumber: nil),
        Entry(code: 0x100231, name: "SR_UNKNOW", meaning: "Output short circuit", ocppErrorNumber: nil),
        Entry(code: 0x100232, name: "SR_UNKNOW", meaning: "3rd party device offline", ocppErrorNumber: nil),
    ]

    /// Entries for a code given as decimal (`2097672`) or hex (`0x200208`, `200208`) text.
    public static func lookup(_ text: String) -> [Entry] {
        guard let code = parseCode(text) else { return [] }
        return lookup(code)
    }

    public static func lookup(_ code: UInt32) -> [Entry] { table.filter { $0.code == code } }

    /// `2097672` → 0x200208; `0x200208` → 0x200208. A bare number is read as decimal, as the logs print it.
    public static func parseCode(_ text: String) -> UInt32? {
        let t = text.trimmingSpaces()
        if t.lowercased().hasPrefix("0x") { return UInt32(t.dropFirst(2), radix: 16) }
        return UInt32(t)
    }

    public static func hex(_ code: UInt32) -> String {
        let h = String(code, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 6 - h.count)) + h
    }
}

/// The Aurora charger's `ocpp error Code :14,2097672` line: the OCPP ChargePointErrorCode number
/// (schema order) and the vendor code in decimal.
public struct AuroraErrorLine: Sendable, Equatable {
    public var ocppNumber: Int
    public var vendorCode: UInt32
    public var errorCode: ChargePointErrorCode?
    public var vendor: [AuroraVendorCodes.Entry]

    /// `UnderVoltage (14); vendor 0x200208 SR_UNDERVOL "Under voltage"`
    public var summary: String {
        let ocpp = errorCode.map { "\($0.rawValue) (\(ocppNumber))" } ?? "unknown OCPP error code \(ocppNumber)"
        let v = vendor.isEmpty ? "vendor \(AuroraVendorCodes.hex(vendorCode)) not in the table"
            : "vendor \(AuroraVendorCodes.hex(vendorCode)) " + vendor.map { "\($0.name) \"\($0.meaning)\"" }.joined(separator: " / ")
        return "\(ocpp); \(v)"
    }

    /// Finds `ocpp error Code :A,B` in a line (case-insensitive, spaces tolerated).
    public static func parse(_ line: String) -> AuroraErrorLine? {
        let lower = line.lowercased()
        guard let r = lower.range(of: "ocpp error code") else { return nil }
        var rest = lower[r.upperBound...].drop { $0 == " " }
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        let a = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(a.count).drop { $0 == " " }
        guard !a.isEmpty, rest.first == "," else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        let b = rest.prefix { $0.isASCII && $0.isNumber }
        guard !b.isEmpty, let n = Int(a), let code = UInt32(b) else { return nil }
        return AuroraErrorLine(ocppNumber: n, vendorCode: code, errorCode: ChargePointErrorCode(number: n),
                               vendor: AuroraVendorCodes.lookup(code))
    }
}
