/// What a sampled value measures (OCPP 1.6 and 2.0.1 measurands). `.other` keeps unknown ones countable.
public enum Measurand: String, Sendable, CaseIterable, Codable {
    case energyActiveExportRegister = "Energy.Active.Export.Register"
    case energyActiveImportRegister = "Energy.Active.Import.Register"
    case energyReactiveExportRegister = "Energy.Reactive.Export.Register"
    case energyReactiveImportRegister = "Energy.Reactive.Import.Register"
    case energyActiveExportInterval = "Energy.Active.Export.Interval"
    case energyActiveImportInterval = "Energy.Active.Import.Interval"
    case energyReactiveExportInterval = "Energy.Reactive.Export.Interval"
    case energyReactiveImportInterval = "Energy.Reactive.Import.Interval"
    case energyActiveNet = "Energy.Active.Net"
    case energyReactiveNet = "Energy.Reactive.Net"
    case energyApparentNet = "Energy.Apparent.Net"
    case energyApparentImport = "Energy.Apparent.Import"
    case energyApparentExport = "Energy.Apparent.Export"
    case powerActiveExport = "Power.Active.Export"
    case powerActiveImport = "Power.Active.Import"
    case powerOffered = "Power.Offered"
    case powerReactiveExport = "Power.Reactive.Export"
    case powerReactiveImport = "Power.Reactive.Import"
    case powerFactor = "Power.Factor"
    case currentImport = "Current.Import"
    case currentExport = "Current.Export"
    case currentOffered = "Current.Offered"
    case voltage = "Voltage"
    case frequency = "Frequency"
    case temperature = "Temperature"
    case soc = "SoC"
    case rpm = "RPM"
    case other = "Other"

    /// The spec default when a sampled value names none.
    public static let defaultValue = Measurand.energyActiveImportRegister
    static let named = CaseNames<Measurand>()

    public var isEnergy: Bool { rawValue.hasPrefix("Energy.") }
    public var isRegister: Bool { rawValue.hasSuffix(".Register") }
}

public enum MeterPhase: String, Sendable, CaseIterable, Codable {
    case l1 = "L1", l2 = "L2", l3 = "L3", n = "N"
    case l1n = "L1-N", l2n = "L2-N", l3n = "L3-N"
    case l1l2 = "L1-L2", l2l3 = "L2-L3", l3l1 = "L3-L1"
    static let named = CaseNames<MeterPhase>()
}

public enum ReadingContext: String, Sendable, CaseIterable, Codable {
    case interruptionBegin = "Interruption.Begin"
    case interruptionEnd = "Interruption.End"
    case sampleClock = "Sample.Clock"
    case samplePeriodic = "Sample.Periodic"
    case transactionBegin = "Transaction.Begin"
    case transactionEnd = "Transaction.End"
    case trigger = "Trigger"
    case other = "Other"

    public static let defaultValue = ReadingContext.samplePeriodic
    static let named = CaseNames<ReadingContext>()
}

public enum MeterLocation: String, Sendable, CaseIterable, Codable {
    case body = "Body", cable = "Cable", ev = "EV", inlet = "Inlet", outlet = "Outlet"
    public static let defaultValue = MeterLocation.outlet
    static let named = CaseNames<MeterLocation>()
}

/// Units after normalisation: kilo-units become base units (kWh → Wh, kW → W), `Celcius` → `Celsius`.
public enum MeterUnit: String, Sendable, CaseIterable, Codable {
    case wh = "Wh", varh = "varh", w = "W", va = "VA", vA = "var", a = "A", v = "V"
    case celsius = "Celsius", fahrenheit = "Fahrenheit", kelvin = "K", percent = "Percent"
    case rpm = "RPM", hertz = "Hz"
    /// No unit given and none implied by the measurand.
    case none = ""
    /// A unit this table does not know; the value is kept as sent.
    case unknown = "?"

    /// Parses a sent unit; returns the normalised unit and the factor to apply.
    public static func normalise(_ sent: String) -> (unit: MeterUnit, factor: Double) {
        // The common units first, compared only with those of the same UTF-8 length (a unit is read
        // from every sampled value); anything else goes through the whole table (canonical equivalents too).
        switch sent.utf8.count {
        case 1:
            switch sent {
            case "A": return (.a, 1)
            case "V": return (.v, 1)
            case "W": return (.w, 1)
            default: break
            }
        case 2:
            switch sent {
            case "Wh": return (.wh, 1)
            case "kW": return (.w, 1000)
            default: break
            }
        case 3:
            if sent == "kWh" { return (.wh, 1000) }
        case 7:
            switch sent {
            case "Celsius": return (.celsius, 1)
            case "Percent": return (.percent, 1)
            default: break
            }
        default:
            break
        }
        return table(sent)
    }

    private static func table(_ sent: String) -> (unit: MeterUnit, factor: Double) {
        switch sent {
        case "Wh": (.wh, 1)
        case "kWh": (.wh, 1000)
        case "varh": (.varh, 1)
        case "kvarh": (.varh, 1000)
        case "W": (.w, 1)
        case "kW": (.w, 1000)
        case "VA": (.va, 1)
        case "kVA": (.va, 1000)
        case "var": (.vA, 1)
        case "kvar": (.vA, 1000)
        case "A": (.a, 1)
        case "V": (.v, 1)
        case "Celsius", "Celcius": (.celsius, 1)
        case "Fahrenheit": (.fahrenheit, 1)
        case "K": (.kelvin, 1)
        case "Percent": (.percent, 1)
        default: (.unknown, 1)
        }
    }

    /// The unit implied by a measurand when none is sent. The spec's default is Wh; it is applied to
    /// energy measurands only (a "Wh" RPM or voltage would be nonsense).
    public static func implied(by m: Measurand) -> MeterUnit {
        switch m {
        case .energyActiveExportRegister, .energyActiveImportRegister, .energyActiveExportInterval,
             .energyActiveImportInterval, .energyActiveNet: .wh
        case .energyReactiveExportRegister, .energyReactiveImportRegister, .energyReactiveExportInterval,
             .energyReactiveImportInterval, .energyReactiveNet: .varh
        case .powerActiveExport, .powerActiveImport, .powerOffered: .w
        case .powerReactiveExport, .powerReactiveImport: .vA
        case .currentImport, .currentExport, .currentOffered: .a
        case .voltage: .v
        case .soc: .percent
        case .rpm: .rpm
        case .frequency: .hertz
        case .temperature: .celsius
        default: .none
        }
    }
}
