/// One normalised sampled value: its time, what it measures, the value in base units.
/// Compact (about 24 bytes) so long transactions stay cheap.
public struct MeterSample: Sendable, Equatable {
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The value was sent in scientific notation (`"3.48e-05"`).
        public static let scientific = Flags(rawValue: 1)
        /// A kilo-unit was converted (kWh → Wh).
        public static let converted = Flags(rawValue: 2)
        /// The measurand was not sent; the spec default applies.
        public static let defaultMeasurand = Flags(rawValue: 4)
        /// The unit was not sent; it was implied by the measurand.
        public static let impliedUnit = Flags(rawValue: 8)
        /// The value was a number given as a string (OCPP 1.6) — the normal case in 1.6.
        public static let fromString = Flags(rawValue: 16)
    }

    /// Epoch ms of the meter value's `timestamp`.
    public var time: Int64
    public var value: Double
    public var measurand: Measurand
    public var phase: MeterPhase?
    public var unit: MeterUnit
    public var context: ReadingContext
    public var location: MeterLocation
    public var flags: Flags

    public init(time: Int64, value: Double, measurand: Measurand, phase: MeterPhase?, unit: MeterUnit,
                context: ReadingContext, location: MeterLocation, flags: Flags) {
        self.time = time
        self.value = value
        self.measurand = measurand
        self.phase = phase
        self.unit = unit
        self.context = context
        self.location = location
        self.flags = flags
    }

    /// `Energy.Active.Import.Register L1 (Wh)` — a series name for charts.
    public var seriesName: String {
        var s = measurand.rawValue
        if let p = phase { s += " " + p.rawValue }
        if unit != .none && unit != .unknown { s += " (\(unit.rawValue))" }
        return s
    }
}
