/// One framed record of a file: the time its line stamp says and the UTC time its payload states.
public struct ClockSample: Sendable, Equatable {
    public var record: Int
    /// The line's own stamp (epoch ms as written, zone unknown); nil when the line has none.
    public var lineTime: Int64?
    public var payload: PayloadTime

    public init(record: Int, lineTime: Int64?, payload: PayloadTime) {
        self.record = record
        self.lineTime = lineTime
        self.payload = payload
    }

    /// How far the line stamp is ahead of the payload time.
    var difference: Int64? { lineTime.map { $0 - payload.time } }
}
