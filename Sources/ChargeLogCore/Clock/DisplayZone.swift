import Foundation

/// The zone times are *shown* in (`--display-tz`, the viewer's `:tz`). Every record stays on UTC inside;
/// only the text changes. UTC by default, so what a technician quotes matches the OCPP payloads.
/// A named zone follows its daylight-saving rules instant by instant; `local` is this machine's zone
/// (`TZ`, else `/etc/localtime`). Machine output (JSON, CSV, traces) stays UTC whatever is chosen.
public struct DisplayZone: Sendable, Equatable {
    /// nil: UTC.
    public var zone: ZoneOverride.Zone?
    /// How it is named on screen: `UTC`, `+02:00`, `Europe/Berlin`.
    public var name: String

    public static let utc = DisplayZone(zone: nil, name: "UTC")

    public init(zone: ZoneOverride.Zone?, name: String) {
        self.zone = zone
        self.name = name
    }

    /// `utc`, `local`, an offset (`+02:00`, `-0530`) or a zone name (`Europe/Berlin`).
    public init(parsing text: String, option: String = "--display-tz") throws(ChargeLogError) {
        let t = text.trimmingSpaces()
        switch t.lowercased() {
        case "utc", "z", "gmt":
            self = .utc
        case "local":
            let tz = TimeZone.current
            self = DisplayZone(zone: .named(tz), name: tz.identifier)
        default:
            guard let z = ZoneOverride.zone(t) else {
                throw .invalidArgument(name: option, value: text,
                                       expected: "utc, local, an offset (+02:00, -0530) or a zone name (Europe/Berlin)")
            }
            self = DisplayZone(zone: z, name: t)
        }
        if case .fixed(0)? = zone { self = .utc }
    }

    public var isUTC: Bool { zone == nil }

    /// The offset ahead of UTC at `utc`, in ms.
    public func offset(at utc: Int64) -> Int64 { zone?.offset(atUTC: utc) ?? 0 }

    /// The instant shown, as if it were UTC (what CivilTime formats).
    public func wall(_ utc: Int64) -> Int64 {
        let w = utc &+ offset(at: utc)
        return CivilTime.printable.contains(w) ? w : utc
    }

    /// `UTC`, or `UTC+02:00` (the offset in force at `utc`: a named zone's changes with its DST).
    public func label(at utc: Int64) -> String {
        guard !isUTC else { return "UTC" }
        return "UTC" + Self.offsetText(offset(at: utc))
    }

    /// `+02:00`, `-05:30`, `+00:00`.
    public static func offsetText(_ ms: Int64) -> String {
        let minutes = Int(ms.magnitude / 60_000)
        return (ms < 0 ? "-" : "+") + CivilTime.pad(minutes / 60, 2) + ":" + CivilTime.pad(minutes % 60, 2)
    }

    /// `2024-05-01 16:42:14.595` in this zone.
    public func display(_ utc: Int64, millis: Bool = true) -> String { CivilTime.display(wall(utc), millis: millis) }

    /// `16:42:14.595` in this zone.
    public func clock(_ utc: Int64) -> String { CivilTime.clock(wall(utc)) }

    /// `2024-05-01T14:42:14.595Z`, or with the zone's offset: `2024-05-01T16:42:14.595+02:00`.
    public func iso8601(_ utc: Int64) -> String {
        guard !isUTC else { return CivilTime.iso8601(utc) }
        return String(CivilTime.iso8601(wall(utc)).dropLast()) + Self.offsetText(offset(at: utc))
    }

    /// Midnight of the shown day that holds `utc`, as a UTC instant.
    public func startOfDay(_ utc: Int64) -> Int64 {
        let w = wall(utc)
        let day = w - ((w % CivilTime.msPerDay) + CivilTime.msPerDay) % CivilTime.msPerDay
        return utcFromWall(day)
    }

    /// The UTC instant of a wall-clock time in this zone (epoch ms as if it were UTC).
    public func utcFromWall(_ wall: Int64) -> Int64 { wall &- (zone?.offset(atLocal: wall) ?? 0) }

    /// A time the user typed: with a zone (`Z`, `+02:00`, `UTC`) as written; without one, in this zone.
    public func parseUserTime(_ text: String) -> Int64? {
        let t = text.trimmingSpaces()
        guard let ms = CivilTime.parseUserTime(t) else { return nil }
        return Self.namesZone(t) || isUTC ? ms : utcFromWall(ms)
    }

    /// Whether a typed stamp carries its own zone: `Z`, `UTC`, or a sign after the date.
    static func namesZone(_ t: String) -> Bool {
        let tail = t.utf8.dropFirst(10)
        return tail.contains(UInt8(ascii: "+")) || tail.contains(UInt8(ascii: "-")) || tail.contains(UInt8(ascii: "Z"))
            || tail.contains(UInt8(ascii: "z")) || t.hasSuffix("UTC")
    }
}
