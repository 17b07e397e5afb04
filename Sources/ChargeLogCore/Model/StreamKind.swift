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
    /// Python `logging` default (`basicConfig`): `INFO:websockets.server:message`, no time stamp.
    case pybasic
    /// Python `logging` with a time: `2025-10-03 13:09:13,380 - ocpp - INFO - message`.
    case python
    /// uvicorn: `INFO:     Started server process [10152]`, no time stamp.
    case uvicorn
    /// Home Assistant: `2026-02-16 18:06:42.035 INFO (MainThread) [ocpp] message`.
    case homeassistant
    /// syslog: `Jan  5 10:00:00 host prog[123]: message` (no year), or with an RFC 3339 stamp.
    case syslog
    /// Java logback / log4j: `2024-01-05 10:00:00,123 [main] INFO com.example.Foo - message`.
    case java
    /// Time of day only: `[12:24:30:733] message`; the date from a header line.
    case timeofday
    /// JSON lines: one JSON object per line, time from `timestamp` / `time` / `ts` / `@timestamp`.
    case jsonl
    /// Open OCPP Trace records (JSON lines with `schemaVersion`, `direction`, `messageType`).
    case trace
    /// EVerest libocpp message log: `2023-12-07T04:03:32.455Z: ChargePoint>CentralSystem BootNotification`
    /// and the frame pretty-printed on the lines after it.
    case everest
    /// A format defined in a user's format file.
    case custom
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
        case .pybasic: "PYB"
        case .python: "PY"
        case .uvicorn: "UVI"
        case .homeassistant: "HA"
        case .syslog: "SYSL"
        case .java: "JAVA"
        case .timeofday: "TOD"
        case .jsonl: "JSON"
        case .trace: "TRC"
        case .everest: "EVR"
        case .custom: "USR"
        case .text: "TXT"
        }
    }

    /// Whether lines of this stream carry a full date (year included).
    public var carriesYear: Bool {
        switch self {
        case .mainprocess, .ccu, .fault, .update, .syslog: false
        default: true
        }
    }
}
