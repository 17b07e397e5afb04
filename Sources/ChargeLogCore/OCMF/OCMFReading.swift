/// One reading (`RD` entry) of an OCMF document, with omitted fields filled from the reading before,
/// as the format prescribes.
public struct OCMFReading: Sendable, Equatable {
    /// TM: `2024-05-01T18:27:41,000+0200 R`, as sent.
    public var timeText: String?
    /// TM as epoch ms (the zone in the text applied).
    public var time: Int64?
    /// The letter after the time: U unsynchronised, I informative, S synchronised, R relative.
    public var timeSync: Character?
    /// TX: B begin, C charging, X exception, E end, L local stop, R remote stop, A abort,
    /// P power failure, S suspended, T tariff change.
    public var kind: Character?
    /// RV as written (`11727.040`).
    public var valueText: String?
    public var value: Double?
    /// RI: OBIS id, `1-0:1.8.0` = active energy import.
    public var obis: String?
    /// RU: `kWh`, `Wh`, ...
    public var unit: String?
    /// RT: `AC` / `DC`.
    public var currentType: String?
    /// EF: error flags (`E` energy, `t` time).
    public var errorFlags: String?
    /// ST: meter status, `G` = OK.
    public var status: Character?

    /// The value in Wh when the unit is an energy unit.
    public var valueWh: Double? {
        guard let v = value else { return nil }
        switch unit {
        case "kWh": return v * 1000
        case "Wh": return v
        case "MWh": return v * 1_000_000
        default: return nil
        }
    }

    /// Whether RI names active energy import (`1-0:1.8.0`, `1-0:1.8.0*255`, or no RI at all).
    public var isImportRegister: Bool {
        guard let o = obis else { return true }
        return o.contains("1.8.")
    }

    public var kindDescription: String {
        switch kind {
        case "B": "begin"
        case "C": "charging"
        case "X": "exception"
        case "E": "end"
        case "L": "local stop"
        case "R": "remote stop"
        case "A": "abort"
        case "P": "power failure"
        case "S": "suspended"
        case "T": "tariff change"
        default: kind.map { "unknown (\($0))" } ?? "—"
        }
    }

    public var timeSyncDescription: String {
        switch timeSync {
        case "U": "unsynchronised"
        case "I": "informative"
        case "S": "synchronised"
        case "R": "relative"
        default: timeSync.map { "unknown (\($0))" } ?? "—"
        }
    }

    public var statusDescription: String {
        switch status {
        case "G": "ok"
        case "N": "not present"
        case "T": "timeout"
        case "D": "disconnected"
        case "R": "not found"
        case "M": "manipulated"
        case "X": "exchanged"
        case "I": "incompatible"
        case "O": "out of range"
        case "S": "substitute"
        case "E": "other error"
        case "F": "read error"
        default: status.map { "unknown (\($0))" } ?? "—"
        }
    }

    /// Whether TX marks the end of a transaction (E, L, R, A, P).
    public var isEnd: Bool { kind.map { "ELRAP".contains($0) } ?? false }
}
