/// A span during which the charger was connected to its central system (or not).
public struct OnlinePeriod: Sendable, Equatable {
    public var start: Int64
    public var end: Int64
    public var online: Bool
    public init(start: Int64, end: Int64, online: Bool) {
        self.start = start
        self.end = end
        self.online = online
    }
}
