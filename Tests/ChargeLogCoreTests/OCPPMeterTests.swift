import TestSupport
import Testing
@testable import ChargeLogCore

@Suite("OCPP meter values")
struct OCPPMeterTests {
    func read(_ json: String) throws -> MeterValueReader.Output {
        MeterValueReader.read(try JSONParser.parse(json).get(), path: "meterValue", fallbackTime: 0)
    }

    @Test("3.48e-05 kW is a number, 0.0348 W, flagged as scientific")
    func scientific() throws {
        let out = try read(#"[{"timestamp":"2024-04-24T04:38:24Z","sampledValue":[{"value":"6851.43","format":"Raw","measurand":"Energy.Active.Import.Register","unit":"kWh"},{"value":"3.48e-05","format":"Raw","measurand":"Power.Active.Import","unit":"kW"}]}]"#)
        #expect(out.samples.count == 2)
        let p = out.samples[1]
        #expect(p.measurand == .powerActiveImport)
        #expect(p.unit == .w)
        #expect(abs(p.value - 0.0348) < 1e-12)
        #expect(p.flags.contains(.scientific))
        #expect(p.flags.contains(.converted))
        #expect(out.samples[0].value == 6_851_430)
        #expect(out.samples[0].unit == .wh)
        #expect(!out.samples[0].flags.contains(.scientific))
        #expect(out.issues.map(\.kind) == [.scientificNotation])
        #expect(out.issues.first?.path == "meterValue[0].sampledValue[1].value")
        #expect(out.issues.first?.message.contains("0.0000348") == true)
        #expect(out.samples[0].time == CivilTime.millis(year: 2024, month: 4, day: 24, hour: 4, minute: 38, second: 24, millis: 0))
    }

    @Test("phases kept, defaults applied, Celcius read as Celsius")
    func tonly() throws {
        let out = try read(#"[{"timestamp":"2021-11-09T16:20:35","sampledValue":[{"value":"230.8","context":"Sample.Periodic","format":"Raw","measurand":"Voltage","phase":"L1","unit":"V"},{"value":"33","measurand":"Temperature","unit":"Celcius"},{"value":"12"},{"value":"3630","measurand":"RPM"}]}]"#)
        #expect(out.samples.map(\.phase) == [.l1, nil, nil, nil])
        #expect(out.samples[1].unit == .celsius)
        let d = out.samples[2]
        #expect(d.measurand == .energyActiveImportRegister)
        #expect(d.unit == .wh)
        #expect(d.context == .samplePeriodic)
        #expect(d.location == .outlet)
        #expect(d.flags.contains(.defaultMeasurand))
        #expect(d.flags.contains(.impliedUnit))
        #expect(out.samples[3].unit == .rpm)
        #expect(out.issues.isEmpty)
    }

    @Test("values that are not numbers are reported and skipped")
    func notNumbers() throws {
        let out = try read(#"[{"timestamp":"2021-11-09T16:20:35","sampledValue":[{"value":"n/a"},{"value":"1.5"}]}]"#)
        #expect(out.samples.map(\.value) == [1.5])
        #expect(out.issues.map(\.kind) == [.notANumber])
    }

    @Test("a sampled value's duplicated key counts once, the first as written; a sample that is not an object is skipped")
    func duplicateKeys() throws {
        // Keys of one length told apart (value/phase), the unit before its 2.0.1 object, a second value ignored.
        let out = try read(#"[{"timestamp":"2024-05-01T14:42:14Z","sampledValue":[{"phase":"L2","value":"5","unit":"kWh","value":"9","phase":"L3","unitOfMeasure":{"unit":"W"},"measurand":"Voltage","measurand":"Current.Import"},"text",{"value":"1","unit":7,"unitOfMeasure":{"unit":"kW","multiplier":1}}]}]"#)
        #expect(out.samples.map(\.value) == [5_000, 10_000])
        #expect(out.samples.map(\.phase) == [.l2, nil])
        #expect(out.samples.map(\.measurand) == [.voltage, .energyActiveImportRegister])
        #expect(out.issues.isEmpty)
    }

    @Test("2.0.1 numbers with unitOfMeasure and multiplier")
    func v201() throws {
        let out = try read(#"[{"timestamp":"2024-05-01T14:42:14Z","sampledValue":[{"value":12.5,"measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"kWh","multiplier":0}},{"value":7,"measurand":"Power.Active.Import","unitOfMeasure":{"unit":"W","multiplier":3}}]}]"#)
        #expect(out.samples.map(\.value) == [12_500, 7_000])
        #expect(out.samples.allSatisfy { !$0.flags.contains(.fromString) })
    }

    @Test("signed values become OCMF documents, not samples")
    func signed() throws {
        let value = SeedLines.ocmfBegin670
        let out = try read(#"[{"timestamp":"2024-05-01T16:30:11Z","sampledValue":[{"value":"\#(value)","context":"Transaction.Begin","format":"SignedData","measurand":"Energy.Active.Import.Register"}]}]"#)
        #expect(out.samples.isEmpty)
        #expect(out.signed.count == 1)
        #expect(out.signed[0].context == .transactionBegin)
        #expect(out.signed[0].document?.pagination == "T653")
    }

    @Test("every unit of the 1.6 UnitOfMeasure table, its kilo-units scaled; near misses are unknown")
    func units() {
        // The spec's table (OCPP 1.6 §7.41) plus the spec's own misspelling "Celcius".
        let expected: [(String, MeterUnit, Double)] = [
            ("Wh", .wh, 1), ("kWh", .wh, 1000), ("varh", .varh, 1), ("kvarh", .varh, 1000), ("W", .w, 1), ("kW", .w, 1000),
            ("VA", .va, 1), ("kVA", .va, 1000), ("var", .vA, 1), ("kvar", .vA, 1000), ("A", .a, 1), ("V", .v, 1),
            ("Celsius", .celsius, 1), ("Celcius", .celsius, 1), ("Fahrenheit", .fahrenheit, 1), ("K", .kelvin, 1), ("Percent", .percent, 1),
        ]
        for (sent, unit, factor) in expected {
            let n = MeterUnit.normalise(sent)
            #expect(n.unit == unit && n.factor == factor, "\(sent)")
        }
        for sent in ["", "wh", "KWH", "kwh", "w", "Wh ", "Percen", "Celsiu", "kVAh", "mA"] {
            #expect(MeterUnit.normalise(sent).unit == .unknown, "\(sent)")
        }
        // The Kelvin sign (U+212A) is canonically the letter K, as Swift compares text.
        #expect(MeterUnit.normalise("\u{212A}").unit == .kelvin)
    }
}
