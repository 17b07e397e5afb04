/// A measured quantity over time, for a chart: `Power.Active.Import` in kW, `SoC` in %.
public struct MeterSeries: Sendable, Equatable {
    public enum Quantity: String, Sendable, CaseIterable {
        case power = "Power", energy = "Energy", current = "Current", voltage = "Voltage", soc = "SoC"
    }

    public var quantity: Quantity
    /// The measurand as the charger named it (`Power.Active.Import`).
    public var name: String
    public var unit: String
    /// (epoch ms, value), in time order.
    public var points: [Point]

    public struct Point: Sendable, Equatable {
        public var time: Int64
        public var value: Double
        public init(_ time: Int64, _ value: Double) {
            self.time = time
            self.value = value
        }
    }

    public init(quantity: Quantity, name: String, unit: String, points: [Point]) {
        self.quantity = quantity
        self.name = name
        self.unit = unit
        self.points = points
    }
}
