import ChargeLogCore

/// Colour roles for streams and levels.
enum StreamStyle {
    static func role(_ s: StreamKind) -> ColorRole {
        switch s {
        case .mainprocess: .streamMain
        case .ocpp: .streamOCPP
        case .ccu: .streamCCU
        case .fault: .streamFault
        case .update: .streamUpdate
        case .frames: .streamFrames
        case .module: .streamModule
        case .generic: .streamGeneric
        case .csv: .streamCSV
        case .trace, .everest, .jsonl: .streamFrames
        case .pybasic, .python, .uvicorn, .homeassistant, .syslog, .java, .timeofday, .custom: .streamGeneric
        case .text: .streamText
        }
    }

    static func levelLetter(_ l: LogLevel) -> (String, ColorRole) {
        switch l {
        case .none: (" ", .text)
        case .trace: ("T", .levelDebug)
        case .debug: ("D", .levelDebug)
        case .info: ("I", .levelInfo)
        case .warn: ("W", .levelWarn)
        case .error: ("E", .levelError)
        case .fatal: ("F", .levelError)
        }
    }
}
