/// An OBIS code (IEC 62056-6-1) as OCMF's `RI` names a register, in every spelling meters use:
/// `1-0:1.8.0`, `1-0:1.8.0*255`, `1-0:1.8.0.255`, `1.8.0` (medium and channel left out), the
/// zero-padded hex groups of DZG and OCMF 1.4 (`01-00:01.08.00.FF`, `01-00:B0.08.00*FF`), and the
/// spec examples' placeholder letters (`1-b:1.8.e`). Groups are decimal unless the code is in the
/// padded two-digit style or holds a hex letter, then all are hex (`01-00:15.08.00.FF` is 21.8.0).
public struct OBISCode: Sendable, Equatable, CustomStringConvertible {
    /// A (medium, 1 = electricity) and B (channel), when written.
    public var medium: Int?
    public var channel: Int?
    /// C (quantity), D (processing: 8 = register, time integral), E (tariff).
    public var quantity: Int
    public var processing: Int
    public var tariff: Int
    /// F (billing period, 255 = current), when written.
    public var period: Int?
    /// As written.
    public var text: String

    public init?(_ text: String) {
        let t = text.trimmingSpaces()
        var ab: [Substring] = []
        var rest = Substring(t)
        if let colon = t.firstIndex(of: ":") {
            ab = t[..<colon].split(separator: "-", omittingEmptySubsequences: false)
            rest = t[t.index(after: colon)...]
            guard ab.count == 2 else { return nil }
        }
        var f: Substring?
        if let star = rest.firstIndex(of: "*") {
            f = rest[rest.index(after: star)...]
            rest = rest[..<star]
        }
        var cde = rest.split(separator: ".", omittingEmptySubsequences: false)
        if cde.count == 4, f == nil { f = cde.removeLast() }
        guard cde.count == 3 else { return nil }
        let groups = ab + cde
        let padded = !ab.isEmpty && groups.allSatisfy { $0.count == 2 }
        let lettered = groups.contains { $0.contains { "abcdefABCDEF".contains($0) } }
        let radix = padded || lettered ? 16 : 10
        func value(_ s: Substring) -> Int? { s.isEmpty || s.count > 3 ? nil : Int(s, radix: radix) }
        guard let c = value(cde[0]), let d = value(cde[1]), let e = value(cde[2]) else { return nil }
        if !ab.isEmpty {
            guard let a = value(ab[0]), let b = value(ab[1]) else { return nil }
            medium = a
            channel = b
        }
        if let f {
            // F is written `255` or `FF` whatever the other groups' style.
            guard let p = Int(f, radix: radix) ?? Int(f, radix: 16), !f.isEmpty, f.count <= 3 else { return nil }
            period = p
        }
        quantity = c
        processing = d
        tariff = e
        self.text = t
    }

    /// What an energy register counts.
    public struct EnergyRegister: Sendable, Equatable {
        public enum Direction: String, Sendable { case `import`, export }
        public enum Scope: Sendable, Equatable {
            /// All phases (C 1 / 2, OCMF's B0/B1, C0/C1, DZG's 98).
            case total
            /// One phase, 1…3 (C 21/41/61 import, 22/42/62 export).
            case phase(Int)
            /// Energy of the transaction only (OCMF's B2/B3, C2/C3).
            case transaction
        }
        public var direction: Direction
        public var scope: Scope
        /// Measured at the consuming device, cable loss compensated (OCMF's B1/B3, C1/C3).
        public var deviceSide: Bool
    }

    /// The active-energy register this code names, nil for any other quantity.
    public var energy: EnergyRegister? {
        guard medium == nil || medium == 1, processing == 8 else { return nil }
        switch quantity {
        case 1: return EnergyRegister(direction: .import, scope: .total, deviceSide: false)
        case 2: return EnergyRegister(direction: .export, scope: .total, deviceSide: false)
        case 21, 41, 61: return EnergyRegister(direction: .import, scope: .phase((quantity - 1) / 20), deviceSide: false)
        case 22, 42, 62: return EnergyRegister(direction: .export, scope: .phase((quantity - 2) / 20), deviceSide: false)
        case 0x98, 98:
            // DZG's cable-loss compensated import register (`01-00:98.08.00.FF`, also written
            // `1-0:98.8.0.FF`), the register the SAFE transparency software bills from.
            return EnergyRegister(direction: .import, scope: .total, deviceSide: true)
        case 0xB0...0xB3, 0xC0...0xC3:
            let k = quantity & 0x0F
            return EnergyRegister(direction: quantity < 0xC0 ? .import : .export, scope: k < 2 ? .total : .transaction,
                                  deviceSide: k % 2 == 1)
        default: return nil
        }
    }

    /// Total active energy imported: the register a bill and meterStart / meterStop count.
    public var isImportTotal: Bool { energy.map { $0.direction == .import && $0.scope == .total } ?? false }

    /// `active energy import, total`, `active energy import, phase L2`, `active energy export,
    /// total, tariff 1`, or the code's groups for other quantities.
    public var meaning: String {
        guard let e = energy else {
            if quantity == 0, processing == 8, tariff == 6 { return "charging duration" }
            return "quantity \(quantity).\(processing).\(tariff)"
        }
        var s = "active energy \(e.direction.rawValue), "
        switch e.scope {
        case .total: s += "total"
        case .phase(let n): s += "phase L\(n)"
        case .transaction: s += "this transaction"
        }
        if e.deviceSide { s += " (device side, cable loss compensated)" }
        if tariff != 0, quantity < 0x80 { s += ", tariff \(tariff)" }
        return s
    }

    /// `1-0:1.8.0*255` form (decimal groups).
    public var normalised: String {
        let ab = medium.map { "\($0)-\(channel ?? 0):" } ?? ""
        return ab + "\(quantity).\(processing).\(tariff)" + (period.map { "*\($0)" } ?? "")
    }

    public var description: String { text }
}
