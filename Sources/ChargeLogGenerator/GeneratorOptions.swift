import Foundation
import ChargeLogCore

/// What `BundleGenerator` should produce.
public struct GeneratorOptions: Sendable, Equatable, Codable {
    /// Stop planning new sessions once the files hold this many bytes (the scripted first day
    /// always completes, so a small target yields that day).
    public var targetBytes: UInt64
    /// Seed of the deterministic random generator: the same seed and options give the same bytes.
    public var seed: UInt64
    /// First day of the bundle (UTC midnight, epoch ms). Ignored in part when `crossNewYear` is set:
    /// then the bundle starts on Dec 31 of this date's year.
    public var startDay: Int64
    /// Start on Dec 31 and continue into Jan 1 of the next year; file modification times are then set
    /// in another, later year, so only the bundle's own evidence can date the year-less streams.
    public var crossNewYear: Bool
    /// Number of connectors (1...4).
    public var connectors: Int
    /// Also pack each stream folder into `<folder>.zip` (flat entries, as the portal downloads them)
    /// and remove the folders.
    public var zip: Bool

    public init(targetBytes: UInt64 = 2_000_000, seed: UInt64 = 1,
                startDay: Int64 = CivilTime.days(year: 2024, month: 4, day: 20) * CivilTime.msPerDay,
                crossNewYear: Bool = false, connectors: Int = 2, zip: Bool = false) {
        self.targetBytes = targetBytes
        self.seed = seed
        self.startDay = startDay
        self.crossNewYear = crossNewYear
        self.connectors = connectors
        self.zip = zip
    }

    /// Parses sizes like `500MB`, `2 MiB`, `1.5GB`, `800k`, `123456` (decimal units; `MiB` binary).
    public static func parseSize(_ text: String) -> UInt64? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        var number = ""
        var unit = ""
        for ch in t {
            if unit.isEmpty, ch.isNumber || ch == "." { number.append(ch) } else if ch != " " { unit.append(ch) }
        }
        guard let v = Double(number), v >= 0 else { return nil }
        let scale: Double
        switch unit {
        case "", "b": scale = 1
        case "k", "kb": scale = 1e3
        case "kib": scale = 1024
        case "m", "mb": scale = 1e6
        case "mib": scale = 1_048_576
        case "g", "gb": scale = 1e9
        case "gib": scale = 1_073_741_824
        default: return nil
        }
        return UInt64((v * scale).rounded())
    }
}
