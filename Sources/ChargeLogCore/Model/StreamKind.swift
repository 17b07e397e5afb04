/// The kind of log a file holds, detected from its content. One parser per kind.
/// The raw value is the `stream` field of the NDJSON timeline.
public enum StreamKind: String, Sendable, CaseIterable, Codable, Hashable {
    /// Sungrow TCU Qt application: `Apr/30 20:02:13 UTC --  message` (no year).
    case mainprocess
    /// Sungrow OCPP proxy (Java): `2024-05-01 14:42:14.595 +0000 INFO Class - message`.
    case ocpp
    /// Sungrow CCU: `[April/28 08:48:46.384 UTC][D00 23:20:20.544] message`, records may split over two lines.
    case ccu
    /// Sungrow fault log: `[January/10 06:21:06.873 UTC]CCU1->Err_...`, session headers carry the year.
    case fault
    /// Sungrow update log: same shape as fault, `Loader --> ...` lines.
    case update
    /// Bare OCPP-J frames (TONLY and similar), optional `[2021-11-09 15:58:40:440]` prefix.
    case frames
    /// Module-tagged ISO log: `704 2023-11-30T00:00:42+0000 [ocpp] message`.
    case module
    /// Generic ISO-8601 stamped log, e.g. `[2025-08-22T02:50:56.688Z] message`, with continuation lines.
    case generic
    /// ChargePilot OCPP-log CSV export.
    case csv
    /// Anything else: raw text lines, kept as they are.
    case text

    /// A short tag for narrow columns.
    public var tag: String {
        switch self {
        case .mainprocess: "MAIN"
        case .ocpp: "OCPP"
        case .ccu: "CCU"
        case .fault: "FLT"
        case .update: "UPD"
        case .frames: "FRM"
        case .module: "MOD"
        case .generic: "LOG"
        case .csv: "CSV"
        case .text: "TXT"
        }
    }

    /// Whether lines of this stream carry a full date (year included).
    public var carriesYear: Bool {
        switch self {
        case .mainprocess, .ccu, .fault, .update: false
        default: true
        }
    }
}
