import Testing
@testable import ChargeLogCore

@Suite("Case names")
struct CaseNamesTests {
    /// The lookup must agree with the synthesized `init(rawValue:)` on every name and on near misses.
    func agrees<E: RawRepresentable & CaseIterable & Sendable & Equatable>(_ names: CaseNames<E>, _: E.Type) where E.RawValue == String {
        for c in E.allCases {
            let name = c.rawValue
            #expect(names(name) == c, "\(name)")
            var misses = [name.lowercased(), name.uppercased(), name + " ", " " + name, String(name.dropLast()), name + "x"]
            if let last = name.utf8.last {
                // Same length, last byte changed: only the text tells them apart.
                misses.append(String(decoding: name.utf8.dropLast() + [last == 0x41 ? 0x42 : 0x41], as: UTF8.self))
            }
            for m in misses where m != name {
                #expect(names(m) == E(rawValue: m), "\(m)")
            }
        }
        #expect(names("") == E(rawValue: ""))
        #expect(names(String(repeating: "E", count: 200)) == nil)
    }

    @Test("measurands, contexts, locations and phases are found exactly as their raw values")
    func meterEnums() {
        agrees(Measurand.named, Measurand.self)
        agrees(ReadingContext.named, ReadingContext.self)
        agrees(MeterLocation.named, MeterLocation.self)
        agrees(MeterPhase.named, MeterPhase.self)
        #expect(Measurand.named("Energy.Active.Import.Register") == .energyActiveImportRegister)
        #expect(Measurand.named("Energy.Active.Import.Registe") == nil)
        #expect(MeterPhase.named("L1-N") == .l1n)
        #expect(MeterPhase.named("L1-n") == nil)
    }
}
