import Foundation

/// `--tz`: the zone a log's stamps are written in, for every file (`+01:00`, `Europe/Berlin`, `UTC`) or
/// for one (`ha.log=+01:00`, matched against the file's shown path or its name).
public struct ZoneOverride: Sendable, Equatable {
    public enum Zone: Sendable, Equatable {
        /// A fixed offset ahead of UTC, in ms.
        case fixed(Int64)
        /// An IANA zone, with its daylight-saving rules (looked up once, when the option is read).
        case named(TimeZone)

        /// The offset ahead of UTC at the instant `utc`.
        public func offset(atUTC utc: Int64) -> Int64 {
            switch self {
            case .fixed(let ms): return ms
            case .named(let tz):
                return Int64(tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utc) / 1000))) * 1000
            }
        }

        /// The offset ahead of UTC of a wall-clock time written as `local` (epoch ms as if it were UTC).
        public func offset(atLocal local: Int64) -> Int64 {
            // The zone's offset at the instant the local stamp roughly names, then once more at the instant it gives.
            let guess = offset(atUTC: local)
            return offset(atUTC: local - guess)
        }
    }

    var scope: FileScope
    /// The file it is for; nil: every file.
    public var file: String? { scope.file }
    public var zone: Zone
    /// As the user wrote it.
    public var text: String

    /// Parses `ZONE` or `FILE=ZONE`; throws a message naming what is wrong.
    public init(parsing s: String) throws(ChargeLogError) {
        let expected = "an offset (+01:00, -0530), a zone name (Europe/Berlin) or UTC, optionally after FILE="
        guard let (scope, spec) = FileScope.split(s), let z = Self.zone(spec) else {
            throw .invalidArgument(name: "--tz", value: s, expected: expected)
        }
        self.scope = scope
        zone = z
        text = spec
    }

    static func zone(_ s: String) -> Zone? {
        if s == "UTC" || s == "Z" || s == "GMT" { return .fixed(0) }
        let b = Array(s.utf8)
        if let sign = b.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            let digits = b.dropFirst().filter { $0 != UInt8(ascii: ":") }
            guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }), digits.count == 2 || digits.count == 4 else { return nil }
            let v = digits.map { Int($0) - 48 }
            let hours = v[0] * 10 + v[1], minutes = digits.count == 4 ? v[2] * 10 + v[3] : 0
            guard hours <= 14, minutes < 60 else { return nil }
            let ms = Int64(hours * 3_600_000 + minutes * 60_000)
            return .fixed(sign == UInt8(ascii: "-") ? -ms : ms)
        }
        return TimeZone(identifier: s).map { .named($0) }
    }

    /// The offset ahead of UTC of a stamp written as `local` (epoch ms as if it were UTC).
    public func offset(atLocal local: Int64) -> Int64 { zone.offset(atLocal: local) }

    /// The override that applies to a file: a file's own before one for all files.
    public static func forFile(_ displayPath: String, in overrides: [ZoneOverride]) -> ZoneOverride? {
        FileScope.pick(overrides, for: displayPath, scope: \.scope)
    }
}
