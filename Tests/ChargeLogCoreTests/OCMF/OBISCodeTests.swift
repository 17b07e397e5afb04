import Testing
@testable import ChargeLogCore

/// OBIS spellings as they occur in published OCMF documents (source named per case) and as
/// IEC 62056-6-1 writes them; import total, per phase and export told apart.
@Suite("OBIS codes")
struct OBISCodeTests {
    typealias Register = OBISCode.EnergyRegister

    @Test("every spelling of the import total register")
    func importTotal() throws {
        let cases: [(String, Int?, Int?, Int, Int?)] = [
            ("1-0:1.8.0", 1, 0, 0, nil),             // the LEM seed, IEC form
            ("1-0:1.8.0*255", 1, 0, 0, 255),         // IEC form with billing period
            ("1-0:1.8.0.255", 1, 0, 0, 255),
            ("01-00:01.08.00.FF", 1, 0, 0, 255),     // SAFE OCMF_Test_Data_00.xml (DZG DVH4013)
            ("01-00:01.08.00*FF", 1, 0, 0, 255),     // Chargy BET 001-01 (OCMF 1.4)
            ("1.8.0", nil, nil, 0, nil),             // medium and channel left out
            ("1-b:1.8.0", 1, 11, 0, nil),            // pyocmf / SAFE KEBA KCP30
            ("1-0:1.8.1", 1, 0, 1, nil),             // SAFE brainpoolP256r1.xml (NZR EcoCount), tariff 1
            ("1-0:1.8.0*198", 1, 0, 0, 198),         // SAFE 20211007-device-with-evt (BAUER)
        ]
        for (text, a, b, e, f) in cases {
            let o = try #require(OBISCode(text), "\(text)")
            #expect(o.medium == a && o.channel == b && o.quantity == 1 && o.processing == 8 && o.tariff == e && o.period == f, "\(text)")
            #expect(o.isImportTotal, "\(text)")
            #expect(o.energy == Register(direction: .import, scope: .total, deviceSide: false), "\(text)")
        }
        #expect(OBISCode("1-0:1.8.1")?.meaning == "active energy import, total, tariff 1")
        // The spec examples' placeholder tariff letter (SAFE test_ocmf_transaction_two_values.xml).
        #expect(OBISCode("1-b:1.8.e")?.isImportTotal == true)
    }

    @Test("per-phase and export registers are not the import total")
    func phasesAndExport() throws {
        let cases: [(String, Register)] = [
            ("1-0:21.8.0", Register(direction: .import, scope: .phase(1), deviceSide: false)),
            ("1-0:41.8.0", Register(direction: .import, scope: .phase(2), deviceSide: false)),
            ("1-0:61.8.0*255", Register(direction: .import, scope: .phase(3), deviceSide: false)),
            ("01-00:15.08.00.FF", Register(direction: .import, scope: .phase(1), deviceSide: false)),  // 0x15 = 21
            ("01-00:3D.08.00.FF", Register(direction: .import, scope: .phase(3), deviceSide: false)),  // 0x3D = 61
            ("1-0:2.8.0", Register(direction: .export, scope: .total, deviceSide: false)),            // the LEM seed
            ("1-0:2.8.0.FF", Register(direction: .export, scope: .total, deviceSide: false)),         // SAFE OBIS_98.8.0_2.8.0
            ("1-0:22.8.0", Register(direction: .export, scope: .phase(1), deviceSide: false)),
            ("1-0:62.8.0", Register(direction: .export, scope: .phase(3), deviceSide: false)),
        ]
        for (text, register) in cases {
            let o = try #require(OBISCode(text), "\(text)")
            #expect(o.energy == register, "\(text)")
            #expect(!o.isImportTotal, "\(text)")
        }
        #expect(OBISCode("1-0:41.8.0")?.meaning == "active energy import, phase L2")
        #expect(OBISCode("1-0:2.8.0")?.meaning == "active energy export, total")
    }

    @Test("OCMF 1.4's reserved registers and DZG's compensated register")
    func ocmfRegisters() throws {
        #expect(OBISCode("01-00:B0.08.00*FF")?.energy == Register(direction: .import, scope: .total, deviceSide: false))
        #expect(OBISCode("01-00:B1.08.00*FF")?.energy == Register(direction: .import, scope: .total, deviceSide: true))
        #expect(OBISCode("01-00:B2.08.00*FF")?.energy == Register(direction: .import, scope: .transaction, deviceSide: false))
        #expect(OBISCode("01-00:B3.08.00*FF")?.isImportTotal == false)
        #expect(OBISCode("01-00:C0.08.00*FF")?.energy == Register(direction: .export, scope: .total, deviceSide: false))
        #expect(OBISCode("01-00:C3.08.00*FF")?.energy == Register(direction: .export, scope: .transaction, deviceSide: true))
        // Chargy OCMF-DZG-01.txt (GSH01) and SAFE Ocmf_Example_OBIS_98.8.0_2.8.0.xml.
        #expect(OBISCode("01-00:98.08.00.FF")?.isImportTotal == true)
        #expect(OBISCode("1-0:98.8.0.FF")?.isImportTotal == true)
        #expect(OBISCode("01-00:98.08.00.FF")?.meaning == "active energy import, total (device side, cable loss compensated)")
    }

    @Test("other quantities and text that is no OBIS code")
    func others() {
        // SAFE OCMF_Test_Data_00.xml: the charging duration in seconds.
        #expect(OBISCode("01-00:00.08.06.FF")?.energy == nil)
        #expect(OBISCode("01-00:00.08.06.FF")?.meaning == "charging duration")
        // Chargy OCMF-DZG-01.txt: a resistance in Ohm (0x8C.07.00).
        #expect(OBISCode("01-00:8C.07.00.FF")?.energy == nil)
        #expect(OBISCode("1-0:1.7.0")?.energy == nil)  // power, not energy
        #expect(OBISCode("2-0:1.8.0")?.energy == nil)  // medium 2 is not electricity
        for text in ["", "energy", "1-0:1.8", "1:2:3", "1-0:1.8.0.0.0", "1-0-0:1.8.0", "1-0:x.8.0"] {
            #expect(OBISCode(text) == nil, "\(text)")
        }
    }

    @Test("the import reading of a document is found by register, not by a substring")
    func readings() throws {
        // A per-phase register first must not be mistaken for the total ("21.8.0" contains "1.8.").
        let doc = try OCMFDocument.parse(#"OCMF|{"FV":"1.0","RD":[{"TM":"2024-05-01T17:03:34,000+0200 S","TX":"B","RV":3.5,"RI":"1-0:21.8.0","RU":"kWh","ST":"G"},{"RV":11.25,"RI":"1-0:1.8.0","RU":"kWh","ST":"G"},{"RV":0.5,"RI":"1-0:2.8.0","RU":"kWh","ST":"G"}]}|{}"#).get()
        #expect(doc.beginReading?.valueWh == 11250)
        #expect(doc.readings.map(\.isImportRegister) == [false, true, false])
    }
}
