/// How a file's line times were put on the UTC clock, and from what evidence: shown by `stats`, the
/// viewer's files dialog and header, and overridable (`--tz`, `--no-clock-inference`).
public struct ClockDecision: Sendable, Equatable {
    public enum Basis: Sendable, Equatable {
        /// The stamps are taken as UTC: the format states its zone, or nothing in the file says otherwise.
        case asWritten
        /// The stamps agree with the payload times: UTC, confirmed.
        case confirmedUTC
        /// The stamps are local time; the offsets were inferred from the payload times.
        case inferredLocal
        /// The user said which zone the stamps are in (`--tz`).
        case userZone(String)
        /// No line carries a stamp: times come from the payload times around each line.
        case fromPayloads
    }

    /// A stretch of records whose stamps are `offset` ms ahead of UTC (UTC+02:00 is 7,200,000).
    public struct Shift: Sendable, Equatable {
        public var fromRecord: Int
        public var offset: Int64
        public init(fromRecord: Int, offset: Int64) {
            self.fromRecord = fromRecord
            self.offset = offset
        }
    }

    public var basis: Basis
    /// For `inferredLocal` and fixed `userZone` offsets: in record order, the first from record 0.
    public var shifts: [Shift]
    /// Payload times the decision rests on.
    public var evidence: Int
    /// How far the charger's own clock (its payload times) is ahead of the central system's or of the
    /// corrected log clock, when it is off by more than `ClockInference.skewThreshold`.
    public var chargerSkew: Int64?
    /// A note when the payload times said something the decision did not follow (mixed offsets).
    public var note: String?
    /// Stamps with only a time of day: the days (in ms) the payload times moved them by, to their date.
    public var datedFromPayloads: Int64?
    /// For `fromPayloads`: the framed records whose payload times the lines take, in record order.
    var anchors: [ClockSample] = []

    public init(basis: Basis, shifts: [Shift] = [], evidence: Int = 0, chargerSkew: Int64? = nil, note: String? = nil) {
        self.basis = basis
        self.shifts = shifts
        self.evidence = evidence
        self.chargerSkew = chargerSkew
        self.note = note
    }

    public static let asWritten = ClockDecision(basis: .asWritten)

    /// Whether the line times were moved.
    public var moved: Bool {
        basis == .fromPayloads || shifts.contains { $0.offset != 0 }
    }

    /// One line for `stats` and the viewer: "local time, UTC+02:00, inferred from 2,752 frame times".
    public var summary: String {
        var s: String
        switch basis {
        case .asWritten:
            s = "as written (UTC)"
        case .confirmedUTC:
            s = "UTC, confirmed by \(Self.count(evidence)) frame time(s)"
        case .inferredLocal:
            let days = datedFromPayloads ?? 0
            s = (days != 0 ? "time of day only, the date from the payload times; " : "")
                + "local time, " + shifts.map { Self.offsetText($0.offset - days) }.joined(separator: ", then ")
                + ", inferred from \(Self.count(evidence)) frame time(s)"
        case .userZone(let z):
            s = "local time \(z) (--tz)"
        case .fromPayloads:
            s = "no line stamps: times from \(Self.count(evidence)) payload time(s), lines between interpolated"
        }
        if let k = chargerSkew { s += "; charger clock \(Self.durationText(k)) \(k > 0 ? "ahead" : "behind")" }
        if let n = note { s += "; \(n)" }
        return s
    }

    /// `UTC+02:00`, `UTC-03:30`, `UTC+00:00`.
    public static func offsetText(_ ms: Int64) -> String {
        let minutes = Int(ms / 60_000)
        let sign = minutes < 0 ? "-" : "+"
        let a = abs(minutes)
        return "UTC" + sign + CivilTime.pad(a / 60, 2) + ":" + CivilTime.pad(a % 60, 2)
    }

    /// `2 h 5 min`, `37 s`.
    static func durationText(_ ms: Int64) -> String {
        let s = abs(ms) / 1000
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }

    static func count(_ n: Int) -> String {
        var digits = Array(String(n))
        var i = digits.count - 3
        while i > 0 { digits.insert(",", at: i); i -= 3 }
        return String(digits)
    }
}
